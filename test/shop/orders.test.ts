// Creating orders: the shop prices from its own catalogue, registers the
// amount with POST /payments/prepare (visible through REST), and when the
// service is down or refuses its keys it says so and what to do next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startShop } from '../../demo/shop/server';
import { authHeaders, demoToken } from '../sandbox/helpers';
import { DEMO_SHOP_MERCHANT, http, placeOrder, startShopFixture, type ShopFixture } from './helpers';

let fx: ShopFixture;
let token: string;
beforeAll(async () => {
  fx = await startShopFixture();
  token = await demoToken(fx.sandbox.url);
});
afterAll(() => fx.close());

describe('POST /api/orders', () => {
  it('prices from the catalogue, ignoring any amount the browser sends, and registers it with the service', async () => {
    const result = await http(fx.shop.url, 'POST', '/api/orders', { json: { product_id: 'gift-set', quantity: 3, amount: 100 } });
    expect(result.status).toBe(201);
    const { order, checkout } = result.body;
    expect(order).toMatchObject({ product_id: 'gift-set', quantity: 3, amount: 117_000, currency: 'KRW', status: 'pending', imp_uid: null, tier_code: null });
    expect(order.merchant_uid).toMatch(/^order_\d{8}_[0-9a-f]{12}$/);
    expect(checkout).toEqual({
      merchant_uid: order.merchant_uid,
      name: '제주 유기농 차 선물세트 × 3',
      amount: 117_000,
      currency: 'KRW',
      tier_code: null,
      notice_url: `${fx.shop.url}/webhooks/iamport`,
      m_redirect_url: '/orders/complete',
    });

    const prepared = await http(fx.sandbox.url, 'GET', `/payments/prepare/${order.merchant_uid}`, { headers: authHeaders(token) });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response).toMatchObject({ merchant_uid: order.merchant_uid, amount: 117_000 });

    const stored = fx.shop.app.shop.orders.find(order.merchant_uid);
    expect(stored).toMatchObject({ amount: 117_000, unitPrice: 39_000, quantity: 3, status: 'pending', payment: null });
  });

  it('gives every order its own merchant_uid', async () => {
    const a = await placeOrder(fx.shop.url);
    const b = await placeOrder(fx.shop.url);
    expect(a.merchant_uid).not.toBe(b.merchant_uid);
  });

  it('registers a sub-merchant order under its tier (Tier header), not the merchant', async () => {
    const order = await placeOrder(fx.shop.url, { product_id: 'hojicha', quantity: 2, as_tier: true });
    expect(order).toMatchObject({ amount: 25_000, tier_code: DEMO_MERCHANT.tier.code });
    const asTier = await http(fx.sandbox.url, 'GET', `/payments/prepare/${order.merchant_uid}`, { headers: authHeaders(token, 'bearer', 'A01') });
    expect(asTier.body.response.amount).toBe(25_000);
    const asMerchant = await http(fx.sandbox.url, 'GET', `/payments/prepare/${order.merchant_uid}`, { headers: authHeaders(token) });
    expect(asMerchant.status).toBe(404);
  });

  it('refuses unknown products, bad quantities and malformed bodies with a next step', async () => {
    const unknown = await http(fx.shop.url, 'POST', '/api/orders', { json: { product_id: 'coffee', quantity: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_PRODUCT' });
    expect(unknown.body.error.next).toBeTruthy();
    for (const quantity of [0, 11, -1]) {
      const bad = await http(fx.shop.url, 'POST', '/api/orders', { json: { product_id: 'sejak', quantity } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('BAD_QUANTITY');
    }
    const fractional = await http(fx.shop.url, 'POST', '/api/orders', { json: { product_id: 'sejak', quantity: 1.5 } });
    expect(fractional.body.error.code).toBe('BAD_REQUEST');
    const missing = await http(fx.shop.url, 'POST', '/api/orders', { json: { quantity: 1 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('BAD_REQUEST');
    const garbage = await http(fx.shop.url, 'POST', '/api/orders', { raw: '{not json', contentType: 'application/json' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toBeTruthy();
  });

  it('refuses as_tier when the shop has no sub-merchant configured', async () => {
    const noTier = await startShop({ port: 0, sandboxUrl: fx.sandbox.url, merchant: { ...DEMO_SHOP_MERCHANT, tier: null } });
    try {
      const result = await http(noTier.url, 'POST', '/api/orders', { json: { product_id: 'sejak', quantity: 1, as_tier: true } });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe('NO_TIER');
    } finally {
      await noTier.close();
    }
  });
});

describe('when the service cannot be used', () => {
  it('says the sandbox is not running and how to start it; no order is left behind', async () => {
    // A port nothing listens on: the sandbox of a fixture that was closed.
    const gone = await startShopFixture();
    const deadUrl = gone.sandbox.url;
    await gone.sandbox.close();
    try {
      const result = await http(gone.shop.url, 'POST', '/api/orders', { json: { product_id: 'sejak', quantity: 1 } });
      expect(result.status).toBe(502);
      expect(result.body.error.code).toBe('SANDBOX_UNREACHABLE');
      expect(result.body.error.message).toContain(deadUrl);
      expect(result.body.error.next).toContain('npm start');
      expect(gone.shop.app.shop.orders.list()).toEqual([]);

      const page = await http(gone.shop.url, 'GET', '/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-testid="service-problem"');
      expect(page.text).toContain('npm start');
    } finally {
      await gone.shop.close();
    }
  });

  it('says the REST API key or secret is wrong and where to find the right one', async () => {
    const wrong = await startShop({ port: 0, sandboxUrl: fx.sandbox.url, merchant: { ...DEMO_SHOP_MERCHANT, apiSecret: 'not-the-secret' } });
    try {
      const result = await http(wrong.url, 'POST', '/api/orders', { json: { product_id: 'sejak', quantity: 1 } });
      expect(result.status).toBe(502);
      expect(result.body.error.code).toBe('BAD_API_KEYS');
      expect(result.body.error.next).toContain(`${fx.sandbox.url}/console`);
      const page = await http(wrong.url, 'GET', '/spa');
      expect(page.text).toContain('data-testid="service-problem"');
    } finally {
      await wrong.close();
    }
  });
});
