// Every V1 REST endpoint, with each of the three token header forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { approve, AUTH_FORMS, authHeaders, demoToken, http, openPayment, pay } from './helpers';

let sandbox: RunningSandbox;
let token: string;
let paidUid: string;
let failedUid: string;
let certUid: string;

/** Every field GET /payments/{imp_uid} returns in V1 (v1-contract §5.3). */
const V1_PAYMENT_FIELDS = [
  'imp_uid', 'merchant_uid', 'pay_method', 'channel', 'pg_provider', 'emb_pg_provider', 'pg_tid', 'pg_id', 'escrow',
  'apply_num', 'bank_code', 'bank_name', 'card_code', 'card_name', 'card_issuer_code', 'card_issuer_name',
  'card_publisher_code', 'card_publisher_name', 'card_quota', 'card_number', 'card_type', 'vbank_code', 'vbank_name',
  'vbank_num', 'vbank_holder', 'vbank_date', 'vbank_issued_at', 'name', 'amount', 'cancel_amount', 'currency',
  'buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode', 'custom_data', 'user_agent', 'status',
  'started_at', 'paid_at', 'failed_at', 'cancelled_at', 'fail_reason', 'cancel_reason', 'receipt_url', 'cancel_history',
  'cancel_receipt_urls', 'cash_receipt_issued', 'customer_uid', 'customer_uid_usage', 'sandbox',
];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await demoToken(sandbox.url);
  // order-1: a declined attempt, then a paid one.
  const declined = await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'order-1', amount: 5000 });
  failedUid = declined.body.response.imp_uid;
  await approve(sandbox.url, failedUid, declined.body.response.checkout_token, { card_number: '4000-0000-0000-0002' });
  paidUid = await pay(sandbox.url, {
    merchant_uid: 'order-1',
    amount: 5000,
    name: '운동화',
    buyer_name: '홍길동',
    buyer_tel: '010-1234-5678',
    custom_data: { cart: [1, 2] },
  });
  for (let i = 0; i < 5; i++) await pay(sandbox.url, { merchant_uid: `bulk-${i}`, amount: 100 + i });
  const cert = await http(sandbox.url, 'POST', '/checkout/api/certifications', {
    json: { params: { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'cert-1' }, mode: 'popup', origin: 'http://shop.test' },
  });
  certUid = cert.body.response.imp_uid;
  await http(sandbox.url, 'POST', `/checkout/api/certifications/${certUid}/approve`, { json: { checkout_token: cert.body.response.checkout_token } });
});
afterAll(() => sandbox.close());

