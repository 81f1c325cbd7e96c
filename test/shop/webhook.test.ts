// The webhook receiver (POST /webhooks/iamport): deliveries from the real
// sandbox (notice_url on each payment) are checked for their signature, the
// payment is read again through REST, and the order is updated — idempotent
// for repeated deliveries and safe against late ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { http as sandboxHttp, sessionCookie } from '../sandbox/helpers';
import { http, payOrder, placeOrder, signedWebhook, startShopFixture, waitFor, type ShopFixture } from './helpers';

let fx: ShopFixture;
let consoleCookie: string;
beforeAll(async () => {
  fx = await startShopFixture();
  const login = await sandboxHttp(fx.sandbox.url, 'POST', '/console/api/login', { json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password } });
  consoleCookie = sessionCookie(login.headers);
});
afterAll(() => fx.close());

const orderOf = (merchantUid: string) => fx.shop.app.shop.orders.find(merchantUid)!;
const eventsOf = (merchantUid: string) => fx.shop.app.shop.webhooks.forOrder(merchantUid);
const postWebhook = (body: string, headers: Record<string, string>) => http(fx.shop.url, 'POST', '/webhooks/iamport', { raw: body, headers });

describe('webhooks from the sandbox', () => {
  it('a paid notice alone (no callback) settles the order, and the order page says a webhook came', async () => {
    const order = await placeOrder(fx.shop.url);
    expect(order.notice_url).toBe(`${fx.shop.url}/webhooks/iamport`);
    const { impUid } = await payOrder(fx.sandbox.url, order, { notice_url: order.notice_url });

    await waitFor(() => orderOf(order.merchant_uid).status === 'paid', 10_000, 'the webhook to settle the order');
    expect(orderOf(order.merchant_uid)).toMatchObject({ impUid, payment: { status: 'paid', amount: order.amount } });
    await waitFor(() => eventsOf(order.merchant_uid).length > 0, 5_000, 'the delivery to be logged');
    expect(eventsOf(order.merchant_uid)[0]).toMatchObject({ impUid, status: 'paid', outcome: 'applied' });
    expect(eventsOf(order.merchant_uid)[0]!.deliveryId).toBeTruthy();

    const page = await http(fx.shop.url, 'GET', `/orders/${order.merchant_uid}`);
    expect(page.text).toContain('data-received="yes"');
  });

  it('follows a virtual account from issued to deposited, and a late "ready" does not undo the deposit', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order, { pay_method: 'vbank', notice_url: order.notice_url });
    await waitFor(() => orderOf(order.merchant_uid).status === 'awaiting_deposit', 10_000, 'the vbank-issued webhook');

    const deposit = await sandboxHttp(fx.sandbox.url, 'POST', `/console/api/payments/${impUid}/deposit`, { headers: { cookie: consoleCookie } });
    expect(deposit.status).toBe(200);
    await waitFor(() => orderOf(order.merchant_uid).status === 'paid', 10_000, 'the deposit webhook');

    // The "ready" notice delivered again, late (out of order): the payment is read again and the order stays paid.
    const late = JSON.stringify({ imp_uid: impUid, merchant_uid: order.merchant_uid, status: 'ready' });
    const result = await postWebhook(late, signedWebhook(late));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ result: 'unchanged', status: 'paid' });
    expect(orderOf(order.merchant_uid).status).toBe('paid');
    expect(eventsOf(order.merchant_uid).map((e) => e.status)).toEqual(['ready', 'paid', 'ready']);
  });

  it('records a console cancel of a paid order', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order, { notice_url: order.notice_url });
    await waitFor(() => orderOf(order.merchant_uid).status === 'paid', 10_000, 'paid');
    const cancel = await sandboxHttp(fx.sandbox.url, 'POST', `/console/api/payments/${impUid}/cancel`, {
      headers: { cookie: consoleCookie },
      json: { reason: '고객 요청' },
    });
    expect(cancel.status).toBe(200);
    await waitFor(() => orderOf(order.merchant_uid).status === 'cancelled', 10_000, 'the cancel webhook');
    expect(orderOf(order.merchant_uid).payment).toMatchObject({ status: 'cancelled', cancel_amount: order.amount });
  });
});

