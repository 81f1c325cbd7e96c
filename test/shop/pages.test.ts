// The shop's pages over real HTTP: the mobile redirect landing verifies like
// the callback does, pages carry the strict CSP the SDK must work under, and
// the static files (page scripts, the ESM build) are served as JavaScript.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { IMPORT_MAP } from '../../demo/shop/pages/checkout-page';
import { authHeaders, demoToken } from '../sandbox/helpers';
import { checkoutPayment, http, payOrder, placeOrder, startShopFixture, type ShopFixture } from './helpers';

let fx: ShopFixture;
beforeAll(async () => {
  fx = await startShopFixture();
});
afterAll(() => fx.close());

const orderOf = (merchantUid: string) => fx.shop.app.shop.orders.find(merchantUid)!;
const landing = (query: Record<string, string>) => http(fx.shop.url, 'GET', `/orders/complete?${new URLSearchParams(query)}`, { redirect: 'manual' });

describe('GET /orders/complete (mobile redirect landing)', () => {
  it('verifies a genuine payment through REST, then sends the buyer to the order page', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order);
    const result = await landing({ imp_uid: impUid, merchant_uid: order.merchant_uid, imp_success: 'true', success: 'true' });
    expect(result.status).toBe(303);
    expect(result.headers.get('location')).toBe(`/orders/${order.merchant_uid}`);
    expect(orderOf(order.merchant_uid)).toMatchObject({ status: 'paid', impUid });
  });

  it('does not believe imp_success=true: an unpaid payment is refused', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order, {}, false);
    const result = await landing({ imp_uid: impUid, merchant_uid: order.merchant_uid, imp_success: 'true' });
    expect(result.status).toBe(409);
    expect(result.text).toContain('PAYMENT_NOT_PAID');
    expect(result.text).toContain(`/?order=${order.merchant_uid}`);
    expect(orderOf(order.merchant_uid).status).toBe('pending');
  });

  it('refuses a payment of another amount', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'gift-set', quantity: 1 });
    const token = await demoToken(fx.sandbox.url);
    await http(fx.sandbox.url, 'PUT', '/payments/prepare', { json: { merchant_uid: order.merchant_uid, amount: 1000 }, headers: authHeaders(token) });
    const { impUid } = await checkoutPayment(fx.sandbox.url, { merchant_uid: order.merchant_uid, amount: 1000 });
    const result = await landing({ imp_uid: impUid, merchant_uid: order.merchant_uid, imp_success: 'true' });
    expect(result.status).toBe(409);
    expect(result.text).toContain('AMOUNT_MISMATCH');
    expect(orderOf(order.merchant_uid).status).toBe('pending');
  });

  it('shows a cancel or a refusal with the service\'s message (escaped) and a way back to the order', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid, checkoutToken } = await payOrder(fx.sandbox.url, order, {}, false);
    await http(fx.sandbox.url, 'POST', `/checkout/api/payments/${impUid}/cancel`, { json: { checkout_token: checkoutToken } });
    const cancelled = await landing({
      imp_uid: impUid,
      merchant_uid: order.merchant_uid,
      imp_success: 'false',
      error_code: 'F0000',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('[결제포기] 사용자가 결제를 취소하셨습니다');
    expect(cancelled.text).toContain('다시 결제하세요');
    expect(cancelled.text).toContain(`href="/?order=${order.merchant_uid}"`);

    const refused = await landing({ imp_uid: '', merchant_uid: order.merchant_uid, imp_success: 'false', error_code: 'F1003', error_msg: '<script>alert(1)</script>' });
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('F1003');
    expect(refused.text).toContain('주문서를 새로 작성하세요');
    expect(refused.text).not.toContain('<script>alert(1)</script>');
    expect(refused.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers a landing without merchant_uid, or for an unknown order, with what to do', async () => {
    const missing = await landing({ imp_uid: 'imp_1' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('MISSING_MERCHANT_UID');
    const unknown = await landing({ merchant_uid: 'order_unknown', imp_success: 'false' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('ORDER_NOT_FOUND');
  });
});

describe('pages', () => {
  const sandboxOrigin = () => new URL(fx.sandbox.url).origin;

  it('the product page loads the SDK by script tag from the service, under a CSP that allows only that', async () => {
    const page = await http(fx.shop.url, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<script src="${fx.sandbox.url}/v1/iamport.js"></script>`);
    expect(page.text).toContain(`data-merchant-code="${DEMO_MERCHANT.merchantCode}"`);
    expect(page.text).toContain('data-tier-code="A01"');
    expect(page.text).not.toContain(DEMO_MERCHANT.apiSecret);
    expect(page.text).not.toContain(DEMO_MERCHANT.apiKey);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self' ${sandboxOrigin()}`);
    expect(csp).toContain(`frame-src ${sandboxOrigin()}`);
    expect(csp).toContain(`form-action 'self' ${sandboxOrigin()}`);
    expect(csp).toContain("connect-src 'self'");
    expect(page.text).not.toContain('data-testid="service-problem"');
  });

  it('the SPA page maps imp-checkout to the ESM build with an import map allowed by its hash', async () => {
    const page = await http(fx.shop.url, 'GET', '/spa');
    expect(page.text).toContain(`<script type="importmap">${IMPORT_MAP}</script>`);
    expect(JSON.parse(IMPORT_MAP)).toEqual({ imports: { 'imp-checkout': '/vendor/imp-checkout.mjs' } });
    const hash = createHash('sha256').update(IMPORT_MAP).digest('base64');
    expect(page.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    expect(page.text).toContain('<script type="module" src="/assets/spa.js"></script>');
    expect(page.text).not.toContain('/v1/iamport.js"></script>');
    // The script-tag page does not carry the hash.
    expect((await http(fx.shop.url, 'GET', '/')).headers.get('content-security-policy')).not.toContain('sha256-');
  });

  it('serves the built page scripts, the ESM build and the styles with the right types', async () => {
    // npm test builds first; a missing build is reported by a 503 that says so, checked below.
    expect(existsSync('dist/index.mjs') && existsSync('build/shop/spa.js'), 'run npm run build before this test').toBe(true);
    const esm = await http(fx.shop.url, 'GET', '/vendor/imp-checkout.mjs');
    expect(esm.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(esm.text).toBe(readFileSync('dist/index.mjs', 'utf8'));
    const spa = await http(fx.shop.url, 'GET', '/assets/spa.js');
    expect(spa.text).toMatch(/^import IMP from 'imp-checkout';/m);
    const product = await http(fx.shop.url, 'GET', '/assets/product.js');
    expect(product.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(product.text).not.toMatch(/^import /m);
    const css = await http(fx.shop.url, 'GET', '/assets/shop.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('says how to build when the page scripts are missing', async () => {
    const own = await startShopFixture({ sandbox: fx.sandbox, assets: { pageScriptsDir: '/nonexistent' } });
    try {
      const result = await http(own.shop.url, 'GET', '/assets/product.js');
      expect(result.status).toBe(503);
      expect(result.text).toContain('npm run build');
    } finally {
      await own.close();
    }
  });

  it('lists orders newest first and shows an order with its payment; unknown ones get a 404 page', async () => {
    const first = await placeOrder(fx.shop.url, { product_id: 'hojicha', quantity: 1 });
    const second = await placeOrder(fx.shop.url, { product_id: 'sejak', quantity: 3 });
    const list = await http(fx.shop.url, 'GET', '/orders');
    expect(list.status).toBe(200);
    expect(list.text.indexOf(second.merchant_uid)).toBeLessThan(list.text.indexOf(first.merchant_uid));
    expect(list.text).toContain('54,000원');

    const pending = await http(fx.shop.url, 'GET', `/orders/${first.merchant_uid}`);
    expect(pending.text).toContain('data-status="pending"');
    expect(pending.text).toContain('data-received="no"');

    const missing = await http(fx.shop.url, 'GET', '/orders/order_nope');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('ORDER_NOT_FOUND');
    const nowhere = await http(fx.shop.url, 'GET', '/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toContain('text/html');
  });

  it('"결제 상태 다시 확인" reads the payment again', async () => {
    const order = await placeOrder(fx.shop.url);
    const { impUid } = await payOrder(fx.sandbox.url, order);
    await http(fx.shop.url, 'POST', '/api/payments/complete', { json: { imp_uid: impUid, merchant_uid: order.merchant_uid } });
    // Cancelled behind the shop's back (an API cancel sends no webhook, as in V1).
    const token = await demoToken(fx.sandbox.url);
    await http(fx.sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: impUid, reason: 'test' }, headers: authHeaders(token) });
    expect(orderOf(order.merchant_uid).status).toBe('paid');
    const refreshed = await http(fx.shop.url, 'POST', `/orders/${order.merchant_uid}/refresh`, { redirect: 'manual', form: {} });
    expect(refreshed.status).toBe(303);
    expect(orderOf(order.merchant_uid).status).toBe('cancelled');
  });

  it('GET /api/orders/:id gives a pending order\'s checkout fields so the page can resume it', async () => {
    const order = await placeOrder(fx.shop.url);
    const pending = await http(fx.shop.url, 'GET', `/api/orders/${order.merchant_uid}`);
    expect(pending.body.checkout).toMatchObject({ merchant_uid: order.merchant_uid, amount: order.amount });
    const { impUid } = await payOrder(fx.sandbox.url, order);
    await http(fx.shop.url, 'POST', '/api/payments/complete', { json: { imp_uid: impUid, merchant_uid: order.merchant_uid } });
    const paid = await http(fx.shop.url, 'GET', `/api/orders/${order.merchant_uid}`);
    expect(paid.body).toMatchObject({ order: { status: 'paid' }, checkout: null });
    expect((await http(fx.shop.url, 'GET', '/api/orders/order_nope')).status).toBe(404);
  });
});
