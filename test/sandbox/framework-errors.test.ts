// Failures raised before any route runs: the router's (bad percent-encoding,
// an over-long path parameter) and Node's HTTP parser's (a broken request
// line, oversize headers). Found by the input fuzzer: Fastify answered these
// in its own JSON shape instead of the V1 envelope.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawHttpClient } from '../support/raw-http';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';

let sandbox: RunningSandbox;
let client: RawHttpClient;
beforeAll(async () => {
  sandbox = await startTestSandbox({ webhooks: false });
  client = new RawHttpClient(sandbox.url);
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});

function expectEnvelope(text: string): { code: number; message: string; response: unknown } {
  const body = JSON.parse(text) as { code: number; message: string; response: unknown };
  expect(body).toMatchObject({ code: -1, response: null });
  expect(typeof body.message).toBe('string');
  return body;
}

/** Writes raw bytes on a fresh connection and returns everything the server sends back. */
function rawExchange(bytes: string): Promise<string> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('router and parser failures answer with the envelope', () => {
  it('a path parameter over 100 characters → 414', async () => {
    const response = await client.send({ method: 'GET', path: `/payments/${'A'.repeat(500)}` });
    expect(response.status).toBe(414);
    expect(expectEnvelope(response.text).message).toMatch(/too long/);
  });

  it('broken percent-encoding in the path → 400', async () => {
    const response = await client.send({ method: 'GET', path: '/payments/%E0%A4%A' });
    expect(response.status).toBe(400);
    expect(expectEnvelope(response.text).message).toMatch(/Malformed URL/);
  });

  it('a request line Node cannot parse → 400', async () => {
    const answer = await rawExchange('GET /payments/x HTTP/1.1 nonsense\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expectEnvelope(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  });

  it('oversize headers → 431', async () => {
    const answer = await rawExchange(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expectEnvelope(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  });
});