describe.each(AUTH_FORMS)('with the token as %s', (form) => {
  const get = (path: string) => http(sandbox.url, 'GET', path, { headers: authHeaders(token, form) });

  it('GET /payments/{imp_uid} returns every V1 field', async () => {
    const result = await get(`/payments/${paidUid}`);
    expect(result.status).toBe(200);
    expect(result.body.code).toBe(0);
    const payment = result.body.response;
    for (const field of V1_PAYMENT_FIELDS) expect(payment, field).toHaveProperty(field);
    expect(payment).toMatchObject({
      imp_uid: paidUid,
      merchant_uid: 'order-1',
      status: 'paid',
      amount: 5000,
      cancel_amount: 0,
      currency: 'KRW',
      pay_method: 'card',
      pg_provider: 'html5_inicis',
      pg_id: 'INIpayTest',
      channel: 'pc',
      card_number: '411111******1111',
      buyer_name: '홍길동',
      custom_data: '{"cart":[1,2]}',
      sandbox: true,
      cancel_history: [],
      failed_at: 0,
      cancelled_at: 0,
      tier_code: null,
    });
    expect(payment.paid_at).toBeGreaterThan(0);
    expect(payment.receipt_url).toBe(`${sandbox.url}/receipts/${paidUid}`);
    expect((await get('/payments/imp_000000000000')).status).toBe(404);
  });

  it('GET /payments/find/{merchant_uid}[/{status}]', async () => {
    const latest = await get('/payments/find/order-1');
    expect(latest.status).toBe(200);
    expect(latest.body.response.imp_uid).toBe(paidUid);
    const failed = await get('/payments/find/order-1/failed');
    expect(failed.body.response.imp_uid).toBe(failedUid);
    expect(failed.body.response.fail_reason).toMatch(/잔액부족/);
    const oldest = await get('/payments/find/order-1/?sorting=started');
    expect(oldest.body.response.imp_uid).toBe(failedUid);
    const none = await get('/payments/find/no-such-order');
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ code: 1, message: '존재하지 않는 결제정보입니다.', response: null });
    expect((await get('/payments/find/order-1/weird')).status).toBe(400);
  });

  it('GET /payments/findAll/{merchant_uid}[/{status}] pages', async () => {
    const all = await get('/payments/findAll/order-1');
    expect(all.status).toBe(200);
    expect(all.body.response).toMatchObject({ total: 2, previous: 0, next: 0 });
    expect(all.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([paidUid, failedUid]);
    const paged = await get('/payments/findAll/order-1/?limit=1&page=2');
    expect(paged.body.response).toMatchObject({ total: 2, previous: 1, next: 0 });
    expect(paged.body.response.list).toHaveLength(1);
    expect((await get('/payments/findAll/order-1/paid')).body.response.total).toBe(1);
    expect((await get('/payments/findAll/nothing')).status).toBe(404);
  });

  it('GET /payments?imp_uid[]=…&merchant_uid[]=… answers 200, or 207 when some are missing', async () => {
    const both = await get(`/payments?imp_uid[]=${paidUid}&imp_uid[]=${failedUid}`);
    expect(both.status).toBe(200);
    expect(both.body.response).toHaveLength(2);
    const partial = await get(`/payments?imp_uid[]=${paidUid}&imp_uid[]=imp_000000000000&merchant_uid[]=bulk-1`);
    expect(partial.status).toBe(207);
    expect(partial.body.response.map((p: { merchant_uid: string }) => p.merchant_uid)).toEqual(['order-1', 'bulk-1']);
    expect((await get('/payments?imp_uid[]=imp_000000000000')).status).toBe(404);
    expect((await get('/payments')).status).toBe(400);
  });

  it('GET /payments/status/{status} pages with total, previous and next', async () => {
    const first = await get('/payments/status/paid?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.response).toMatchObject({ total: 6, previous: 0, next: 2 });
    expect(first.body.response.list).toHaveLength(2);
    const last = await get('/payments/status/paid?limit=2&page=3');
    expect(last.body.response).toMatchObject({ total: 6, previous: 2, next: 0 });
    expect((await get('/payments/status/all')).body.response.total).toBe(7);
    expect((await get('/payments/status/failed')).body.response.total).toBe(1);
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await get(`/payments/status/all?from=${future}&to=${future + 10}`)).body.response.total).toBe(0);
    const bad = await get('/payments/status/weird');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('지원되지 않는 상태값입니다.');
    expect((await get('/payments/status/paid?page=0')).status).toBe(400);
  });

  it('POST, GET and PUT /payments/prepare', async () => {
    const uid = `prep-${form}`;
    const headers = authHeaders(token, form);
    const created = await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: uid, amount: 3000 }, headers });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ code: 0, message: null, response: { merchant_uid: uid, amount: 3000, currency: null } });
    const repeated = await http(sandbox.url, 'POST', '/payments/prepare', { form: { merchant_uid: uid, amount: '3000' }, headers });
    expect(repeated.body.code).toBe(0);
    const conflicting = await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: uid, amount: 4000 }, headers });
    expect(conflicting.status).toBe(200);
    expect(conflicting.body.code).toBe(1);
    expect(conflicting.body.message).toMatch(/PUT/);
    const updated = await http(sandbox.url, 'PUT', '/payments/prepare', { json: { merchant_uid: uid, amount: 4000, currency: 'krw' }, headers });
    expect(updated.body.response).toEqual({ merchant_uid: uid, amount: 4000, currency: 'KRW' });
    expect((await get(`/payments/prepare/${uid}`)).body.response.amount).toBe(4000);
    const missing = await get('/payments/prepare/never-prepared');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('사전등록된 결제정보가 존재하지 않습니다.');
    const putMissing = await http(sandbox.url, 'PUT', '/payments/prepare', { json: { merchant_uid: 'never', amount: 1 }, headers });
    expect(putMissing.status).toBe(404);
    const badAmount = await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: 'x', amount: 10.5 }, headers });
    expect(badAmount.status).toBe(400);
  });

  it('POST /payments/cancel refuses an unknown payment with HTTP 200 and code 1', async () => {
    const result = await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: 'imp_000000000000' }, headers: authHeaders(token, form) });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ code: 1, message: '취소할 결제건이 존재하지 않습니다.', response: null });
  });

  it('GET /certifications/{imp_uid}', async () => {
    const result = await get(`/certifications/${certUid}`);
    expect(result.status).toBe(200);
    expect(result.body.response).toMatchObject({
      imp_uid: certUid,
      merchant_uid: 'cert-1',
      pg_provider: 'danal',
      certified: true,
      name: '홍길동',
      gender: 'male',
      birthday: '1990-01-01',
      phone: '01012345678',
      carrier: 'SKT',
      foreigner: false,
      origin: 'http://shop.test',
    });
    expect(result.body.response.unique_key).toMatch(/^[A-Za-z0-9+/=]{88}$/);
    expect((await get('/certifications/imp_000000000000')).status).toBe(404);
  });

  it('GET /tiers/{tier_code}', async () => {
    expect((await get('/tiers/A01')).body.response).toEqual({ tier_code: 'A01', tier_name: '강남점' });
    expect((await get('/tiers/ZZ9')).status).toBe(404);
  });
});

describe('DELETE /certifications/{imp_uid}', () => {
  it('returns the record and purges it', async () => {
    const headers = authHeaders(token, 'raw');
    const deleted = await http(sandbox.url, 'DELETE', `/certifications/${certUid}`, { headers });
    expect(deleted.status).toBe(200);
    expect(deleted.body.response.imp_uid).toBe(certUid);
    expect((await http(sandbox.url, 'GET', `/certifications/${certUid}`, { headers })).status).toBe(404);
    expect((await http(sandbox.url, 'DELETE', `/certifications/${certUid}`, { headers })).status).toBe(404);
  });
});

describe('merchant isolation', () => {
  it('never shows one merchant the payments of another', async () => {
    const signup = await http(sandbox.url, 'POST', '/console/api/signup', { json: { email: 'other@example.com', password: 'long enough', name: 'other' } });
    const other = await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: signup.body.api_key, imp_secret: signup.body.api_secret } });
    const otherToken = other.body.response.access_token;
    expect((await http(sandbox.url, 'GET', `/payments/${paidUid}`, { headers: authHeaders(otherToken) })).status).toBe(404);
    expect((await http(sandbox.url, 'GET', '/payments/find/order-1', { headers: authHeaders(otherToken) })).status).toBe(404);
    const cancel = await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: paidUid }, headers: authHeaders(otherToken) });
    expect(cancel.body.code).toBe(1);
  });
});
