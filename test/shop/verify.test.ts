// Verifying a payment after the callback (POST /api/payments/complete): the
// shop reads GET /payments/{imp_uid} with its own token and accepts it only
// for this order, for the order's amount, and paid (or a vbank account
// issued). Everything else is refused with a code and a next step, and the
// order is left as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, demoToken } from '../sandbox/helpers';
import { checkoutPayment, completePayment, http, payOrder, placeOrder, startShopFixture, type ShopFixture } from './helpers';

let fx: ShopFixture;
let token: string;
beforeAll(async () => {
  fx = await startShopFixture();
  token = await demoToken(fx.sandbox.url);
});
afterAll(() => fx.close());

const orderOf = (merchantUid: string) => fx.shop.app.shop.orders.find(merchantUid)!;

describe('a genuine payment', () => {
  it('is accepted: the order becomes paid with the REST view of the payment, and its page shows it', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'sejak', quantity: 2 });
    const { impUid } = await payOrder(fx.sandbox.url, order, { buyer_name: '홍길동' });
    const callsBefore = fx.restCalls.length;

    const result = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ changed: true, order: { merchant_uid: order.merchant_uid, status: 'paid', status_label: '결제 완료', imp_uid: impUid, amount: 36_000 } });
    // The shop asked the service itself.
    expect(fx.restCalls.slice(callsBefore)).toContain(`GET /payments/${impUid}`);

    const stored = orderOf(order.merchant_uid);
    expect(stored.status).toBe('paid');
    expect(stored.payment).toMatchObject({ imp_uid: impUid, amount: 36_000, status: 'paid', pay_method: 'card', card_number: '411111******1111' });
    expect(stored.verifiedAtMs).toBeGreaterThan(0);

    const page = await http(fx.shop.url, 'GET', result.body.order.order_url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-status="paid"');
    expect(page.text).toContain('36,000원');
    expect(page.text).toContain(impUid);
    expect(page.text).toContain('411111******1111');
  });

  it('is idempotent: the same completion again changes nothing', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order);
    const first = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    const before = orderOf(order.merchant_uid);
    const second = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(first.body.changed).toBe(true);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ changed: false, order: { status: 'paid', imp_uid: impUid } });
    expect(orderOf(order.merchant_uid)).toMatchObject({ status: before.status, impUid: before.impUid, payment: before.payment });
  });

  it('settles a sub-merchant order with that sub-merchant\'s payment (Tier header)', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'hojicha', quantity: 1, as_tier: true });
    const { impUid } = await payOrder(fx.sandbox.url, order);
    const result = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(result.body.order).toMatchObject({ status: 'paid', tier_code: 'A01' });
    expect(orderOf(order.merchant_uid).payment?.tier_code).toBe('A01');
  });

  it('records an issued virtual account as awaiting deposit, with the account on the order page', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order, { pay_method: 'vbank' });
    const result = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(result.status).toBe(200);
    expect(result.body.order).toMatchObject({ status: 'awaiting_deposit', status_label: '입금 대기' });
    const vbankNum = orderOf(order.merchant_uid).payment?.vbank_num;
    expect(vbankNum).toBeTruthy();
    const page = await http(fx.shop.url, 'GET', `/orders/${order.merchant_uid}`);
    expect(page.text).toContain('data-status="awaiting_deposit"');
    expect(page.text).toContain(vbankNum);
  });
});

