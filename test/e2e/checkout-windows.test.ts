// The three ways a checkout window opens, chosen as V1 does, in headless
// Chromium across origins: the iframe overlay (a proper modal, also under a
// merchant's hostile CSS), the popup (popup: true or a popup PG; closed by
// the buyer; blocked), and the full-page redirect on a phone with a relative
// m_redirect_url. Each checks the merchant page's view and then REST.
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
  restPaymentOf,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';

const CANCEL_MESSAGE = '[결제포기] 사용자가 결제를 취소하셨습니다';
const IPHONE = {
  isMobile: true,
  hasTouch: true,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};
const ANDROID = {
  isMobile: true,
  hasTouch: true,
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 3,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
};

let world: CheckoutWorld;
let shop: ShopPage;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(() => world?.close());
afterEach(async () => {
  await shop?.context.close();
});

async function openShop(fixture = 'pay.html', options = {}): Promise<Page> {
  shop = await openShopPage(world, fixture, options);
  return shop.page;
}

/** Where each corner and the centre of the viewport hits on the merchant page. */
const hitsOnPage = (page: Page) =>
  page.evaluate(() => {
    const w = innerWidth;
    const h = innerHeight;
    return ([[1, 1], [w - 2, 1], [1, h - 2], [w - 2, h - 2], [w / 2, h / 2]] as const).map(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit ? `${hit.localName}${hit.closest('[role="dialog"]') ? ' in dialog' : ''}` : 'nothing';
    });
  });

