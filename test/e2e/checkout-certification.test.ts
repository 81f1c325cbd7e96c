// IMP.certification (본인인증) in headless Chromium across origins: the
// identity-verification window in the overlay, a popup and a phone redirect;
// verify, edit the test identity, cancel. The merchant page's answer, then
// GET /certifications/{imp_uid} as the merchant's server reads it.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answered,
  clickToStart,
  openShopPage,
  orderId,
  overlayFrame,
  rest,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';

const CERTIFICATION_CANCEL = '[본인인증포기] 사용자가 본인인증을 취소하셨습니다';

let world: CheckoutWorld;
let shop: ShopPage;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(() => world?.close());
afterEach(async () => {
  await shop?.context.close();
});

async function openShop(options = {}): Promise<Page> {
  shop = await openShopPage(world, 'pay.html', options);
  return shop.page;
}

const certify = (page: Page, id: number, params: Record<string, unknown>) => clickToStart(page, { id, action: 'certification', params });

async function restCertification(impUid: string) {
  const answer = await rest(world.sandbox, `/certifications/${impUid}`);
  return { status: answer.status, certification: answer.body.response as Record<string, any> };
}

describe('the identity-verification window', () => {
  it('verifies the prefilled test identity: the page gets imp_uid, REST has the person', async () => {
    const page = await openShop();
    const merchantUid = orderId('cert');
    await certify(page, 1, { merchant_uid: merchantUid, company: '테스트 쇼핑몰' });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    expect(await page.locator('[role="dialog"]').getAttribute('aria-label')).toBe('본인인증');
    expect(await frame.getByTestId('order-name').textContent()).toBe('본인인증');
    expect(await frame.locator('.intro').textContent()).toBe('테스트 쇼핑몰에서 본인 확인을 요청했습니다.');
    expect(await frame.getByTestId('identity-name').inputValue()).toBe('홍길동');
    expect(await frame.getByTestId('identity-birthday').inputValue()).toBe('1990-01-01');
    expect(await frame.getByTestId('identity-phone').inputValue()).toBe('01012345678');
    expect(await frame.getByTestId('approve').textContent()).toBe('인증하기');
    await frame.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toEqual({
      success: true,
      imp_success: true,
      imp_uid: expect.stringMatching(/^imp_\d{12}$/),
      merchant_uid: merchantUid,
      pg_provider: 'danal',
      pg_type: 'certification',
    });
    const { status, certification } = await restCertification(response.imp_uid);
    expect(status).toBe(200);
    expect(certification).toMatchObject({
      imp_uid: response.imp_uid,
      merchant_uid: merchantUid,
      certified: true,
      name: '홍길동',
      birthday: '1990-01-01',
      gender: 'male',
      phone: '01012345678',
      carrier: 'SKT',
      pg_provider: 'danal',
    });
    expect(certification.unique_key).toBeTruthy();
    expect(certification.certified_at).toBeGreaterThan(0);
    expect(shop.errors).toEqual([]);
  });

  it('takes an edited identity', async () => {
    const page = await openShop();
    await certify(page, 1, { merchant_uid: orderId('cert-edit'), name: '김영희', phone: '010-2222-3333', carrier: 'KT' });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    // The merchant's name, phone and carrier prefill the form.
    expect(await frame.getByTestId('identity-name').inputValue()).toBe('김영희');
    expect(await frame.getByTestId('identity-carrier').inputValue()).toBe('KT');
    await frame.getByTestId('identity-birthday').fill('1995-05-05');
    await frame.getByTestId('identity-gender').selectOption('female');
    await frame.getByTestId('identity-carrier').selectOption('LGT_MVNO');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response.success).toBe(true);
    const { certification } = await restCertification(response.imp_uid);
    expect(certification).toMatchObject({ name: '김영희', birthday: '1995-05-05', gender: 'female', phone: '01022223333', carrier: 'LGT_MVNO' });
  });

  it('cancelled: F0000 with the certification text; REST has no certification', async () => {
    const page = await openShop();
    const merchantUid = orderId('cert-cancel');
    await certify(page, 1, { merchant_uid: merchantUid });
    const frame = overlayFrame(page);
    await frame.getByTestId('cancel').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_success: false, merchant_uid: merchantUid, error_code: 'F0000', error_msg: CERTIFICATION_CANCEL });
    expect((await restCertification(response.imp_uid)).status).toBe(404);
  });

  it('IMP.close() during a certification answers the same text as the window’s cancel', async () => {
    const page = await openShop();
    await certify(page, 1, { merchant_uid: orderId('cert-close') });
    await overlayFrame(page).getByTestId('approve').waitFor();
    await page.evaluate(() => window.IMP!.close());
    expect(await answered(page, 1)).toMatchObject({ imp_uid: null, error_code: 'F0000', error_msg: CERTIFICATION_CANCEL });
  });

  it('refuses a person younger than min_age (F3001)', async () => {
    const page = await openShop();
    await certify(page, 1, { merchant_uid: orderId('cert-age'), min_age: 19 });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    expect(await frame.locator('.notice').textContent()).toBe('만 19세 이상만 인증할 수 있습니다.');
    await frame.getByTestId('identity-birthday').fill('2015-03-01');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, error_code: 'F3001' });
    expect((await restCertification(response.imp_uid)).status).toBe(404);
  });

  it('an invalid identity is refused in the window, which stays open to fix it', async () => {
    const page = await openShop();
    await certify(page, 1, { merchant_uid: orderId('cert-invalid') });
    const frame = overlayFrame(page);
    await frame.getByTestId('identity-phone').fill('12345');
    await frame.getByTestId('approve').click();
    await expect.poll(() => frame.getByTestId('error').textContent()).toBe('휴대폰 번호를 확인해주세요 (01로 시작하는 10–11자리).');
    // What the window cannot judge, the service refuses (400), and the window still stays open.
    await frame.getByTestId('identity-phone').fill('01099998888');
    await frame.getByTestId('identity-birthday').evaluate((input: HTMLInputElement) => {
      input.type = 'text';
      input.value = '1990-02-31';
    });
    await frame.getByTestId('approve').click();
    await expect.poll(() => frame.getByTestId('error').textContent()).toMatch(/birthday/);
    await frame.getByTestId('identity-birthday').fill('1990-02-28');
    expect(await page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length)).toBe(0);
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response.success).toBe(true);
    expect((await restCertification(response.imp_uid)).certification.phone).toBe('01099998888');
  });

  it("in English when language: 'en'", async () => {
    const page = await openShop();
    await certify(page, 1, { merchant_uid: orderId('cert-en'), language: 'en' });
    const frame = overlayFrame(page);
    await frame.getByTestId('approve').waitFor();
    expect(await frame.getByTestId('order-name').textContent()).toBe('Identity verification');
    expect(await frame.getByTestId('approve').textContent()).toBe('Verify');
    expect(await frame.getByLabel('Date of birth').inputValue()).toBe('1990-01-01');
    await frame.getByTestId('approve').click();
    expect((await answered(page, 1)).success).toBe(true);
  });
});

