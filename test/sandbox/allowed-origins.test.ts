// Issue 6, "Origin control, beyond V1": a merchant lists in the console the
// origins allowed to open its checkout; a checkout (payment or
// certification; iframe, popup or redirect) from any other origin is refused
// with F1009 as an SDK failure response, and nothing is written. An empty
// list allows every origin, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { consoleCall, http, openPayment, signUp, type SignedUp } from './helpers';

let sandbox: RunningSandbox;
let merchant: SignedUp;
beforeAll(async () => {
  sandbox = await startTestSandbox({ webhooks: false });
  merchant = await signUp(sandbox.url);
});
afterAll(() => sandbox.close());

const origins = (method: string, path = '/console/api/origins', json?: unknown) => consoleCall(sandbox.url, merchant.cookie, method, path, json);
const count = (table: string) => (sandbox.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const F1009 = /^허용되지 않은 도메인에서의 결제 요청입니다\. \(origin: .+\) 관리자 콘솔의 허용 도메인 설정을 확인해주세요\.$/;

describe('console API', () => {
  it('starts empty: every origin allowed', async () => {
    const result = await origins('GET');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ origins: [], enforced: false });
  });

  it.each([
    'shop.example',
    'https://shop.example/checkout',
    'https://shop.example?x=1',
    'https://shop.example/#top',
    'ftp://shop.example',
    'javascript:alert(1)',
    'https://user:pw@shop.example',
    'null',
    '*',
    'https://*.shop.example',
    ' ',
  ])('refuses %j with 400', async (origin) => {
    const result = await origins('POST', '/console/api/origins', { origin });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: -1, response: null });
    expect((await origins('GET')).body.origins).toEqual([]);
  });

  it('adds normalised origins (case, default port, trailing slash), once each, and removes them', async () => {
    expect((await origins('POST', '/console/api/origins', { origin: ' HTTPS://Shop.Example:443/ ' })).body).toMatchObject({
      origins: ['https://shop.example'],
      enforced: true,
    });
    expect((await origins('POST', '/console/api/origins', { origin: 'https://shop.example' })).body.origins).toEqual(['https://shop.example']);
    await origins('POST', '/console/api/origins', { origin: 'http://localhost:4010' });
    await origins('POST', '/console/api/origins', { origin: 'https://old.example' });
    const removed = await origins('DELETE', `/console/api/origins/${encodeURIComponent('https://old.example')}`);
    expect(removed.status).toBe(200);
    expect(removed.body.origins).toEqual(['https://shop.example', 'http://localhost:4010']);
    expect((await origins('DELETE', `/console/api/origins/${encodeURIComponent('https://old.example')}`)).status).toBe(404);
  });

  it('caps the list at 20', async () => {
    const other = await signUp(sandbox.url);
    for (let i = 0; i < 20; i++) {
      expect((await consoleCall(sandbox.url, other.cookie, 'POST', '/console/api/origins', { origin: `https://s${i}.example` })).status).toBe(200);
    }
    const over = await consoleCall(sandbox.url, other.cookie, 'POST', '/console/api/origins', { origin: 'https://s20.example' });
    expect(over.status).toBe(400);
  });

  it('needs a session and a same-site request', async () => {
    expect((await http(sandbox.url, 'GET', '/console/api/origins')).status).toBe(401);
    const crossSite = await http(sandbox.url, 'POST', '/console/api/origins', {
      json: { origin: 'https://evil.example' },
      headers: { cookie: merchant.cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await origins('GET')).body.origins).not.toContain('https://evil.example');
  });
});

