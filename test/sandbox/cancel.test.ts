// POST /payments/cancel: full and partial cancels with checksum and history,
// concurrent cancels that never overdraw, vbank refunds, console cancels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { authHeaders, consoleCall, demoToken, http, pay, sessionCookie } from './helpers';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await demoToken(sandbox.url);
});
afterAll(() => sandbox.close());

const cancel = (body: Record<string, unknown>, form = false) =>
  form
    ? http(sandbox.url, 'POST', '/payments/cancel', { form: body as Record<string, string>, headers: authHeaders(token, 'raw') })
    : http(sandbox.url, 'POST', '/payments/cancel', { json: body, headers: authHeaders(token) });

describe('POST /payments/cancel', () => {
  it('cancels partially with checksum, accumulates history, then cancels the rest', async () => {
    const impUid = await pay(sandbox.url, { merchant_uid: 'partial', amount: 10000 });
    const first = await cancel({ imp_uid: impUid, amount: 3000, checksum: 10000, reason: '부분 환불' });
    expect(first.status).toBe(200);
    expect(first.body.code).toBe(0);
    expect(first.body.response).toMatchObject({ status: 'paid', amount: 10000, cancel_amount: 3000, cancel_reason: '부분 환불' });
    expect(first.body.response.cancel_history).toHaveLength(1);
    expect(first.body.response.cancel_history[0]).toMatchObject({ amount: 3000, reason: '부분 환불' });
    expect(first.body.response.cancel_history[0].cancellation_id).toMatch(/^cancel_[0-9a-f]{24}$/);

    const staleChecksum = await cancel({ imp_uid: impUid, amount: 1000, checksum: 10000 });
    expect(staleChecksum.status).toBe(200);
    expect(staleChecksum.body.code).toBe(1);
    expect(staleChecksum.body.message).toMatch(/checksum/);

    const tooMuch = await cancel({ imp_uid: impUid, amount: 8000 });
    expect(tooMuch.body.code).toBe(1);
    expect(tooMuch.body.message).toMatch(/7000/);

    // The rest, by merchant_uid, as a form body with amount omitted.
    const rest = await cancel({ merchant_uid: 'partial', checksum: '7000', reason: '전액 환불' }, true);
    expect(rest.body.response).toMatchObject({ status: 'cancelled', cancel_amount: 10000 });
    expect(rest.body.response.cancelled_at).toBeGreaterThan(0);
    expect(rest.body.response.cancel_history.map((h: { amount: number }) => h.amount)).toEqual([3000, 7000]);
    expect(rest.body.response.cancel_receipt_urls).toHaveLength(2);

    const again = await cancel({ imp_uid: impUid });
    expect(again.body).toEqual({ code: 1, message: '이미 전액취소된 주문입니다.', response: null });
  });

  it('cancels in full when amount is 0 and handles decimal currencies exactly', async () => {
    const krw = await pay(sandbox.url, { merchant_uid: 'full', amount: 4321 });
    expect((await cancel({ imp_uid: krw, amount: 0 })).body.response).toMatchObject({ status: 'cancelled', cancel_amount: 4321 });
    const usd = await pay(sandbox.url, { merchant_uid: 'usd', amount: 10.3, currency: 'USD', pg: 'paypal' });
    expect((await cancel({ imp_uid: usd, amount: 0.1 })).body.response.cancel_amount).toBe(0.1);
    expect((await cancel({ imp_uid: usd, amount: 0.2 })).body.response.cancel_amount).toBe(0.3);
    const rest = await cancel({ imp_uid: usd, checksum: 10 });
    expect(rest.body.response).toMatchObject({ status: 'cancelled', cancel_amount: 10.3 });
    expect((await cancel({ imp_uid: await pay(sandbox.url, { merchant_uid: 'usd2', amount: 5, currency: 'USD', pg: 'paypal' }), amount: 0.001 })).body.code).toBe(1);
  });

  it('never refunds more than was paid under concurrent cancels', async () => {
    const impUid = await pay(sandbox.url, { merchant_uid: 'concurrent', amount: 10000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => cancel({ imp_uid: impUid, amount: 3000 })));
    expect(results.filter((r) => r.body.code === 0)).toHaveLength(3);
    expect(results.filter((r) => r.body.code === 1)).toHaveLength(7);
    const stored = await http(sandbox.url, 'GET', `/payments/${impUid}`, { headers: authHeaders(token) });
    expect(stored.body.response).toMatchObject({ status: 'paid', cancel_amount: 9000 });
    expect(stored.body.response.cancel_history).toHaveLength(3);
  });

  it('refuses what cannot be cancelled, with V1 messages', async () => {
    expect((await cancel({})).body).toMatchObject({ code: 1, message: 'imp_uid 또는 merchant_uid를 지정해주셔야합니다.' });
    expect((await cancel({ merchant_uid: 'never-paid' })).body.message).toBe('취소할 결제건이 존재하지 않습니다.');
    const amountType = await cancel({ imp_uid: 'x', amount: 'abc' });
    expect(amountType.status).toBe(400);
  });

  it('needs refund account fields to cancel a deposited vbank payment', async () => {
    const impUid = await pay(sandbox.url, { merchant_uid: 'vbank-refund', pay_method: 'vbank', amount: 2000 });
    const unpaid = await cancel({ imp_uid: impUid });
    expect(unpaid.body.message).toMatch(/입금되지 않은 가상계좌/);
    sandbox.db.prepare("UPDATE payments SET status = 'paid', paid_at = 1 WHERE imp_uid = ?").run(impUid);
    expect((await cancel({ imp_uid: impUid })).body.message).toMatch(/refund_holder/);
    const refunded = await cancel({ imp_uid: impUid, refund_holder: '홍길동', refund_bank: '088', refund_account: '110123456789' });
    expect(refunded.body.response.status).toBe('cancelled');
  });
});

