// The checkout service API: open (with every refusal), approve by test card
// or method, decline, fail, user cancel, billing keys, vbank and deposit.
// Every ending gives the checkout page the exact SDK response to forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { approve, authHeaders, consoleCall, demoToken, http, openPayment, signUp } from './helpers';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await demoToken(sandbox.url);
});
afterAll(() => sandbox.close());

const base = (params: Record<string, unknown>) => ({ user_code: DEMO_MERCHANT.merchantCode, amount: 15000, name: '주문', ...params });
const refusalOf = async (params: Record<string, unknown>) => {
  const result = await openPayment(sandbox.url, base(params));
  expect(result.status).toBe(200);
  expect(result.body.code).toBe(1);
  const response = result.body.response.sdk_response;
  expect(response).toMatchObject({ success: false, imp_success: false, imp_uid: null });
  expect(response.error_msg).toBe(result.body.message);
  return response as { error_code: string; error_msg: string; merchant_uid: string | null };
};

describe('opening a payment', () => {
  it('stores a ready payment and hands the page what to show', async () => {
    const result = await openPayment(sandbox.url, base({ merchant_uid: 'open-1', buyer_name: '김구매', pg: 'kcp', custom_data: 'plain text' }));
    expect(result.body.code).toBe(0);
    const opened = result.body.response;
    expect(opened.imp_uid).toMatch(/^imp_\d{12}$/);
    expect(opened.checkout_token.length).toBeGreaterThanOrEqual(20);
    expect(opened.merchant).toEqual({ code: DEMO_MERCHANT.merchantCode, name: DEMO_MERCHANT.name });
    expect(opened.tier).toBeNull();
    expect(opened.payment).toMatchObject({ merchant_uid: 'open-1', amount: 15000, currency: 'KRW', pay_method: 'card', pg_provider: 'kcp', pg_id: 'T0000', buyer_name: '김구매' });
    expect(opened.test_cards.map((c: { outcome: string }) => c.outcome)).toEqual(expect.arrayContaining(['approve', 'decline', 'fail']));
    const stored = await http(sandbox.url, 'GET', `/payments/${opened.imp_uid}`, { headers: authHeaders(token) });
    expect(stored.body.response).toMatchObject({ status: 'ready', paid_at: 0, custom_data: 'plain text', pg_provider: 'kcp' });
    expect(stored.body.response.started_at).toBeGreaterThan(0);
  });

  it('refuses an unknown merchant code (F1004) and a missing one', async () => {
    expect((await refusalOf({ user_code: 'imp00000000', merchant_uid: 'a' })).error_code).toBe('F1004');
    const missing = await refusalOf({ user_code: undefined, merchant_uid: 'a' });
    expect(missing).toMatchObject({ error_code: 'F1004', merchant_uid: 'a' });
  });

  it('resolves pg like V1: default, provider, provider.MID, the kakao alias, channelKey; F1001 otherwise', async () => {
    const pgOf = async (params: Record<string, unknown>) => (await openPayment(sandbox.url, base({ merchant_uid: 'pg', ...params }))).body.response.payment;
    expect((await pgOf({})).pg_provider).toBe('html5_inicis');
    expect(await pgOf({ pg: 'nice' })).toMatchObject({ pg_provider: 'nice', pg_id: 'nictest00m' });
    expect(await pgOf({ pg: 'html5_inicis.INIpayTest' })).toMatchObject({ pg_provider: 'html5_inicis', pg_id: 'INIpayTest' });
    expect((await pgOf({ pg: 'kakao' })).pg_provider).toBe('kakaopay');
    const unknownProvider = await refusalOf({ merchant_uid: 'pg', pg: 'nosuchpg' });
    expect(unknownProvider.error_code).toBe('F1001');
    expect(unknownProvider.error_msg).toMatch(/^등록되지 않은 PG모듈 정보입니다\./);
    expect((await refusalOf({ merchant_uid: 'pg', pg: 'kcp.WRONGMID' })).error_code).toBe('F1001');

    const merchant = await signUp(sandbox.url);
    const channels = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/channels');
    const toss = channels.body.channels.find((c: { pg_provider: string }) => c.pg_provider === 'tosspayments');
    const byKey = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'k', amount: 1, channelKey: toss.channel_key });
    expect(byKey.body.response.payment.pg_provider).toBe('tosspayments');
    // Removing a provider makes requests for it fail like V1.
    await consoleCall(sandbox.url, merchant.cookie, 'DELETE', `/console/api/channels/${toss.id}`);
    const gone = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'k', amount: 1, pg: 'tosspayments' });
    expect(gone.body.response.sdk_response.error_code).toBe('F1001');
  });

  it('answers NOT_READY, whatever pg or channelKey asks for, to a merchant without any payment channel; an added one becomes the default', async () => {
    const merchant = await signUp(sandbox.url);
    const listed = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/channels');
    const paymentChannels = (listed.body.channels as Array<{ id: number; kind: string; channel_key: string }>).filter((c) => c.kind === 'payment');
    expect(paymentChannels.length).toBeGreaterThan(1);
    for (const channel of paymentChannels) await consoleCall(sandbox.url, merchant.cookie, 'DELETE', `/console/api/channels/${channel.id}`);
    for (const ask of [{}, { pg: 'html5_inicis' }, { pg: 'kcp.T0000' }, { pg: 'nosuchpg' }, { channelKey: paymentChannels[0]!.channel_key }]) {
      const refused = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'no-channel', amount: 1000, ...ask });
      expect(refused.body.response.sdk_response.error_code, JSON.stringify(ask)).toBe('NOT_READY');
    }
    const added = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/channels', { pg_provider: 'kcp' });
    expect(added.body.is_default).toBe(true);
    const opened = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'no-channel', amount: 1000 });
    expect(opened.body.response.payment).toMatchObject({ pg_provider: 'kcp', pg_id: 'T0000' });
    const unknown = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'no-channel', amount: 1000, pg: 'nice' });
    expect(unknown.body.response.sdk_response.error_code).toBe('F1001');
  });

  it('refuses bad amounts, merchant_uids and pay methods with documented codes', async () => {
    expect((await refusalOf({ merchant_uid: 'bad', amount: -1 })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: 'bad', amount: 10.5 })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: 'bad', amount: null })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: 'x'.repeat(41) })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: '' })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: 'bad', pay_method: 'cultureland' })).error_code).toBe('F1007');
    expect((await refusalOf({ merchant_uid: 'bad', currency: 'XYZ' })).error_code).toBe('F1006');
    expect((await refusalOf({ merchant_uid: 'bad', notice_url: 'javascript:alert(1)' })).error_code).toBe('F1006');
    // Sloppy but acceptable: numeric string amount, numeric merchant_uid, junk buyer_tel, decimal USD.
    const ok = await openPayment(sandbox.url, base({ merchant_uid: 12345, amount: '2500', buyer_tel: { junk: true } }));
    expect(ok.body.response.payment).toMatchObject({ merchant_uid: '12345', amount: 2500, buyer_tel: null });
    const usd = await openPayment(sandbox.url, base({ merchant_uid: 'usd', amount: 10.25, currency: 'usd', pg: 'paypal' }));
    expect(usd.body.response.payment).toMatchObject({ amount: 10.25, currency: 'USD' });
  });

  it('refuses a merchant_uid that is already paid (F1002)', async () => {
    const opened = await openPayment(sandbox.url, base({ merchant_uid: 'paid-once' }));
    await approve(sandbox.url, opened.body.response.imp_uid, opened.body.response.checkout_token);
    const again = await refusalOf({ merchant_uid: 'paid-once' });
    expect(again).toMatchObject({ error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.', merchant_uid: 'paid-once' });
  });

  it('refuses an amount that differs from the prepared one (F1003)', async () => {
    await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: 'prepared', amount: 15000 }, headers: authHeaders(token) });
    const mismatch = await refusalOf({ merchant_uid: 'prepared', amount: 100 });
    expect(mismatch.error_code).toBe('F1003');
    expect(mismatch.error_msg).toContain('15000');
    const matching = await openPayment(sandbox.url, base({ merchant_uid: 'prepared', amount: 15000 }));
    expect(matching.body.code).toBe(0);

    await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: 'prepared-usd', amount: 10, currency: 'USD' }, headers: authHeaders(token) });
    expect((await refusalOf({ merchant_uid: 'prepared-usd', amount: 10, currency: 'KRW' })).error_code).toBe('F1003');
  });

  it('refuses an origin that is not an http(s) origin', async () => {
    const result = await openPayment(sandbox.url, base({ merchant_uid: 'o' }), 'iframe', 'javascript:alert(1)');
    expect(result.status).toBe(400);
    expect(result.body.response.sdk_response.error_code).toBe('F1006');
  });
});

