// The demo shop in headless Chromium against a real sandbox, two origins
// (shop on http://localhost:<port>, sandbox on http://127.0.0.1:<port>), both
// on ports the OS picks: pay by card through the real checkout window on the
// script-tag page and on the ESM (SPA) page, cancel and pay again, payco in a
// popup, a virtual account, and pay on an emulated phone through the redirect
// flow. Every payment must end on the order page
// the server verified through REST. The pages run under the shop's strict
// CSP, so any violation by the SDK shows up as a console error here.
import { existsSync } from 'node:fs';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startShop, type RunningShop } from '../../demo/shop/server';
import { launchChromium } from '../support/chromium';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from '../support/sandbox';

let browser: Browser;
let sandbox: RunningSandbox;
let shop: RunningShop;
let shopUrl: string;
const contexts: BrowserContext[] = [];

const BUILT = ['dist/iamport.js', 'dist/index.mjs', 'build/shop/product.js', 'build/shop/spa.js'];

beforeAll(async () => {
  const missing = BUILT.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run "npm run build" first (npm test does).`);
  await buildSandboxPages();
  sandbox = await startTestSandbox();
  shop = await startShop({
    port: 0,
    db: ':memory:',
    sandboxUrl: sandbox.url, // http://127.0.0.1:<port>: another site than the shop's localhost
    merchant: { code: DEMO_MERCHANT.merchantCode, apiKey: DEMO_MERCHANT.apiKey, apiSecret: DEMO_MERCHANT.apiSecret, tier: DEMO_MERCHANT.tier },
  });
  shopUrl = `http://localhost:${shop.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await sandbox?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A fresh page whose console errors and page errors (CSP violations included) are collected. */
async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

const checkoutFrame = (page: Page) => page.frameLocator(`iframe[src^="${sandbox.url}/checkout/window"]`);

/** Picks a product and quantity, writes the order sheet, and returns its merchant_uid. */
async function writeOrderSheet(page: Page, productId: string, quantity: number, options: { asTier?: boolean } = {}): Promise<string> {
  await page.getByTestId(`product-${productId}`).check({ force: true });
  await page.getByTestId('quantity').fill(String(quantity));
  if (options.asTier) await page.getByTestId('as-tier').check();
  await page.getByTestId('place-order').click();
  await page.getByTestId('order-sheet').waitFor({ state: 'visible' });
  return (await page.getByTestId('sheet-merchant-uid').textContent())!;
}

async function expectVerifiedOrderPage(page: Page, merchantUid: string, amountText: string): Promise<string> {
  await page.waitForURL(`${shopUrl}/orders/${merchantUid}`);
  expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('paid');
  expect(await page.getByTestId('order-status').textContent()).toBe('결제 완료');
  expect(await page.getByTestId('order-amount').textContent()).toBe(amountText);
  expect(await page.getByTestId('paid-amount').textContent()).toBe(amountText);
  const impUid = (await page.getByTestId('imp-uid').textContent())!;
  expect(impUid).toMatch(/^imp_\d{12}$/);
  // The page shows what the server stored after its own REST check.
  const stored = shop.app.shop.orders.find(merchantUid)!;
  expect(stored).toMatchObject({ status: 'paid', impUid, payment: { status: 'paid', imp_uid: impUid } });
  return impUid;
}

const cspErrors = (errors: string[]) => errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

describe('demo shop in Chromium', () => {
  it('script-tag page: card payment through the checkout window ends on the verified order page', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${shopUrl}/`);
    expect(await page.evaluate(() => typeof window.IMP?.request_pay)).toBe('function');
    const merchantUid = await writeOrderSheet(page, 'gift-set', 2);
    expect(await page.getByTestId('sheet-amount').textContent()).toBe('78,000원');

    await page.getByTestId('pay').click();
    const frame = checkoutFrame(page);
    await frame.getByTestId('approve').waitFor({ state: 'visible' });
    expect((await frame.getByTestId('card-number').inputValue()).replace(/\D/g, '')).toBe('4111111111111111');
    await frame.getByTestId('approve').click();

    await expectVerifiedOrderPage(page, merchantUid, '78,000원');
    expect(await page.getByTestId('card').textContent()).toContain('411111******1111');
    // The payment's notice_url brought the webhook to the shop too.
    await expect.poll(() => shop.app.shop.webhooks.forOrder(merchantUid).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.reload();
    expect(await page.getByTestId('webhook-received').getAttribute('data-received')).toBe('yes');
    expect(cspErrors(errors)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('ESM (SPA) page: the imported package pays as a sub-merchant and the order is verified', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${shopUrl}/spa`);
    const merchantUid = await writeOrderSheet(page, 'sejak', 1, { asTier: true });
    // No script tag here: the module imported /vendor/imp-checkout.mjs through the import map.
    expect(await page.evaluate(() => typeof window.IMP)).toBe('undefined');
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => src.includes('/v1/iamport.js')))).toEqual([]);

    await page.getByTestId('pay').click();
    await checkoutFrame(page).getByTestId('approve').click();

    await expectVerifiedOrderPage(page, merchantUid, '18,000원');
    expect(shop.app.shop.orders.find(merchantUid)).toMatchObject({ tierCode: 'A01', payment: { tier_code: 'A01' } });
    expect(errors).toEqual([]);
  });

  it('a cancelled checkout window says so and the same order can be paid again', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${shopUrl}/`);
    const merchantUid = await writeOrderSheet(page, 'hojicha', 1);
    await page.getByTestId('pay').click();
    await checkoutFrame(page).getByTestId('cancel').click();
    await page.getByTestId('message').waitFor({ state: 'visible' });
    expect(await page.getByTestId('message').textContent()).toContain('결제를 취소했습니다.');
    expect(shop.app.shop.orders.find(merchantUid)!.status).toBe('pending');

    await page.getByTestId('pay').click();
    await checkoutFrame(page).getByTestId('approve').click();
    await expectVerifiedOrderPage(page, merchantUid, '12,500원');
    expect(errors).toEqual([]);
  });

  it('payco opens in a popup from the pay click (not blocked) and the order is verified', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${shopUrl}/`);
    const merchantUid = await writeOrderSheet(page, 'hojicha', 2);
    await page.getByTestId('pay-method-payco').check();
    const popupOpened = page.waitForEvent('popup');
    await page.getByTestId('pay').click();
    const popup = await popupOpened;
    expect(new URL(popup.url()).origin).toBe(new URL(sandbox.url).origin);
    await popup.getByTestId('approve').click();

    await expectVerifiedOrderPage(page, merchantUid, '25,000원');
    expect(shop.app.shop.orders.find(merchantUid)!.payment).toMatchObject({ pg_provider: 'payco' });
    expect(errors).toEqual([]);
  });

  it('virtual account: the order waits for the deposit and shows the account', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${shopUrl}/`);
    const merchantUid = await writeOrderSheet(page, 'sejak', 1);
    await page.getByTestId('pay-method-vbank').check();
    await page.getByTestId('pay').click();
    await checkoutFrame(page).getByTestId('approve').click();

    await page.waitForURL(`${shopUrl}/orders/${merchantUid}`);
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_deposit');
    const account = shop.app.shop.orders.find(merchantUid)!.payment!.vbank_num!;
    expect(account).toBeTruthy();
    expect(await page.getByTestId('vbank-num').textContent()).toBe(account);
    expect(errors).toEqual([]);
  });

  it('phone (redirect mode): the checkout takes over the page and lands on /orders/complete, verified', async () => {
    const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13']!;
    const { page, errors } = await newPage(iPhone);
    await page.goto(`${shopUrl}/`);
    const merchantUid = await writeOrderSheet(page, 'sejak', 2);
    await page.getByTestId('pay').click();

    // No iframe: the whole page went to the service.
    await page.waitForURL((url) => url.origin === new URL(sandbox.url).origin && url.pathname === '/checkout/window');
    const landing = page.waitForResponse((response) => response.url().startsWith(`${shopUrl}/orders/complete?`));
    await page.getByTestId('approve').click();

    const landed = await landing;
    const query = new URL(landed.url()).searchParams;
    expect(query.get('merchant_uid')).toBe(merchantUid);
    expect(query.get('imp_success')).toBe('true');
    await expectVerifiedOrderPage(page, merchantUid, '36,000원');
    expect(errors).toEqual([]);
  });
});
