// The pictures in docs/images/, taken from the real pages in Chromium: the
// card checkout window (Korean), the identity-verification window, and the
// console's keys page. Each test checks what the picture shows; the files are
// written only with UPDATE_SCREENSHOTS=1, so ordinary runs leave the tree clean:
//
//   UPDATE_SCREENSHOTS=1 npx vitest run --project e2e test/e2e/docs-screenshots.test.ts
import { mkdirSync } from 'node:fs';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_MERCHANT,
  UPDATE_SCREENSHOTS,
  clickToStart,
  openShopPage,
  overlayFrame,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';

const IMAGES = 'docs/images';

let world: CheckoutWorld;
let shop: ShopPage;
beforeAll(async () => {
  world = await startCheckoutWorld();
  if (UPDATE_SCREENSHOTS) mkdirSync(IMAGES, { recursive: true });
});
afterAll(() => world?.close());
afterEach(async () => {
  await shop?.context.close();
});

/** The checkout sheet with a margin of the dimmed page around it. */
async function shootSheet(page: Page, frame: FrameLocator, file: string): Promise<void> {
  const box = await frame.locator('.sheet').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  const margin = 24;
  // The whole sheet is on screen (nothing cut off by the viewport).
  expect(box.y).toBeGreaterThanOrEqual(margin);
  expect(box.y + box.height + margin).toBeLessThanOrEqual(page.viewportSize()!.height);
  if (!UPDATE_SCREENSHOTS) return;
  // Only the dimmed backdrop around the sheet, not the fixture page's text (the overlay hangs off <html>).
  await page.evaluate(() => (document.body.style.visibility = 'hidden'));
  await page.screenshot({
    path: `${IMAGES}/${file}`,
    clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
  });
}

const frameOf = async (page: Page): Promise<Frame> => (await page.locator('[role="dialog"] iframe').elementHandle())!.contentFrame() as Promise<Frame>;

describe('docs/images', () => {
  it('checkout-card.png: the card window in Korean', async () => {
    shop = await openShopPage(world, 'pay.html', { viewport: { width: 720, height: 1000 }, deviceScaleFactor: 1, locale: 'ko-KR' });
    const page = shop.page;
    await clickToStart(page, {
      id: 1,
      params: {
        pg: 'html5_inicis',
        pay_method: 'card',
        merchant_uid: 'order-20250501-0001',
        name: '에어 러너 운동화',
        amount: 89000,
        buyer_name: '홍길동',
        buyer_email: 'hong@example.com',
        buyer_tel: '010-1234-5678',
      },
    });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    await frame.locator('details.test-card-list summary').click(); // show the test cards too
    expect(await frame.getByTestId('order-name').textContent()).toBe('에어 러너 운동화');
    expect(await frame.getByTestId('amount').textContent()).toBe('89,000원');
    expect(await frame.getByTestId('test-card').count()).toBe(5);
    // Korean glyphs render with a real font (fonts-noto-cjk), not tofu boxes.
    const fonts = await (await frameOf(page)).evaluate(() => document.fonts.check('16px "Noto Sans CJK KR"', '결제'));
    expect(fonts).toBe(true);
    await shootSheet(page, frame, 'checkout-card.png');
  });

  it('checkout-certification.png: the identity-verification window', async () => {
    shop = await openShopPage(world, 'pay.html', { viewport: { width: 720, height: 900 }, deviceScaleFactor: 1, locale: 'ko-KR' });
    const page = shop.page;
    await clickToStart(page, { id: 1, action: 'certification', params: { merchant_uid: 'cert-20250501-0001', company: '테스트 쇼핑몰', min_age: 19 } });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    expect(await frame.getByTestId('identity-name').inputValue()).toBe('홍길동');
    expect(await frame.locator('.sheet-head .provider').textContent()).toBe('다날 휴대폰 본인인증');
    await shootSheet(page, frame, 'checkout-certification.png');
  });

  it("console-keys.png: the console's merchant code and API keys", async () => {
    const context = await world.browser.newContext({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1, locale: 'ko-KR' });
    shop = { context, page: await context.newPage(), errors: [] };
    const page = shop.page;
    await page.goto(`${world.sandbox.url}/console`);
    await page.getByTestId('login-email').fill(DEMO_MERCHANT.email);
    await page.getByTestId('login-password').fill(DEMO_MERCHANT.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    expect(await page.getByTestId('auth-section').isHidden()).toBe(true); // signed in: no sign-up / login forms
    expect(await page.getByTestId('merchant-code').textContent()).toBe(DEMO_MERCHANT.merchantCode);
    expect(await page.getByTestId('api-key').textContent()).toBe(DEMO_MERCHANT.apiKey);
    await page.locator(`[data-testid="tier-row"][data-tier-code="${DEMO_MERCHANT.tier.code}"]`).waitFor();
    if (UPDATE_SCREENSHOTS) {
      const keys = await page.getByTestId('keys-section').boundingBox();
      const tiers = await page.getByTestId('tiers-section').boundingBox();
      await page.screenshot({
        path: `${IMAGES}/console-keys.png`,
        clip: { x: 0, y: 0, width: 1100, height: Math.min(760, tiers!.y + tiers!.height + 16) },
      });
      expect(keys!.height).toBeGreaterThan(0);
    }
  });
});
