// The SDK on a merchant page under the strict Content-Security-Policy the
// README states:
//
//   Content-Security-Policy: default-src 'self'; script-src 'self' {service}; frame-src {service}
//
// No 'unsafe-inline', no 'unsafe-eval', nothing for the SDK beyond script-src
// (the script tag) and frame-src (the checkout iframe). The pages
// (test/e2e/fixtures/csp/) have no inline script or style. A payment
// completes through the real checkout window, by script tag and by the ESM
// build, in the overlay, in a popup and by phone redirect, and the page
// reports zero violations (securitypolicyviolation events and console errors),
// with <html> and <body> left as they were. A control at the end of each test
// makes a violation on purpose, to show the collector and the policy are live.
import { join } from 'node:path';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT, orderId, restPayment } from '../support/checkout-e2e';
import { launchChromium } from '../support/chromium';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startStaticSite, type StaticSite } from '../support/static-site';

/** The policy, exactly as README "Content-Security-Policy" gives it. */
const strictPolicy = (service: string) => `default-src 'self'; script-src 'self' ${service}; frame-src ${service}`;

let browser: Browser;
let sandbox: RunningSandbox;
let site: StaticSite;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await buildSandboxPages();
  sandbox = await startTestSandbox();
  site = await startStaticSite({
    dir: join(process.cwd(), 'test/e2e/fixtures/csp'),
    mounts: { '/dist/': join(process.cwd(), 'dist') },
    headers: { 'content-security-policy': strictPolicy(sandbox.url) },
    vars: { SANDBOX: sandbox.url },
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await sandbox?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

interface Merchant {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors from every page of the context (popups included). */
  errors: string[];
}

async function openPage(file: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Merchant> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}/${file}`);
  // The page really is served with exactly that policy.
  expect(response!.headers()['content-security-policy']).toBe(strictPolicy(sandbox.url));
  return { page, context, errors };
}

async function start(page: Page, params: Record<string, unknown>): Promise<void> {
  await page.evaluate((next) => {
    (window as unknown as { __next: unknown }).__next = next;
  }, { code: DEMO_MERCHANT.merchantCode, params });
  await page.click('#pay');
}

/** What the callback and the promise received, once both have. */
async function outcome(page: Page): Promise<Record<string, any>> {
  await page.waitForFunction(() => (window as unknown as { __results: unknown[] }).__results.length === 2, null, { timeout: 30_000 });
  const results = await page.evaluate(() => (window as unknown as { __results: { via: string; rsp: Record<string, unknown> }[] }).__results);
  expect(results.map((r) => r.via)).toEqual(['callback', 'promise']);
  expect(results[1]!.rsp).toEqual(results[0]!.rsp);
  return results[0]!.rsp;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);

const pageStyles = (page: Page) =>
  page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')]);

/** A violation made on purpose: the collector sees it, so its silence above meant something. */
async function expectControlViolation(merchant: Merchant): Promise<void> {
  await merchant.page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await expect.poll(() => violations(merchant.page)).toEqual([expect.objectContaining({ directive: 'style-src-attr' })]);
  expect(merchant.errors.some((e) => /Content Security Policy/.test(e))).toBe(true);
}

describe("a merchant page under default-src 'self'; script-src 'self' {service}; frame-src {service}", () => {
  for (const file of ['script-tag.html', 'esm.html']) {
    it(`${file}: pays in the iframe overlay with zero violations, and leaves <html> and <body> as they were`, async () => {
      const merchant = await openPage(file);
      const { page } = merchant;
      const before = await pageStyles(page);
      expect(before).toEqual(['scroll-behavior: smooth;', null]); // the page's own CSSOM style on <html>
      const merchantUid = orderId('csp');
      await start(page, { pg: 'html5_inicis', pay_method: 'card', merchant_uid: merchantUid, name: 'CSP 테스트', amount: 1200 });

      const frame = page.frameLocator('[role="dialog"] iframe');
      await frame.getByTestId('approve').click();
      const rsp = await outcome(page);
      expect(rsp).toMatchObject({ success: true, imp_success: true, merchant_uid: merchantUid, paid_amount: 1200 });
      expect(await restPayment(sandbox, rsp.imp_uid)).toMatchObject({ status: 'paid', amount: 1200, merchant_uid: merchantUid });

      expect(await page.locator('[role="dialog"]').count()).toBe(0);
      expect(await pageStyles(page)).toEqual(before);
      expect(await violations(page)).toEqual([]);
      expect(merchant.errors).toEqual([]);
      await expectControlViolation(merchant);
    });
  }

  it('script-tag.html: a popup provider (payco) pays with zero violations on the page', async () => {
    const merchant = await openPage('script-tag.html');
    const { page, context } = merchant;
    const merchantUid = orderId('csp-popup');
    const popupOpened = context.waitForEvent('page');
    await start(page, { pg: 'payco', merchant_uid: merchantUid, amount: 3300 });
    const popup = await popupOpened;
    await popup.getByTestId('approve').click();
    const rsp = await outcome(page);
    expect(rsp).toMatchObject({ success: true, merchant_uid: merchantUid, pg_provider: 'payco' });
    expect((await restPayment(sandbox, rsp.imp_uid)).status).toBe('paid');
    expect(await violations(page)).toEqual([]);
    expect(merchant.errors).toEqual([]);
    await expectControlViolation(merchant);
  });

  it('script-tag.html on a phone: the redirect checkout (a form POST to the service) needs no form-action either', async () => {
    const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13']!;
    const merchant = await openPage('script-tag.html', iPhone);
    const { page } = merchant;
    const merchantUid = orderId('csp-phone');
    await start(page, { pg: 'html5_inicis', merchant_uid: merchantUid, amount: 4500, m_redirect_url: '/done.html' });
    await page.waitForURL((url) => url.origin === new URL(sandbox.url).origin);
    await page.getByTestId('approve').click();
    await page.waitForURL((url) => url.pathname === '/done.html');
    const query = new URL(page.url()).searchParams;
    expect([query.get('merchant_uid'), query.get('imp_success')]).toEqual([merchantUid, 'true']);
    expect((await restPayment(sandbox, query.get('imp_uid')!)).status).toBe('paid');
    expect(await violations(page)).toEqual([]); // the landing page, under the same policy
    expect(merchant.errors).toEqual([]); // and nothing refused on the way (the pay page's errors are here too)
    await expectControlViolation(merchant);
  });
});