describe('refusals', () => {
  it('refuses a payment of another order (wrong merchant_uid)', async () => {
    const mine = await placeOrder(fx.shop.url, { product_id: 'gift-set', quantity: 1 });
    const cheap = await placeOrder(fx.shop.url, { product_id: 'hojicha', quantity: 1 });
    const { impUid } = await payOrder(fx.sandbox.url, cheap);
    const result = await completePayment(fx.shop.url, impUid, mine.merchant_uid);
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('PAYMENT_ORDER_MISMATCH');
    expect(result.body.error.message).toContain(cheap.merchant_uid);
    expect(result.body.error.next).toBeTruthy();
    expect(orderOf(mine.merchant_uid)).toMatchObject({ status: 'pending', impUid: null, payment: null });
  });

  it('refuses an amount that differs from the order (tampering that got past prepare)', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'gift-set', quantity: 1 });
    // Simulate a payment for a lower amount under this order's merchant_uid.
    await http(fx.sandbox.url, 'PUT', '/payments/prepare', { json: { merchant_uid: order.merchant_uid, amount: 100 }, headers: authHeaders(token) });
    const { impUid } = await checkoutPayment(fx.sandbox.url, { merchant_uid: order.merchant_uid, amount: 100 });
    const result = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('AMOUNT_MISMATCH');
    expect(result.body.error.message).toContain('100원');
    expect(result.body.error.message).toContain('39,000원');
    expect(orderOf(order.merchant_uid).status).toBe('pending');
  });

  it('refuses a payment that is not paid: still open (ready) or declined (failed, with the reason)', async () => {
    const open = await placeOrder(fx.shop.url);
    const { impUid: openUid } = await payOrder(fx.sandbox.url, open, {}, false);
    const stillOpen = await completePayment(fx.shop.url, openUid, open.merchant_uid);
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.error.code).toBe('PAYMENT_NOT_PAID');
    expect(stillOpen.body.error.message).toContain('ready');

    const declined = await placeOrder(fx.shop.url);
    const { impUid: declinedUid } = await payOrder(fx.sandbox.url, declined, {}, { card_number: '4000 0000 0000 0002' });
    const result = await completePayment(fx.shop.url, declinedUid, declined.merchant_uid);
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('PAYMENT_NOT_PAID');
    expect(result.body.error.message).toContain('failed');
    expect(result.body.error.message).toContain('잔액부족');
    expect(orderOf(declined.merchant_uid).status).toBe('pending');

    // The order can still be paid afterwards.
    const { impUid: retryUid } = await payOrder(fx.sandbox.url, declined);
    expect((await completePayment(fx.shop.url, retryUid, declined.merchant_uid)).body.order.status).toBe('paid');
  });

  it('refuses an unknown imp_uid and an unknown order', async () => {
    const order = await placeOrder(fx.shop.url);
    const unknownPayment = await completePayment(fx.shop.url, 'imp_000000000000', order.merchant_uid);
    expect(unknownPayment.status).toBe(404);
    expect(unknownPayment.body.error.code).toBe('PAYMENT_NOT_FOUND');

    const { impUid } = await payOrder(fx.sandbox.url, order);
    const unknownOrder = await completePayment(fx.shop.url, impUid, 'order_nope');
    expect(unknownOrder.status).toBe(404);
    expect(unknownOrder.body.error.code).toBe('ORDER_NOT_FOUND');
  });

  it('does not settle a sub-merchant order with a payment of the merchant itself', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'sejak', quantity: 1, as_tier: true });
    // Same merchant_uid and amount, but paid as the merchant (no tier_code).
    const { impUid } = await checkoutPayment(fx.sandbox.url, { merchant_uid: order.merchant_uid, amount: order.amount });
    const result = await completePayment(fx.shop.url, impUid, order.merchant_uid);
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('PAYMENT_NOT_FOUND');
    expect(orderOf(order.merchant_uid).status).toBe('pending');
  });

  it('lets a card payment replace an unpaid virtual account, then refuses the old account for the paid order', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid: vbank } = await payOrder(fx.sandbox.url, order, { pay_method: 'vbank' });
    expect((await completePayment(fx.shop.url, vbank, order.merchant_uid)).body.order.status).toBe('awaiting_deposit');
    // The buyer changes their mind and pays by card instead.
    const { impUid: card } = await payOrder(fx.sandbox.url, order);
    expect((await completePayment(fx.shop.url, card, order.merchant_uid)).body.order).toMatchObject({ status: 'paid', imp_uid: card });

    const stale = await completePayment(fx.shop.url, vbank, order.merchant_uid);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ORDER_ALREADY_SETTLED');
    expect(stale.body.error.message).toContain(card);
    expect(orderOf(order.merchant_uid)).toMatchObject({ status: 'paid', impUid: card });
  });

  it('answers malformed completions with 400', async () => {
    const result = await http(fx.shop.url, 'POST', '/api/payments/complete', { json: { imp_uid: 'imp_1' } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('BAD_REQUEST');
  });
});
