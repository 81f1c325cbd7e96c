// A real sandbox and a real shop on two ports the OS picks, for the shop's
// node tests; plus payments made straight through the sandbox's checkout API
// (docs/checkout-api.md), as the checkout window would make them.
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { signatureHeader } from '../../demo/sandbox/webhooks/signature';
import { webhookKeyFor } from '../../demo/sandbox/accounts/secrets';
import { startShop, type RunningShop, type StartShopOptions } from '../../demo/shop/server';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { approve, http, openPayment } from '../sandbox/helpers';

export { http, waitFor } from '../sandbox/helpers';

export const DEMO_SHOP_MERCHANT = {
  code: DEMO_MERCHANT.merchantCode,
  apiKey: DEMO_MERCHANT.apiKey,
  apiSecret: DEMO_MERCHANT.apiSecret,
  tier: DEMO_MERCHANT.tier,
};

export interface ShopFixture {
  sandbox: RunningSandbox;
  shop: RunningShop;
  /** Every request the shop's REST client made, as "METHOD /path". */
  restCalls: string[];
  close(): Promise<void>;
}

export async function startShopFixture(options: Partial<StartShopOptions> & { sandbox?: RunningSandbox } = {}): Promise<ShopFixture> {
  const { sandbox: given, ...shopOptions } = options;
  const sandbox = given ?? (await startTestSandbox());
  const restCalls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    restCalls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const shop = await startShop({
    port: 0,
    db: ':memory:',
    sandboxUrl: sandbox.url,
    merchant: DEMO_SHOP_MERCHANT,
    fetch: countingFetch,
    ...shopOptions,
  });
  return {
    sandbox,
    shop,
    restCalls,
    async close() {
      await shop.close();
      if (!given) await sandbox.close();
    },
  };
}

export interface PlacedOrder {
  merchant_uid: string;
  amount: number;
  tier_code: string | null;
  notice_url: string;
}

export async function placeOrder(shopUrl: string, body: Record<string, unknown> = { product_id: 'sejak', quantity: 1 }): Promise<PlacedOrder> {
  const result = await http(shopUrl, 'POST', '/api/orders', { json: body });
  if (result.status !== 201) throw new Error(`order failed: ${result.status} ${result.text}`);
  return result.body.checkout;
}

/**
 * Opens a payment through the checkout API as the window would (demo merchant, shop origin), and
 * approves it unless `approveWith` is false. Returns the imp_uid and the approval answer.
 */
export async function checkoutPayment(
  sandboxUrl: string,
  params: Record<string, unknown>,
  approveWith: Record<string, unknown> | false = {},
): Promise<{ impUid: string; checkoutToken: string; approved: any }> {
  const opened = await openPayment(sandboxUrl, { user_code: DEMO_MERCHANT.merchantCode, name: '테스트 주문', pay_method: 'card', ...params });
  if (opened.body.code !== 0) throw new Error(`open failed: ${opened.text}`);
  const { imp_uid: impUid, checkout_token: checkoutToken } = opened.body.response;
  if (approveWith === false) return { impUid, checkoutToken, approved: null };
  const approved = await approve(sandboxUrl, impUid, checkoutToken, approveWith);
  if (approved.body.code !== 0) throw new Error(`approve failed: ${approved.text}`);
  return { impUid, checkoutToken, approved: approved.body.response };
}

/** Pays a shop order for its exact amount (as its tier, if it has one). */
export function payOrder(sandboxUrl: string, order: PlacedOrder, extra: Record<string, unknown> = {}, approveWith: Record<string, unknown> | false = {}) {
  return checkoutPayment(
    sandboxUrl,
    { merchant_uid: order.merchant_uid, amount: order.amount, ...(order.tier_code ? { tier_code: order.tier_code } : {}), ...extra },
    approveWith,
  );
}

/** A webhook signed as the sandbox signs it, for the demo merchant (or another secret). */
export function signedWebhook(body: string, options: { secret?: string; at?: number } = {}): Record<string, string> {
  const at = options.at ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/json',
    'x-impcheckout-signature': signatureHeader(webhookKeyFor(options.secret ?? DEMO_MERCHANT.apiSecret), at, body),
    'x-impcheckout-delivery': `test-${Math.random().toString(36).slice(2)}`,
  };
}

export function completePayment(shopUrl: string, impUid: string, merchantUid: string) {
  return http(shopUrl, 'POST', '/api/payments/complete', { json: { imp_uid: impUid, merchant_uid: merchantUid } });
}