describe('enforcement at checkout open', () => {
  const params = (merchantUid: string) => ({ user_code: merchant.merchant_code, merchant_uid: merchantUid, amount: 1000, name: 'origin test' });

  it('opens payments from a listed origin, in every mode', async () => {
    for (const mode of ['iframe', 'popup', 'redirect']) {
      const result = await openPayment(sandbox.url, { ...params(`ok-${mode}`), m_redirect_url: 'https://shop.example/done' }, mode, 'https://shop.example');
      expect(result.body.code, result.text).toBe(0);
    }
    expect((await openPayment(sandbox.url, params('ok-local'), 'iframe', 'http://localhost:4010')).body.code).toBe(0);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['http instead of https', 'http://shop.example'],
    ['another port', 'https://shop.example:8443'],
    ['a sub-domain', 'https://www.shop.example'],
    ['an unknown origin', null],
  ])('refuses %s with F1009 and writes nothing', async (_what, origin) => {
    const before = count('payments');
    const result = await openPayment(sandbox.url, params('refused'), 'iframe', origin);
    expect(result.status).toBe(200);
    expect(result.body.code).toBe(1);
    expect(result.body.message).toMatch(F1009);
    expect(result.body.response.sdk_response).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'refused',
      error_code: 'F1009',
      error_msg: result.body.message,
    });
    expect(result.body.message).toContain(`(origin: ${origin ?? '알 수 없음'})`);
    expect(count('payments')).toBe(before);
  });

  it('gives a redirect-mode refusal its landing URL', async () => {
    const result = await openPayment(sandbox.url, { ...params('refused-redirect'), m_redirect_url: 'https://evil.example/done?a=1' }, 'redirect', 'https://evil.example');
    expect(result.body.response.sdk_response.error_code).toBe('F1009');
    const landing = new URL(result.body.response.redirect_url);
    expect(landing.origin + landing.pathname).toBe('https://evil.example/done');
    expect(landing.searchParams.get('a')).toBe('1');
    expect(landing.searchParams.get('error_code')).toBe('F1009');
    expect(landing.searchParams.get('imp_success')).toBe('false');
  });

  it('applies to sub-merchants (tiers) and to certifications', async () => {
    await origins('POST', '/console/api/tiers', { name: '지점', tier_code: 'B02' });
    const tier = await openPayment(sandbox.url, { ...params('tier'), tier_code: 'B02' }, 'iframe', 'https://evil.example');
    expect(tier.body.response.sdk_response.error_code).toBe('F1009');
    expect((await openPayment(sandbox.url, { ...params('tier-ok'), tier_code: 'B02' }, 'iframe', 'https://shop.example')).body.code).toBe(0);

    const before = count('certifications');
    const open = (origin: string) =>
      http(sandbox.url, 'POST', '/checkout/api/certifications', { json: { params: { user_code: merchant.merchant_code, merchant_uid: 'cert-1' }, mode: 'popup', origin } });
    const refused = await open('https://evil.example');
    expect(refused.body.code).toBe(1);
    expect(refused.body.response.sdk_response).toMatchObject({ success: false, imp_uid: null, merchant_uid: 'cert-1', error_code: 'F1009' });
    expect(refused.body.message).toMatch(/^허용되지 않은 도메인에서의 본인인증 요청입니다/);
    expect(count('certifications')).toBe(before);
    expect((await open('https://shop.example')).body.code).toBe(0);
  });

  it('leaves other merchants alone (an empty list allows every origin)', async () => {
    const result = await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'demo-any', amount: 100 }, 'iframe', 'https://anywhere.example');
    expect(result.body.code).toBe(0);
    const none = await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'demo-null', amount: 100 }, 'iframe', null);
    expect(none.body.code).toBe(0);
  });
});

describe('enforcement at the redirect POST', () => {
  const post = (headers: Record<string, string>, mRedirectUrl = 'https://shop.example/done#end') =>
    http(sandbox.url, 'POST', '/checkout/redirect', {
      form: {
        request: JSON.stringify({
          action: 'payment',
          params: { user_code: merchant.merchant_code, merchant_uid: 'redirect-1', amount: 1000, m_redirect_url: mRedirectUrl },
          sdk: 'test',
        }),
      },
      headers,
      redirect: 'manual',
    });

  it('sends a listed origin on to the checkout window', async () => {
    const result = await post({ origin: 'https://shop.example' });
    expect(result.status).toBe(303);
    expect(result.headers.get('location')).toMatch(/^\/checkout\/window\?mode=redirect&session=/);
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['Origin: null (e.g. Referrer-Policy: no-referrer)', { origin: 'null' }],
    ['no Origin header, even with a listed m_redirect_url', {}],
  ])('sends %s straight back to m_redirect_url with F1009, storing no session', async (_what, headers) => {
    const before = count('redirect_sessions');
    const result = await post(headers);
    expect(result.status).toBe(303);
    const landing = new URL(result.headers.get('location')!);
    expect(`${landing.origin}${landing.pathname}${landing.hash}`).toBe('https://shop.example/done#end');
    expect(Object.fromEntries(landing.searchParams)).toMatchObject({
      imp_uid: '',
      merchant_uid: 'redirect-1',
      imp_success: 'false',
      success: 'false',
      error_code: 'F1009',
    });
    expect(landing.searchParams.get('error_msg')).toMatch(F1009);
    expect(count('redirect_sessions')).toBe(before);
  });

  it('allows every origin again once the list is emptied', async () => {
    for (const origin of (await origins('GET')).body.origins as string[]) await origins('DELETE', `/console/api/origins/${encodeURIComponent(origin)}`);
    expect((await origins('GET')).body).toMatchObject({ origins: [], enforced: false });
    expect((await post({ origin: 'https://evil.example' })).headers.get('location')).toMatch(/^\/checkout\/window/);
    expect((await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'open-again', amount: 1 }, 'iframe', 'https://evil.example')).body.code).toBe(0);
  });
});