describe('signature and body checks', () => {
  it('refuses a delivery whose signature is missing, made with another secret, stale, or over another body', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order); // no notice_url: only our forged deliveries arrive
    const body = JSON.stringify({ imp_uid: impUid, merchant_uid: order.merchant_uid, status: 'paid' });

    const attempts: Array<[string, string, Record<string, string>]> = [
      ['no signature', body, { 'content-type': 'application/json' }],
      ['another secret', body, signedWebhook(body, { secret: 'someone else' })],
      ['ten minutes old', body, signedWebhook(body, { at: Math.floor(Date.now() / 1000) - 600 })],
      ['another body', body.replace('paid', 'cancelled'), signedWebhook(body)],
      ['garbage header', body, { 'content-type': 'application/json', 'x-impcheckout-signature': 't=abc,v1=zz' }],
    ];
    for (const [what, sent, headers] of attempts) {
      const result = await postWebhook(sent, headers);
      expect(result.status, what).toBe(401);
      expect(result.body.error.code, what).toBe('BAD_SIGNATURE');
    }
    expect(orderOf(order.merchant_uid).status).toBe('pending');
    expect(eventsOf(order.merchant_uid)).toEqual([]);
  });

  it('is idempotent: the same delivery twice settles the order once', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order);
    const body = JSON.stringify({ imp_uid: impUid, merchant_uid: order.merchant_uid, status: 'paid' });
    const headers = signedWebhook(body);

    const first = await postWebhook(body, headers);
    expect(first.body).toMatchObject({ result: 'applied', status: 'paid' });
    const settled = orderOf(order.merchant_uid);
    const second = await postWebhook(body, headers);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ result: 'unchanged', status: 'paid' });
    expect(orderOf(order.merchant_uid)).toMatchObject({ status: 'paid', impUid, payment: settled.payment });
    expect(eventsOf(order.merchant_uid).map((e) => e.outcome)).toEqual(['applied', 'unchanged']);
  });

  it('accepts a form-encoded delivery (the console can choose that format)', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order);
    const body = new URLSearchParams({ imp_uid: impUid, merchant_uid: order.merchant_uid, status: 'paid' }).toString();
    const result = await postWebhook(body, { ...signedWebhook(body), 'content-type': 'application/x-www-form-urlencoded' });
    expect(result.body).toMatchObject({ result: 'applied', status: 'paid' });
  });

  it('acknowledges a notice for an order it does not know, and refuses a body without ids', async () => {
    const unknown = JSON.stringify({ imp_uid: 'imp_123456789012', merchant_uid: 'order_elsewhere', status: 'paid' });
    const result = await postWebhook(unknown, signedWebhook(unknown));
    expect(result.status).toBe(200);
    expect(result.body.result).toBe('unknown_order');

    const empty = JSON.stringify({ status: 'paid' });
    expect((await postWebhook(empty, signedWebhook(empty))).status).toBe(400);
  });

  it('does not settle on a notice whose payment does not verify (wrong order)', async () => {
    const mine = await placeOrder(fx.shop.url);
    const other = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, other);
    const body = JSON.stringify({ imp_uid: impUid, merchant_uid: mine.merchant_uid, status: 'paid' });
    const result = await postWebhook(body, signedWebhook(body));
    expect(result.status).toBe(200); // retrying cannot make it verify
    expect(result.body).toMatchObject({ result: 'refused', error: { code: 'PAYMENT_ORDER_MISMATCH' } });
    expect(orderOf(mine.merchant_uid).status).toBe('pending');
    expect(eventsOf(mine.merchant_uid)[0]?.outcome).toBe('refused: PAYMENT_ORDER_MISMATCH');
  });

  it('answers 503 (so the service retries) when the payment cannot be read right now', async () => {
    const own = await startShopFixture();
    try {
      const order = await placeOrder(own.shop.url);
      const { impUid } = await payOrder(own.sandbox.url, order);
      await own.sandbox.close();
      const body = JSON.stringify({ imp_uid: impUid, merchant_uid: order.merchant_uid, status: 'paid' });
      const result = await http(own.shop.url, 'POST', '/webhooks/iamport', { raw: body, headers: signedWebhook(body) });
      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe('SANDBOX_UNREACHABLE');
      expect(own.shop.app.shop.orders.find(order.merchant_uid)!.status).toBe('pending');
    } finally {
      await own.close();
    }
  });
});
