// Request bodies are JSON or form-encoded, nothing else (docs/errors.md:
// 415). Found by the input fuzzer: Fastify's built-in text/plain parser let
// a text/plain POST through to handlers that take no body, e.g. the console's
// secret reissue. text/plain is also a "simple" content type that another
// site may POST without a CORS preflight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { http, signUp } from './helpers';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ webhooks: false });
});
afterAll(() => sandbox.close());

describe('request content types', () => {
  it('refuses text/plain with 415 and the envelope, and the handler never runs', async () => {
    const merchant = await signUp(sandbox.url);
    const before = sandbox.db.prepare('SELECT secret_hash FROM merchants WHERE merchant_code = ?').get(merchant.merchant_code);
    const result = await http(sandbox.url, 'POST', '/console/api/keys/reissue', {
      raw: '{}',
      contentType: 'text/plain',
      headers: { cookie: merchant.cookie },
    });
    expect(result.status).toBe(415);
    expect(result.body).toMatchObject({ code: -1, response: null });
    expect(result.body.message).toMatch(/Unsupported Content-Type/);
    expect(sandbox.db.prepare('SELECT secret_hash FROM merchants WHERE merchant_code = ?').get(merchant.merchant_code)).toEqual(before);
  });

  it.each(['text/plain', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'application/xml'])('refuses %s on the REST API too', async (type) => {
    const result = await http(sandbox.url, 'POST', '/users/getToken', { raw: 'imp_key=a&imp_secret=b', contentType: type });
    expect(result.status).toBe(415);
    expect(result.body).toMatchObject({ code: -1, response: null });
  });

  it('still accepts JSON and form bodies', async () => {
    const json = await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: 'a', imp_secret: 'b' } });
    const form = await http(sandbox.url, 'POST', '/users/getToken', { form: { imp_key: 'a', imp_secret: 'b' } });
    expect([json.status, form.status]).toEqual([401, 401]);
  });
});