describe('console cancel', () => {
  it('refunds in full or in part from the console and always queues a cancelled webhook', async () => {
    const login = await http(sandbox.url, 'POST', '/console/api/login', { json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password } });
    const cookie = sessionCookie(login.headers);
    await consoleCall(sandbox.url, cookie, 'PUT', '/console/api/webhook', { url: 'http://127.0.0.1:9/unreachable' });
    const impUid = await pay(sandbox.url, { merchant_uid: 'console-cancel', amount: 3000 });

    const partial = await consoleCall(sandbox.url, cookie, 'POST', `/console/api/payments/${impUid}/cancel`, { amount: 1000 });
    expect(partial.status).toBe(200);
    expect(partial.body.payment).toMatchObject({ status: 'paid', cancel_amount: 1000 });
    const rest = await http(sandbox.url, 'POST', `/console/api/payments/${impUid}/cancel`, { headers: { cookie } });
    expect(rest.body.payment).toMatchObject({ status: 'cancelled', cancel_amount: 3000, cancel_reason: '관리자 콘솔에서 취소' });
    const again = await http(sandbox.url, 'POST', `/console/api/payments/${impUid}/cancel`, { headers: { cookie } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('이미 전액취소된 주문입니다.');

    const events = sandbox.db
      .prepare('SELECT event_status, body FROM webhook_deliveries WHERE imp_uid = ? ORDER BY id')
      .all(impUid) as Array<{ event_status: string; body: string }>;
    expect(events.map((e) => e.event_status)).toEqual(['paid', 'cancelled', 'cancelled']);
    const ids = rest.body.payment.cancel_history.map((h: { cancellation_id: string }) => h.cancellation_id);
    expect(events.slice(1).map((e) => JSON.parse(e.body).cancellation_id)).toEqual(ids);

    const listed = await consoleCall(sandbox.url, cookie, 'GET', '/console/api/payments');
    expect(listed.body.payments.find((p: { imp_uid: string }) => p.imp_uid === impUid)).toMatchObject({ status: 'cancelled', can_cancel: false });
  });
});