describe('the iframe overlay is a proper modal', () => {
  it('labelled dialog, covers the page, locks its scroll, keeps focus inside, and puts everything back', async () => {
    const page = await openShop();
    await page.evaluate(() => {
      document.body.setAttribute('style', 'color: #222');
      window.scrollTo(0, 60); // scrolled, with the pay button still in view
    });
    const before = await footprint(page);
    // Where the page's content sits on screen: it must not move while the dialog is open, nor after.
    const contentTop = () => page.evaluate(() => document.querySelector('.long')!.getBoundingClientRect().top);
    const restingTop = await contentTop();
    const merchantUid = orderId('modal');
    await pressToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '모달 테스트', amount: 1000 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();

    const dialog = page.locator('[role="dialog"]');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.getAttribute('aria-label')).toBe('결제');
    expect(await dialog.locator('iframe').getAttribute('title')).toBe('결제');
    expect(await page.getByRole('dialog', { name: '결제' }).count()).toBe(1);
    // Covers the whole viewport: nothing of the page can be clicked.
    const box = await dialog.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const viewport = page.viewportSize()!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, viewport.width, viewport.height]);
    expect(await hitsOnPage(page)).toEqual(Array(5).fill('iframe in dialog'));
    // Scroll locked, and the page stays where it was on screen.
    expect(await page.evaluate(() => [getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).overflow])).toEqual(['hidden', 'hidden']);
    expect(await contentTop()).toBe(restingTop);
    await page.mouse.wheel(0, 600);
    await page.keyboard.press('PageDown');
    expect(await contentTop()).toBe(restingTop);
    // Focus is in the dialog, and Tab does not take it back to the page.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('iframe');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement?.closest('[role="dialog"]') ? 'dialog' : document.activeElement?.localName))).toBe('dialog');
    }
    // The window's controls are reachable from the keyboard and labelled.
    expect(await frame.getByLabel('카드번호').inputValue()).toBe('4111 1111 1111 1111');
    await frame.getByTestId('approve').focus();
    await page.keyboard.press('Enter');

    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid });
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('paid');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pay'); // focus given back
    await expectOnlyPrewarmLeft(page, before); // nodes, listeners, timers, html/body styles; the next checkout prewarmed
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pay'); // the prewarm does not take focus
    expect(await contentTop()).toBe(restingTop);
    await page.mouse.wheel(0, 300); // and the page scrolls again
    await expect.poll(contentTop).toBeLessThan(restingTop);
    expect(shop.errors).toEqual([]);
  });

  it('Escape in the window cancels, as it closes any dialog', async () => {
    const page = await openShop();
    const merchantUid = orderId('escape');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 1000 } });
    await overlayFrame(page).getByTestId('approve').waitFor();
    await page.keyboard.press('Escape');
    const response = await answered(page, 1);
    expect(response).toMatchObject({ error_code: 'F0000', error_msg: CANCEL_MESSAGE });
    expect((await restPayment(world.sandbox, response.imp_uid)).fail_reason).toBe(CANCEL_MESSAGE);
  });

  it("still covers the viewport and pays under a merchant's hostile CSS (resets, iframe hiding, max z-index header, transformed body)", async () => {
    const page = await openShop('hostile-css.html');
    await page.evaluate(() => window.scrollTo(0, 900)); // a transformed body would carry a fixed overlay away
    const merchantUid = orderId('hostile-css');
    await pressToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '적대적 CSS', amount: 4000 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();

    const dialog = page.locator('[role="dialog"]');
    const box = await dialog.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const viewport = page.viewportSize()!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, viewport.width, viewport.height]);
    expect(await dialog.evaluate((el) => [getComputedStyle(el).display, getComputedStyle(el).opacity, getComputedStyle(el.querySelector('iframe')!).display])).toEqual(['block', '1', 'block']);
    // Above the sticky header at z-index 2147483647 too.
    expect(await hitsOnPage(page)).toEqual(Array(5).fill('iframe in dialog'));
    // The sheet and its buttons are on screen, not pushed off by the page.
    const approve = await frame.getByTestId('approve').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: innerHeight };
    });
    expect(approve.top).toBeGreaterThan(0);
    expect(approve.bottom).toBeLessThanOrEqual(approve.viewport);
    await frame.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 4000 });
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('paid');
    expect(shop.errors).toEqual([]);
  });

  it('IMP.close() while the window is open: F0000 for the page, and the window records the cancel as it goes', async () => {
    const page = await openShop();
    const merchantUid = orderId('close');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 1000 } });
    await overlayFrame(page).getByTestId('approve').waitFor();
    await page.evaluate(() => window.IMP!.close());
    expect(await answered(page, 1)).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: merchantUid,
      error_code: 'F0000',
      error_msg: CANCEL_MESSAGE,
    });
    // The removed window's pagehide beacon marks the payment given up, as V1 records it.
    await expect.poll(async () => (await restPaymentOf(world.sandbox, merchantUid)).status, { timeout: 10_000 }).toBe('failed');
    expect((await restPaymentOf(world.sandbox, merchantUid)).fail_reason).toBe(CANCEL_MESSAGE);
  });
});