describe('approving', () => {
  async function open(params: Record<string, unknown>) {
    const result = await openPayment(sandbox.url, base(params));
    expect(result.body.code).toBe(0);
    return result.body.response as { imp_uid: string; checkout_token: string };
  }

  it('approves the default card and answers the SDK success response', async () => {
    const { imp_uid, checkout_token } = await open({ merchant_uid: 'card-ok', custom_data: { a: 1 }, buyer_email: 'b@example.com' });
    const result = await approve(sandbox.url, imp_uid, checkout_token);
    expect(result.body.code).toBe(0);
    expect(result.body.response.status).toBe('paid');
    expect(result.body.response.redirect_url).toBeUndefined();
    const sdk = result.body.response.sdk_response;
    expect(sdk).toMatchObject({
      success: true,
      imp_success: true,
      imp_uid,
      merchant_uid: 'card-ok',
      pay_method: 'card',
      paid_amount: 15000,
      status: 'paid',
      pg_provider: 'html5_inicis',
      card_name: '신한카드',
      card_number: '411111******1111',
      currency: 'KRW',
      buyer_email: 'b@example.com',
      custom_data: '{"a":1}',
    });
    expect(sdk.apply_num).toMatch(/^\d{8}$/);
    expect(sdk.paid_at).toBeGreaterThan(0);
    expect(sdk).not.toHaveProperty('error_code');
    const receipt = await http(sandbox.url, 'GET', new URL(sdk.receipt_url).pathname);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/text\/html/);
    expect(receipt.text).toContain(imp_uid);
    expect(receipt.text).toContain('411111******1111');
  });

  it('declines and fails with the documented test cards (no money taken)', async () => {
    const cases = [
      ['4000000000000002', 'F2001', /잔액부족/],
      ['4000 0000 0000 9995', 'F2002', /한도초과/],
      ['4000-0000-0000-0119', 'F2003', /PG오류/],
      ['1234', 'F2004', /유효하지 않은/],
    ] as const;
    for (const [card, code, message] of cases) {
      const { imp_uid, checkout_token } = await open({ merchant_uid: `decline-${code}` });
      const result = await approve(sandbox.url, imp_uid, checkout_token, { card_number: card });
      expect(result.body.code).toBe(0);
      expect(result.body.response.status).toBe('failed');
      expect(result.body.response.sdk_response).toEqual({ success: false, imp_success: false, imp_uid, merchant_uid: `decline-${code}`, error_code: code, error_msg: expect.stringMatching(message) });
      const stored = await http(sandbox.url, 'GET', `/payments/${imp_uid}`, { headers: authHeaders(token) });
      expect(stored.body.response).toMatchObject({ status: 'failed', paid_at: 0, fail_reason: expect.stringMatching(message) });
      expect(stored.body.response.failed_at).toBeGreaterThan(0);
    }
  });

  it('pays by bank transfer, phone and easy-pay wallets', async () => {
    const trans = await open({ merchant_uid: 'trans', pay_method: 'trans' });
    const transResult = await approve(sandbox.url, trans.imp_uid, trans.checkout_token, { bank_code: '088' });
    expect(transResult.body.response.sdk_response).toMatchObject({ success: true, pay_method: 'trans', bank_name: '신한은행' });
    const phone = await open({ merchant_uid: 'phone', pay_method: 'phone', pg: 'danal' });
    expect((await approve(sandbox.url, phone.imp_uid, phone.checkout_token)).body.response.status).toBe('paid');
    const wallet = await open({ merchant_uid: 'wallet', pay_method: 'kakaopay' });
    const walletResult = await approve(sandbox.url, wallet.imp_uid, wallet.checkout_token);
    expect(walletResult.body.response.sdk_response).toMatchObject({ success: true, pg_provider: 'html5_inicis', emb_pg_provider: 'kakaopay' });
  });

  it('issues a vbank account (ready + vbank fields), then the console deposit makes it paid', async () => {
    const { imp_uid, checkout_token } = await open({ merchant_uid: 'vbank', pay_method: 'vbank', vbank_due: '2030-12-31' });
    const issued = await approve(sandbox.url, imp_uid, checkout_token);
    expect(issued.body.response.status).toBe('ready');
    const sdk = issued.body.response.sdk_response;
    expect(sdk).toMatchObject({ success: true, status: 'ready', pay_method: 'vbank', vbank_name: 'KB국민은행', vbank_holder: DEMO_MERCHANT.name, vbank_code: '004' });
    expect(sdk.vbank_num).toMatch(/^\d{3}-\d{6}-\d{5}$/);
    // 2030-12-31 23:59:59 in Korea
    expect(sdk.vbank_date).toBe(Date.UTC(2030, 11, 31, 14, 59, 59) / 1000);
    const login = await http(sandbox.url, 'POST', '/console/api/login', { json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password } });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const deposit = await consoleCall(sandbox.url, cookie, 'POST', `/console/api/payments/${imp_uid}/deposit`);
    expect(deposit.status).toBe(200);
    expect(deposit.body.payment).toMatchObject({ status: 'paid', vbank_num: sdk.vbank_num });
    expect((await consoleCall(sandbox.url, cookie, 'POST', `/console/api/payments/${imp_uid}/deposit`)).status).toBe(409);
  });

  it('issues a billing key for customer_uid (amount 0 = issue only)', async () => {
    const { imp_uid, checkout_token } = await open({ merchant_uid: 'billing', customer_uid: 'cust-1', amount: 0, pg: 'kcp_billing' });
    const result = await approve(sandbox.url, imp_uid, checkout_token, { card_number: '5555555555554444' });
    expect(result.body.response.sdk_response).toMatchObject({ success: true, customer_uid: 'cust-1', card_name: '현대카드', paid_amount: 0 });
    const stored = await http(sandbox.url, 'GET', `/payments/${imp_uid}`, { headers: authHeaders(token) });
    expect(stored.body.response).toMatchObject({ customer_uid: 'cust-1', customer_uid_usage: 'issue' });
    const customer = sandbox.db.prepare('SELECT card_number FROM customers WHERE customer_uid = ?').get('cust-1') as { card_number: string };
    expect(customer.card_number).toBe('555555******4444');
  });

  it('turns a buyer cancel into F0000 with the exact V1 message, and keeps the first ending', async () => {
    const { imp_uid, checkout_token } = await open({ merchant_uid: 'abandon' });
    const cancel = await http(sandbox.url, 'POST', `/checkout/api/payments/${imp_uid}/cancel`, { json: { checkout_token } });
    expect(cancel.body.response.sdk_response).toEqual({
      success: false,
      imp_success: false,
      imp_uid,
      merchant_uid: 'abandon',
      error_code: 'F0000',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    const lateApprove = await approve(sandbox.url, imp_uid, checkout_token);
    expect(lateApprove.body.response).toMatchObject({ status: 'failed', repeated: true, sdk_response: { error_code: 'F0000' } });
  });

  it('never lets a cancel touch a paid payment', async () => {
    const { imp_uid, checkout_token } = await open({ merchant_uid: 'paid-then-cancel' });
    await approve(sandbox.url, imp_uid, checkout_token);
    const cancel = await http(sandbox.url, 'POST', `/checkout/api/payments/${imp_uid}/cancel`, { json: { checkout_token } });
    expect(cancel.body.response).toMatchObject({ status: 'paid', repeated: true, sdk_response: { success: true } });
    const again = await approve(sandbox.url, imp_uid, checkout_token);
    expect(again.body.response.sdk_response.apply_num).toBe(cancel.body.response.sdk_response.apply_num);
  });

  it('authorises nothing by imp_uid alone: a wrong or missing checkout token is refused', async () => {
    const { imp_uid } = await open({ merchant_uid: 'token-check' });
    const wrong = await approve(sandbox.url, imp_uid, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe(1);
    expect(wrong.body.response.sdk_response).toMatchObject({ success: false, imp_uid: null, merchant_uid: null, error_code: 'F1008' });
    const unknown = await approve(sandbox.url, 'imp_000000000000', 'x');
    expect(unknown.status).toBe(404);
    const missing = await http(sandbox.url, 'POST', `/checkout/api/payments/${imp_uid}/approve`, { json: {} });
    expect(missing.status).toBe(400);
    const stored = await http(sandbox.url, 'GET', `/payments/${imp_uid}`, { headers: authHeaders(token) });
    expect(stored.body.response.status).toBe('ready');
  });

  it('refuses cross-site browser calls to the checkout API', async () => {
    const result = await http(sandbox.url, 'POST', '/checkout/api/payments', {
      json: { params: base({ merchant_uid: 'xs' }), mode: 'iframe' },
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(result.status).toBe(403);
    expect(result.body.response.sdk_response.success).toBe(false);
  });

  it('gives redirect-mode endings the landing URL', async () => {
    const opened = await openPayment(sandbox.url, base({ merchant_uid: 'redir', m_redirect_url: 'https://shop.test/done?from=app#top' }), 'redirect', 'https://shop.test');
    const { imp_uid, checkout_token } = opened.body.response;
    const result = await approve(sandbox.url, imp_uid, checkout_token);
    expect(result.body.response.redirect_url).toBe(
      `https://shop.test/done?from=app&imp_uid=${imp_uid}&merchant_uid=redir&imp_success=true&success=true#top`,
    );
    const stored = await http(sandbox.url, 'GET', `/payments/${imp_uid}`, { headers: authHeaders(token) });
    expect(stored.body.response.channel).toBe('mobile');

    const refused = await openPayment(sandbox.url, base({ merchant_uid: 'paid-once', m_redirect_url: 'https://shop.test/done' }), 'redirect', 'https://shop.test');
    expect(refused.body.response.redirect_url).toBe(
      'https://shop.test/done?imp_uid=&merchant_uid=paid-once&imp_success=false&success=false&error_code=F1002&error_msg=' +
        encodeURIComponent('이미 결제가 이루어진 거래건입니다.'),
    );
  });
});
