// Redirect mode: the SDK's form POST to /checkout/redirect is stored and
// answered with a 303 to the checkout page, which reads it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { http } from './helpers';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const request = {
  action: 'payment',
  sdk: '0.1.0',
  params: { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'm-1', amount: 1000, m_redirect_url: 'https://shop.test/done?x=1' },
};

describe('POST /checkout/redirect', () => {
  it('stores the request and redirects (303) to the checkout page, which can read it back', async () => {
    const posted = await http(sandbox.url, 'POST', '/checkout/redirect', {
      form: { request: JSON.stringify(request) },
      headers: { origin: 'https://shop.test', 'sec-fetch-site': 'cross-site' },
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    expect(location).toMatch(/^\/checkout\/window\?mode=redirect&session=[A-Za-z0-9_-]{20,}$/);
    const session = new URL(location, sandbox.url).searchParams.get('session')!;

    const read = await http(sandbox.url, 'GET', `/checkout/api/redirect-sessions/${session}`);
    expect(read.status).toBe(200);
    expect(read.body.response).toMatchObject({ action: 'payment', sdk: '0.1.0', params: request.params, origin: 'https://shop.test' });
    expect((await http(sandbox.url, 'GET', '/checkout/api/redirect-sessions/not-a-session')).status).toBe(404);
    // Only the hash of the session id is stored.
    const stored = sandbox.db.prepare('SELECT session_hash FROM redirect_sessions').all() as Array<{ session_hash: string }>;
    expect(stored.some((row) => row.session_hash === session)).toBe(false);
  });

  it('refuses a malformed request with 400 and a reason', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /missing/],
      [{ request: '{not json' }, /not valid JSON/],
      [{ request: JSON.stringify({ ...request, action: 'zzim' }) }, /action/],
      [{ request: JSON.stringify({ ...request, params: { ...request.params, m_redirect_url: '/relative' } }) }, /m_redirect_url/],
    ];
    for (const [form, message] of cases) {
      const result = await http(sandbox.url, 'POST', '/checkout/redirect', { form, redirect: 'manual' });
      expect(result.status).toBe(400);
      expect(result.body.message).toMatch(message);
    }
  });
});