describe('the popup', () => {
  it('popup: true opens the window in a popup from the click; it approves, closes itself, REST agrees', async () => {
    const page = await openShop();
    const merchantUid = orderId('popup');
    const opened = shop.context.waitForEvent('page');
    await clickToStart(page, { id: 1, params: { popup: true, merchant_uid: merchantUid, name: '팝업 결제', amount: 6000 } });
    const popup = await opened;
    expect(new URL(popup.url()).origin).toBe(world.sandbox.url);
    expect(new URL(popup.url()).searchParams.get('mode')).toBe('popup');
    await popup.getByTestId('approve').waitFor();
    expect(await page.locator('[role="dialog"]').count()).toBe(0); // no overlay behind a popup
    expect(await popup.evaluate(() => document.documentElement.className)).toBe('mode-popup');
    const closed = popup.waitForEvent('close');
    await popup.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 6000, status: 'paid' });
    await closed;
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'paid', amount: 6000 });
    expect(shop.errors).toEqual([]);
  });

  it('a popup PG (payco) opens in a popup without popup: true, under its brand', async () => {
    const page = await openShop();
    const opened = shop.context.waitForEvent('page');
    await clickToStart(page, { id: 1, params: { pg: 'payco', merchant_uid: orderId('payco'), amount: 9900 } });
    const popup = await opened;
    await popup.getByTestId('approve').waitFor();
    expect(await popup.locator('.sheet-head .provider').textContent()).toBe('페이코');
    await popup.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, pg_provider: 'payco' });
    expect((await restPayment(world.sandbox, response.imp_uid)).pg_provider).toBe('payco');
  });

  it('closed by the buyer: F0000 for the page, and REST shows the payment given up', async () => {
    const page = await openShop();
    const before = await footprint(page);
    const merchantUid = orderId('popup-closed');
    const opened = shop.context.waitForEvent('page');
    await pressToStart(page, { id: 1, params: { popup: true, merchant_uid: merchantUid, amount: 6000 } });
    const popup = await opened;
    await popup.getByTestId('approve').waitFor();
    await popup.close({ runBeforeUnload: true }); // the buyer closes the window

    expect(await answered(page, 1)).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: merchantUid,
      error_code: 'F0000',
      error_msg: CANCEL_MESSAGE,
    });
    await expect.poll(async () => (await restPaymentOf(world.sandbox, merchantUid)).status, { timeout: 10_000 }).toBe('failed');
    expect((await restPaymentOf(world.sandbox, merchantUid)).fail_reason).toBe(CANCEL_MESSAGE);
    await expectOnlyPrewarmLeft(page, before); // the close poll is gone too
    expect(shop.errors).toEqual([]);
  });

  // Headless Chromium does not block popups, even opened outside a click with
  // Chromium's popup blocker on (checked: window.open from a setTimeout returns
  // a window). So this page plays the blocker by answering window.open with
  // null (what Chrome returns for a blocked popup) or with an already-closed
  // window (some blocking extensions); the SDK's handling is what is tested.
  it.each(['null', 'closed'])('a blocked popup (window.open gives %s) answers POPUP_BLOCKED and leaves nothing', async (blocker) => {
    const page = await openShop('blocked-popup.html');
    await page.evaluate((kind) => ((window as unknown as { __blocker: string }).__blocker = kind), blocker);
    const before = await footprint(page);
    const merchantUid = orderId('blocked');
    // From a timer, as a shop that awaits its own server before paying does.
    await page.evaluate((uid) => {
      setTimeout(() => (window as unknown as { __start(n: unknown): void }).__start({ id: 1, params: { popup: true, merchant_uid: uid, amount: 1000 } }), 0);
    }, merchantUid);
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_code: 'POPUP_BLOCKED' });
    expect(response.error_msg).toMatch(/popup blocked/);
    expect(shop.errors).toEqual([expect.stringContaining('[imp-checkout] POPUP_BLOCKED')]);
    await expectOnlyPrewarmLeft(page, before);
    await expectDeinitLeavesNothing(page, before);
    // Nothing reached the service: no payment exists for the order.
    expect((await rest(world.sandbox, `/payments/findAll/${merchantUid}`)).status).toBe(404);
  });
});

