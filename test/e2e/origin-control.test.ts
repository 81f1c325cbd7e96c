// Origin control in headless Chromium (issue 6, beyond V1): a merchant that
// lists http://localhost:<b> as its only allowed origin pays from that page;
// the same page served from another origin (http://127.0.0.1:<c>) gets a
// clear F1009 failure in its callback (iframe and popup) or on its
// m_redirect_url (redirect on a phone), and no payment is created. The
// origins are the browser's own (event.origin, the form POST's Origin
// header): the page cannot claim another.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMerchantSite, type MerchantSite } from '../support/merchant-site';
import {
  answered,
  clickToStart,
  openShopPage,
  orderId,
  overlayFrame,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';
import { consoleCall, getToken, http, signUp, type SignedUp } from '../sandbox/helpers';

const IPHONE = {
  isMobile: true,
  hasTouch: true,
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};

let world: CheckoutWorld;
let elsewhere: MerchantSite;
let merchant: SignedUp;
let token: string;
let opened: ShopPage | null = null;

beforeAll(async () => {
  world = await startCheckoutWorld();
  // The same fixture pages, on an origin the merchant did not list.
  elsewhere = await startMerchantSite({ host: '127.0.0.1', vars: { SANDBOX: world.sandbox.url } });
  merchant = await signUp(world.sandbox.url);
  const added = await consoleCall(world.sandbox.url, merchant.cookie, 'POST', '/console/api/origins', { origin: world.shop.origin });
  expect(added.body).toMatchObject({ origins: [world.shop.origin], enforced: true });
  token = await getToken(world.sandbox.url, merchant.api_key, merchant.api_secret);
});
afterAll(async () => {
  await elsewhere?.close();
  await world?.close();
});
afterEach(async () => {
  await opened?.context.close();
  opened = null;
});

async function pageOn(site: MerchantSite, options = {}): Promise<Page> {
  opened = await openShopPage({ ...world, shop: site }, 'pay.html', options);
  return opened.page;
}

async function paymentsOf(merchantUid: string): Promise<number> {
  const result = await http(world.sandbox.url, 'GET', `/payments/findAll/${merchantUid}`, { headers: { authorization: `Bearer ${token}` } });
  return result.status === 404 ? 0 : result.body.response.total;
}

const F1009 = /^허용되지 않은 도메인에서의 결제 요청입니다\. \(origin: http:\/\/127\.0\.0\.1:\d+\)/;

describe('allowed origins in the browser', () => {
  it('pays from the listed origin', async () => {
    const page = await pageOn(world.shop);
    const merchantUid = orderId('allowed');
    await clickToStart(page, { id: 1, code: merchant.merchant_code, params: { merchant_uid: merchantUid, name: '허용된 주문', amount: 3000 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 3000 });
    expect(await paymentsOf(merchantUid)).toBe(1);
  });

  it('refuses the iframe checkout from another origin: F1009 in the callback, nothing created', async () => {
    const page = await pageOn(elsewhere);
    const merchantUid = orderId('iframe-refused');
    await clickToStart(page, { id: 1, code: merchant.merchant_code, params: { merchant_uid: merchantUid, amount: 3000 } });
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_code: 'F1009' });
    expect(response.error_msg).toMatch(F1009);
    expect(response.error_msg).toContain(elsewhere.origin);
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await paymentsOf(merchantUid)).toBe(0);
  });

  it('refuses the popup checkout from another origin the same way', async () => {
    const page = await pageOn(elsewhere);
    const merchantUid = orderId('popup-refused');
    await clickToStart(page, { id: 1, code: merchant.merchant_code, params: { popup: true, merchant_uid: merchantUid, amount: 3000 } });
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, error_code: 'F1009', merchant_uid: merchantUid });
    expect(response.error_msg).toMatch(F1009);
    expect(await paymentsOf(merchantUid)).toBe(0);
  });

  it('sends a phone on another origin back to its m_redirect_url with F1009', async () => {
    const page = await pageOn(elsewhere, IPHONE);
    const merchantUid = orderId('redirect-refused');
    await clickToStart(page, { id: 1, code: merchant.merchant_code, params: { merchant_uid: merchantUid, amount: 3000, m_redirect_url: 'done.html?step=1' } });
    await page.waitForURL(/\/done\.html/);
    const landed = new URL(page.url());
    expect(landed.origin).toBe(elsewhere.origin);
    const query = Object.fromEntries(landed.searchParams);
    expect(query).toMatchObject({ step: '1', merchant_uid: merchantUid, imp_uid: '', imp_success: 'false', success: 'false', error_code: 'F1009' });
    expect(query.error_msg).toMatch(F1009);
    expect(await paymentsOf(merchantUid)).toBe(0);
  });

  it('lets a phone on the listed origin through the redirect', async () => {
    const page = await pageOn(world.shop, IPHONE);
    const merchantUid = orderId('redirect-allowed');
    await clickToStart(page, { id: 1, code: merchant.merchant_code, params: { merchant_uid: merchantUid, amount: 3000, m_redirect_url: 'done.html' } });
    await page.waitForURL(/\/checkout\/window\?mode=redirect&session=/);
    await page.getByTestId('approve').tap();
    await page.waitForURL(/\/done\.html/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ merchant_uid: merchantUid, success: 'true' });
    expect(await paymentsOf(merchantUid)).toBe(1);
  });
});
