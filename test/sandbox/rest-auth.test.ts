// POST /users/getToken and token checks (v1-contract §5.2): JSON or form
// body; 30-minute tokens; the same token while valid; +5 minutes when at
// most 1 minute remains; 401 when expired; three header forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, TestClock, type RunningSandbox } from '../support/sandbox';
import { AUTH_FORMS, authHeaders, http } from './helpers';

const clock = new TestClock(Date.UTC(2025, 0, 15, 3, 0, 0));
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: clock.now });
});
afterAll(() => sandbox.close());

const credentials = { imp_key: DEMO_MERCHANT.apiKey, imp_secret: DEMO_MERCHANT.apiSecret };
const MINUTE = 60_000;

async function token() {
  const result = await http(sandbox.url, 'POST', '/users/getToken', { json: credentials });
  expect(result.status).toBe(200);
  return result.body.response as { access_token: string; expired_at: number; now: number };
}

describe('POST /users/getToken', () => {
  it('accepts a form-encoded body like a JSON one', async () => {
    const form = await http(sandbox.url, 'POST', '/users/getToken', { form: credentials });
    expect(form.status).toBe(200);
    expect(form.body.code).toBe(0);
    expect(form.body.message).toBeNull();
    expect(form.body.response.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect((await token()).access_token).toBe(form.body.response.access_token);
  });

  it('refuses wrong credentials with 401 and the envelope', async () => {
    for (const body of [{ ...credentials, imp_secret: 'wrong' }, { ...credentials, imp_key: '0000000000000000' }]) {
      const result = await http(sandbox.url, 'POST', '/users/getToken', { json: body });
      expect(result.status).toBe(401);
      expect(result.body).toMatchObject({ code: -1, response: null });
    }
  });

  it('issues a 30-minute token, returns the same one while it lives, and extends it near expiry', async () => {
    clock.advance(24 * 60 * MINUTE); // whatever earlier tests issued has expired
    const first = await token();
    expect(first.now).toBe(Math.floor(clock.now() / 1000));
    expect(first.expired_at - first.now).toBe(30 * 60);

    clock.advance(10 * MINUTE);
    const again = await token();
    expect(again.access_token).toBe(first.access_token);
    expect(again.expired_at).toBe(first.expired_at);

    clock.advance(19 * MINUTE + 30_000); // 30 s left
    const extended = await token();
    expect(extended.access_token).toBe(first.access_token);
    expect(extended.expired_at).toBe(first.expired_at + 5 * 60);

    // Still usable after the original expiry, thanks to the extension.
    clock.advance(2 * MINUTE);
    const use = await http(sandbox.url, 'GET', '/tiers/A01', { headers: authHeaders(first.access_token) });
    expect(use.status).toBe(200);

    // Expired: refused, and getToken issues a new one.
    clock.advance(4 * MINUTE);
    const expired = await http(sandbox.url, 'GET', '/tiers/A01', { headers: authHeaders(first.access_token) });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: -1, response: null });
    expect(expired.body.message).toMatch(/만료/);
    expect(expired.headers.get('www-authenticate')).toMatch(/Bearer/);
    const fresh = await token();
    expect(fresh.access_token).not.toBe(first.access_token);
  });
});

describe('token headers', () => {
  it.each(AUTH_FORMS)('accepts the token as %s', async (form) => {
    const { access_token } = await token();
    const result = await http(sandbox.url, 'GET', '/tiers/A01', { headers: authHeaders(access_token, form) });
    expect(result.status).toBe(200);
    expect(result.body.response).toEqual({ tier_code: 'A01', tier_name: DEMO_MERCHANT.tier.name });
  });

  it('refuses a missing or unknown token with 401 and lets Authorization win over X-ImpTokenHeader', async () => {
    const { access_token } = await token();
    expect((await http(sandbox.url, 'GET', '/tiers/A01')).status).toBe(401);
    expect((await http(sandbox.url, 'GET', '/tiers/A01', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const both = await http(sandbox.url, 'GET', '/tiers/A01', { headers: { authorization: 'bogus', 'x-imptokenheader': access_token } });
    expect(both.status).toBe(401);
    const lowerBearer = await http(sandbox.url, 'GET', '/tiers/A01', { headers: { authorization: `bearer ${access_token}` } });
    expect(lowerBearer.status).toBe(200);
  });

  it('authenticates before reading the body', async () => {
    const result = await http(sandbox.url, 'POST', '/payments/cancel', { raw: '{broken', contentType: 'application/json' });
    expect(result.status).toBe(401);
  });
});