describe('the redirect on a phone', () => {
  it('approves and lands on the relative m_redirect_url with the result added, its own query and hash kept', async () => {
    const page = await openShop('pay.html', IPHONE);
    const merchantUid = orderId('redirect');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '모바일 주문', amount: 12000, m_redirect_url: 'done.html?from=shop&note=a%20b#receipt' } });
    await page.waitForURL(/\/checkout\/window\?mode=redirect&session=/);
    expect(new URL(page.url()).origin).toBe(world.sandbox.url);
    await page.getByTestId('approve').waitFor();
    expect(await page.evaluate(() => document.documentElement.className)).toBe('mode-redirect');
    // Fits a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(IPHONE.viewport.width);
    await page.getByTestId('approve').tap();

    await page.waitForURL(/\/done\.html/);
    const landed = new URL(page.url());
    expect(landed.origin).toBe(world.shop.origin);
    expect(landed.hash).toBe('#receipt');
    expect(landed.search.startsWith('?from=shop&note=a%20b&')).toBe(true); // the page's own query, byte for byte
    const query = Object.fromEntries(landed.searchParams);
    expect(query).toMatchObject({ from: 'shop', note: 'a b', merchant_uid: merchantUid, imp_success: 'true', success: 'true' });
    expect(query).not.toHaveProperty('error_code');
    expect(query.imp_uid).toMatch(/^imp_\d{12}$/);
    expect(await page.locator('#landed').textContent()).toBe(page.url());

    expect(await restPayment(world.sandbox, query.imp_uid!)).toMatchObject({ status: 'paid', amount: 12000, channel: 'mobile', merchant_uid: merchantUid });
    // No callback in redirect mode (V1): the page navigated away instead.
    expect(shop.errors).toEqual([]);
  });

  it('cancelled on an Android phone: lands with success=false and the F0000 error', async () => {
    const page = await openShop('pay.html', ANDROID);
    const merchantUid = orderId('redirect-cancel');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 8000, m_redirect_url: '/done.html?step=2' } });
    await page.getByTestId('cancel').waitFor();
    // 360 px wide: nothing sticks out, both buttons are on screen side by side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(ANDROID.viewport.width);
    const [cancel, approve] = await Promise.all([page.getByTestId('cancel').boundingBox(), page.getByTestId('approve').boundingBox()]);
    expect(cancel!.x).toBeGreaterThanOrEqual(0);
    expect(approve!.x + approve!.width).toBeLessThanOrEqual(ANDROID.viewport.width);
    expect(cancel!.y).toBe(approve!.y);
    await page.getByTestId('cancel').tap();
    await page.waitForURL(/\/done\.html/);
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    expect(query).toMatchObject({
      step: '2',
      merchant_uid: merchantUid,
      imp_success: 'false',
      success: 'false',
      error_code: 'F0000',
      error_msg: CANCEL_MESSAGE,
    });
    expect(await restPayment(world.sandbox, query.imp_uid!)).toMatchObject({ status: 'failed', fail_reason: CANCEL_MESSAGE });
  });

  it('the buyer goes back to the shop instead: the window records the cancel as it goes', async () => {
    const page = await openShop('pay.html', IPHONE);
    const merchantUid = orderId('redirect-back');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 8000, m_redirect_url: 'done.html' } });
    await page.getByTestId('approve').waitFor();
    await page.goBack();
    await page.waitForURL(/\/pay\.html/);
    await expect.poll(async () => (await restPaymentOf(world.sandbox, merchantUid)).status, { timeout: 10_000 }).toBe('failed');
    expect((await restPaymentOf(world.sandbox, merchantUid)).fail_reason).toBe(CANCEL_MESSAGE);
  });

  it('a refusal at open (already paid) lands at once with the error, imp_uid empty', async () => {
    const page = await openShop('pay.html', IPHONE);
    const merchantUid = orderId('redirect-paid');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 1000, m_redirect_url: 'done.html' } });
    await page.getByTestId('approve').tap();
    await page.waitForURL(/\/done\.html/);
    await page.goBack(); // to the shop (the checkout page replaced itself in history)
    await page.waitForURL(/\/pay\.html/);
    await clickToStart(page, { id: 2, params: { merchant_uid: merchantUid, amount: 1000, m_redirect_url: 'done.html' } });
    await page.waitForURL(/\/done\.html\?.*error_code/);
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    expect(query).toMatchObject({ imp_uid: '', merchant_uid: merchantUid, success: 'false', error_code: 'F1002' });
  });

  it('without m_redirect_url a phone keeps the overlay (V1 needs the URL to redirect)', async () => {
    const page = await openShop('pay.html', IPHONE);
    await clickToStart(page, { id: 1, params: { merchant_uid: orderId('phone-overlay'), amount: 1000 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').tap();
    const response = await answered(page, 1);
    expect(response.success).toBe(true);
    expect((await restPayment(world.sandbox, response.imp_uid)).channel).toBe('mobile');
  });
});
