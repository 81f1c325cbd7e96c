// How merchant pages really behave, in headless Chromium across origins:
// IMP.init before every click, a second request while one is open, a
// third-party frame posting look-alike messages, the SDK script included
// twice, the ESM build in a module page, a service that never answers, and
// the V1 CDN path on the sandbox. After each flow the page must be as it was.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answered,
  clickToStart,
  expectDeinitLeavesNothing,
  expectOnlyPrewarmLeft,
  footprint,
  openShopPage,
  orderId,
  overlayFrame,
  pressToStart,
  rest,
  restPayment,
  startCheckoutWorld,
  startFromScript,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';

let world: CheckoutWorld;
let shop: ShopPage;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(() => world?.close());
afterEach(async () => {
  await shop?.context.close();
});

async function openShop(fixture = 'pay.html'): Promise<Page> {
  shop = await openShopPage(world, fixture);
  return shop.page;
}

async function approveInOverlay(page: Page): Promise<void> {
  await overlayFrame(page).getByTestId('approve').click();
}

describe('the script on the sandbox', () => {
  it('/v1/iamport.js is the built dist/iamport.js, so a V1 page only swaps the host', async () => {
    const response = await fetch(`${world.sandbox.url}/v1/iamport.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe(readFileSync('dist/iamport.js', 'utf8'));
    // Every fixture page loads it exactly so: <script src="{sandbox}/v1/iamport.js">.
    const page = await openShop();
    expect(await page.locator('script[src$="/v1/iamport.js"]').getAttribute('src')).toBe(`${world.sandbox.url}/v1/iamport.js`);
    expect(await page.evaluate(() => typeof window.IMP?.request_pay)).toBe('function');
  });
});

describe('a shop that calls IMP.init before every click', () => {
  it('pays ten times in a row on one page, leaving nothing behind after each but the one prewarmed checkout', async () => {
    const page = await openShop();
    const before = await footprint(page);
    const paid: Array<{ impUid: string; amount: number }> = [];
    const windows: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const amount = 1000 * i;
      // From the second payment on, the prewarmed frame is there (the first has no prewarm: init runs in the click).
      const prewarmedSrc = i > 1 ? await page.locator('iframe').getAttribute('src') : null;
      await pressToStart(page, { id: i, params: { merchant_uid: orderId(`again-${i}`), name: `주문 ${i}`, amount } });
      const src = (await page.locator('[role="dialog"] iframe').getAttribute('src'))!;
      if (prewarmedSrc) expect(src).toBe(prewarmedSrc); // the flow showed the prewarmed frame, with its channel
      windows.push(src);
      await approveInOverlay(page);
      const response = await answered(page, i);
      expect(response).toMatchObject({ success: true, paid_amount: amount });
      paid.push({ impUid: response.imp_uid, amount });
      // No overlay, listener, timer or style of this flow remains; only the one hidden prewarmed
      // checkout for the next (the same count after every flow), which the next flow uses.
      await expectOnlyPrewarmLeft(page, before);
    }
    // IMP.deinit removes the prewarmed checkout: the page is exactly as it was before the first payment.
    await expectDeinitLeavesNothing(page, before);
    expect(new Set(paid.map((p) => p.impUid)).size).toBe(10);
    expect(new Set(windows).size).toBe(10); // a fresh channel for every flow
    for (const { impUid, amount } of paid) {
      expect(await restPayment(world.sandbox, impUid)).toMatchObject({ status: 'paid', amount });
    }
    expect(shop.errors).toEqual([]);
  });
});

describe('a second request while a window is open', () => {
  it('answers the second with FLOW_IN_PROGRESS; the first still pays', async () => {
    const page = await openShop();
    const first = orderId('first');
    const second = orderId('second');
    await clickToStart(page, { id: 1, params: { merchant_uid: first, amount: 5000 } });
    await overlayFrame(page).getByTestId('approve').waitFor();

    // A double click, or a second button: the first window stays.
    await startFromScript(page, { id: 2, params: { merchant_uid: second, amount: 7000 } });
    expect(await answered(page, 2)).toMatchObject({ success: false, imp_uid: null, merchant_uid: second, error_code: 'FLOW_IN_PROGRESS' });
    await startFromScript(page, { id: 3, action: 'certification', params: { merchant_uid: orderId('cert') } });
    expect((await answered(page, 3)).error_code).toBe('FLOW_IN_PROGRESS');
    expect(await page.locator('[role="dialog"]').count()).toBe(1);

    await approveInOverlay(page);
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: first, paid_amount: 5000 });
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('paid');
    expect((await rest(world.sandbox, `/payments/findAll/${second}`)).status).toBe(404);
    expect(shop.errors).toEqual([
      expect.stringContaining('[imp-checkout] FLOW_IN_PROGRESS'),
      expect.stringContaining('[imp-checkout] FLOW_IN_PROGRESS'),
    ]);
  });
});

describe('a hostile frame on a third origin', () => {
  it('posts look-alike results (guessed and real channel ids) and junk: all ignored, the real result arrives and matches REST', async () => {
    const page = await openShop('hostile.html');
    const hostile = page.frame({ url: /hostile-frame\.html/ })!;
    expect(new URL(hostile.url()).origin).toBe(world.third.origin);
    const merchantUid = orderId('hostile');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '진짜 주문', amount: 33000 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    const realChannel = await page.evaluate(() => new URL(document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')!.src).searchParams.get('channel')!);

    await page.evaluate(() => {
      const seen = window as unknown as { __sentinel: boolean };
      seen.__sentinel = false;
      window.addEventListener('message', (event) => {
        if ((event.data as { sentinel?: string } | null)?.sentinel === 'hostile-frame-done') seen.__sentinel = true;
      });
    });
    const sent = await hostile.evaluate(
      (channels) => (window as unknown as { spam(c: string[]): number }).spam(channels),
      [realChannel, '0123456789abcdef0123456789abcdef', 'f'.repeat(32)],
    );
    expect(sent).toBeGreaterThan(20);
    await page.waitForFunction(() => (window as unknown as { __sentinel: boolean }).__sentinel);

    // Every look-alike has been delivered: the flow is still open, nothing was answered.
    expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length)).toBe(0);
    expect(await page.locator('[role="dialog"]').count()).toBe(1);
    // The checkout window ignored the forged requests too: it still shows the real order.
    expect(await frame.getByTestId('amount').textContent()).toBe('33,000원');
    expect(await frame.getByTestId('order-name').textContent()).toBe('진짜 주문');

    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 33000 });
    expect(response.imp_uid).not.toBe('imp_000000000000');
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'paid', amount: 33000, merchant_uid: merchantUid });
    expect((await rest(world.sandbox, '/payments/findAll/forged')).status).toBe(404);
    expect(shop.errors).toEqual([]);
  });
});

describe('the SDK script included twice', () => {
  it('keeps one IMP and its state: the merchant set before the second copy still pays', async () => {
    const page = await openShop('twice.html');
    expect(await page.evaluate(() => (window as unknown as { __sameIMP: boolean }).__sameIMP)).toBe(true);
    expect(await page.locator('script[src$="/v1/iamport.js"]').count()).toBe(2);
    const merchantUid = orderId('twice');
    // No IMP.init now: the one done between the two script tags must still hold.
    await clickToStart(page, { id: 1, init: false, params: { merchant_uid: merchantUid, amount: 2500 } });
    await approveInOverlay(page);
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('paid');
    expect(shop.errors).toEqual([]);
  });
});

describe('the ESM build', () => {
  it('imported by a module page and pointed at the sandbox with IMP.configure, pays; no global is written', async () => {
    const page = await openShop('esm.html');
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect(await page.evaluate(() => (window as unknown as { __globalIMP: string }).__globalIMP)).toBe('undefined');
    const merchantUid = orderId('esm');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 4400, custom_data: { spa: true } } });
    await approveInOverlay(page);
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, custom_data: { spa: true } });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'paid', amount: 4400, custom_data: '{"spa":true}' });
    expect(shop.errors).toEqual([]);
  });
});

describe('a checkout page that never answers', () => {
  it('ends in CHECKOUT_TIMEOUT after readyTimeoutMs, leaving nothing; the right service then pays', async () => {
    const page = await openShop();
    const before = await footprint(page);
    // Pointed at a site that serves /checkout/window but is not a checkout service.
    await page.evaluate(
      (service) => window.IMP!.configure({ serviceUrl: service, readyTimeoutMs: 1500 }),
      world.third.url,
    );
    const merchantUid = orderId('timeout');
    await pressToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 1000 } });
    expect(await page.locator('[role="dialog"] iframe').getAttribute('src')).toMatch(new RegExp(`^${world.third.url}/checkout/window\\?mode=iframe&channel=`));
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_uid: null, merchant_uid: merchantUid, error_code: 'CHECKOUT_TIMEOUT' });
    expect(response.error_msg).toContain(world.third.url);
    // A checkout prewarmed for that service never says ready either: it is dropped after readyTimeoutMs.
    await expect.poll(() => footprint(page), { timeout: 15_000 }).toEqual(before);
    expect(shop.errors).toEqual([expect.stringContaining('[imp-checkout] CHECKOUT_TIMEOUT')]);
    expect((await rest(world.sandbox, `/payments/findAll/${merchantUid}`)).status).toBe(404); // nothing was opened

    await page.evaluate((service) => window.IMP!.configure({ serviceUrl: service }), world.sandbox.url);
    await pressToStart(page, { id: 2, params: { merchant_uid: merchantUid, amount: 1000 } });
    await approveInOverlay(page);
    const paid = await answered(page, 2);
    expect(paid.success).toBe(true);
    expect((await restPayment(world.sandbox, paid.imp_uid)).merchant_uid).toBe(merchantUid);
  });
});
