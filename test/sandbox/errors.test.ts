// Bad input never gets a stack trace or a half-written record: malformed
// JSON, wrong types, oversize bodies, unsupported media types and unknown
// routes all answer with the V1 envelope and a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../demo/sandbox/app';
import { openDatabase } from '../../demo/sandbox/db/open';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { http, openPayment } from './helpers';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function expectEnvelope(body: unknown, code = -1) {
  expect(body).toMatchObject({ code, response: null });
  expect(typeof (body as { message: unknown }).message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/ at |\.ts:|node_modules/);
}

describe('error envelope', () => {
  it('answers malformed JSON with 400 and the envelope', async () => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { raw: '{"imp_key": ', contentType: 'application/json' });
    expect(result.status).toBe(400);
    expectEnvelope(result.body);
    expect(result.body.message).toMatch(/Malformed JSON/);
  });

  it('names a missing parameter', async () => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: 'x' } });
    expect(result.status).toBe(400);
    expectEnvelope(result.body);
    expect(result.body.message).toBe('파라미터 누락: imp_secret');
  });

  it('names a parameter of the wrong type', async () => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: { nested: true }, imp_secret: 'x' } });
    expect(result.status).toBe(400);
    expectEnvelope(result.body);
    expect(result.body.message).toContain('body.imp_key');
  });

  it('refuses an oversize body with 413', async () => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { raw: JSON.stringify({ imp_key: 'x'.repeat(400_000), imp_secret: 'y' }), contentType: 'application/json' });
    expect(result.status).toBe(413);
    expectEnvelope(result.body);
  });

  it('refuses an unsupported content type with 415', async () => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { raw: '<xml/>', contentType: 'application/xml' });
    expect(result.status).toBe(415);
    expectEnvelope(result.body);
  });

  it('answers unknown routes with 404 and the envelope', async () => {
    const result = await http(sandbox.url, 'GET', '/no/such/route?x=1');
    expect(result.status).toBe(404);
    expectEnvelope(result.body);
    expect(result.body.message).toBe('No such endpoint: GET /no/such/route');
  });

  it('answers an unexpected exception with 500 and no stack trace', async () => {
    const app = await buildApp({ db: openDatabase(':memory:'), logger: false, webhooks: false });
    app.get('/boom', async () => {
      throw new Error('internal detail that must not leak');
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    await app.close();
    expect(response.statusCode).toBe(500);
    expectEnvelope(response.json());
    expect(response.body).not.toContain('internal detail');
  });

  it('a refused checkout with a malformed body writes nothing', async () => {
    const before = sandbox.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number };
    const bad = await http(sandbox.url, 'POST', '/checkout/api/payments', { json: { params: 'not-an-object', mode: 'iframe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(-1);
    expect(bad.body.response.sdk_response).toMatchObject({ success: false, imp_success: false, imp_uid: null, error_code: 'F1006' });
    const wrongAmount = await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'bad_amount', amount: 'lots' });
    expect(wrongAmount.body.code).toBe(1);
    expect(wrongAmount.body.response.sdk_response.error_code).toBe('F1006');
    const after = sandbox.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number };
    expect(after.n).toBe(before.n);
  });
});