describe('certification in a popup and on a phone', () => {
  it('popup: true verifies in a popup', async () => {
    const page = await openShop();
    const opened = shop.context.waitForEvent('page');
    await certify(page, 1, { merchant_uid: orderId('cert-popup'), popup: true });
    const popup = await opened;
    await popup.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, pg_type: 'certification' });
    expect((await restCertification(response.imp_uid)).certification.certified).toBe(true);
  });

  it('a popup the buyer closes answers F0000 with the certification text', async () => {
    const page = await openShop();
    const opened = shop.context.waitForEvent('page');
    await certify(page, 1, { merchant_uid: orderId('cert-popup-closed'), popup: true });
    const popup = await opened;
    await popup.getByTestId('approve').waitFor();
    await popup.close({ runBeforeUnload: true });
    expect(await answered(page, 1)).toMatchObject({ success: false, imp_uid: null, error_code: 'F0000', error_msg: CERTIFICATION_CANCEL });
  });

  it('redirects on a phone and lands with imp_uid, merchant_uid and success', async () => {
    const page = await openShop({
      isMobile: true,
      hasTouch: true,
      viewport: { width: 390, height: 844 },
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    });
    const merchantUid = orderId('cert-redirect');
    await certify(page, 1, { merchant_uid: merchantUid, m_redirect_url: '/done.html?type=cert' });
    await page.getByTestId('approve').tap();
    await page.waitForURL(/\/done\.html/);
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    expect(query).toMatchObject({ type: 'cert', merchant_uid: merchantUid, success: 'true', imp_success: 'true' });
    expect((await restCertification(query.imp_uid!)).certification).toMatchObject({ certified: true, merchant_uid: merchantUid });
  });
});
