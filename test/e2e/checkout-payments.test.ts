// Paying in the iframe overlay, in headless Chromium, across origins: a
// fixture shop on http://localhost:<b> loads {sandbox}/v1/iamport.js from
// http://127.0.0.1:<a> and pays in the sandbox's checkout window. Every
// scenario checks what the merchant page received (callback and promise)
// and then what the REST API tells the merchant's server.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../sandbox/webhook-receiver';
import {
  DEMO_MERCHANT,
  answered,
  clickToStart,
  consoleCall,
  consoleLogin,
  openShopPage,
  orderId,
  overlayFrame,
  rest,
  restPayment,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';

const CANCEL_MESSAGE = '[결제포기] 사용자가 결제를 취소하셨습니다';

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

/** The overlay's checkout window, once it shows its approve button. */
async function checkoutWindow(page: Page) {
  const frame = overlayFrame(page);
  await frame.getByTestId('approve').waitFor();
  return frame;
}

describe('card payments in the iframe overlay', () => {
  it('approves with the prefilled card: the callback gets the payment, REST agrees', async () => {
    const page = await openShop();
    const merchantUid = orderId('card');
    const customData = { cart: [7, 9], coupon: null };
    await clickToStart(page, {
      id: 1,
      params: {
        pg: 'html5_inicis',
        pay_method: 'card',
        merchant_uid: merchantUid,
        name: '에어 러너 운동화',
        amount: '89000', // a numeric string, as a number input gives it
        buyer_name: '홍길동',
        buyer_email: 'hong@example.com',
        buyer_tel: '010-1234-5678',
        custom_data: customData,
      },
    });
    const frame = await checkoutWindow(page);
    // The window shows whom and what the buyer pays, in Korean.
    expect(await frame.getByTestId('merchant-name').textContent()).toBe(DEMO_MERCHANT.name);
    expect(await frame.getByTestId('order-name').textContent()).toBe('에어 러너 운동화');
    expect(await frame.getByTestId('amount').textContent()).toBe('89,000원');
    expect(await frame.getByTestId('card-number').inputValue()).toBe('4111 1111 1111 1111');
    expect(await frame.locator('html').getAttribute('lang')).toBe('ko');
    expect(await frame.getByTestId('approve').textContent()).toBe('89,000원 결제하기');
    await frame.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({
      success: true,
      imp_success: true,
      merchant_uid: merchantUid,
      paid_amount: 89000,
      status: 'paid',
      pay_method: 'card',
      pg_provider: 'html5_inicis',
      card_name: '신한카드',
      card_number: '411111******1111',
      name: '에어 러너 운동화',
      buyer_name: '홍길동',
      currency: 'KRW',
      custom_data: customData, // given back as the merchant gave it
    });
    expect(response.imp_uid).toMatch(/^imp_\d{12}$/);
    expect(response.apply_num).toMatch(/^\d+$/);
    expect(response).not.toHaveProperty('error_code');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);

    const payment = await restPayment(world.sandbox, response.imp_uid);
    expect(payment).toMatchObject({
      imp_uid: response.imp_uid,
      merchant_uid: merchantUid,
      amount: 89000,
      status: 'paid',
      pay_method: 'card',
      pg_provider: 'html5_inicis',
      card_number: '411111******1111',
      apply_num: response.apply_num,
      channel: 'pc',
      custom_data: JSON.stringify(customData), // a JSON string through REST, as V1
    });
    expect(payment.paid_at).toBe(response.paid_at);
    expect(shop.errors).toEqual([]);
  });

  it.each([
    ['declined (insufficient funds)', '4000 0000 0000 0002', 'F2001', /^\[잔액부족\]/],
    ['declined (limit exceeded)', '4000-0000-0000-9995', 'F2002', /^\[한도초과\]/],
    ['failed at the PG', '4000000000000119', 'F2003', /^\[PG오류\]/],
  ])('a documented test card that is %s ends in a failure, stored failed', async (_, card, code, message) => {
    const page = await openShop();
    const merchantUid = orderId('decline');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '거절 테스트', amount: 5000 } });
    const frame = await checkoutWindow(page);
    await frame.getByTestId('card-number').fill(card);
    await frame.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_success: false, merchant_uid: merchantUid, error_code: code });
    expect(response.error_msg).toMatch(message);
    expect(response.imp_uid).toMatch(/^imp_\d{12}$/);
    const payment = await restPayment(world.sandbox, response.imp_uid);
    expect(payment).toMatchObject({ status: 'failed', amount: 5000, fail_reason: response.error_msg, paid_at: 0 });
    expect(shop.errors).toEqual([]);
  });

  it('a test card picked from the list fills the number (the second approving card is a debit card)', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { merchant_uid: orderId('pick'), amount: 2000 } });
    const frame = await checkoutWindow(page);
    await frame.locator('details.test-card-list summary').click();
    await frame.locator('[data-testid="test-card"][data-card-number="5555555555554444"]').click();
    expect(await frame.getByTestId('card-number').inputValue()).toBe('5555 5555 5555 4444');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, card_name: '현대카드', card_number: '555555******4444' });
    expect((await restPayment(world.sandbox, response.imp_uid)).card_type).toBe(1);
  });

  it('the buyer cancels: F0000 with the exact V1 message; REST shows the payment failed with it', async () => {
    const page = await openShop();
    const merchantUid = orderId('cancel');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '취소 테스트', amount: 3000 } });
    const frame = await checkoutWindow(page);
    await frame.getByTestId('cancel').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({
      success: false,
      imp_success: false,
      merchant_uid: merchantUid,
      error_code: 'F0000',
      error_msg: CANCEL_MESSAGE,
    });
    const payment = await restPayment(world.sandbox, response.imp_uid);
    expect(payment).toMatchObject({ status: 'failed', fail_reason: CANCEL_MESSAGE, merchant_uid: merchantUid });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(shop.errors).toEqual([]);
  });

  it('instalments are offered from 50,000 KRW and recorded', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { merchant_uid: orderId('quota'), amount: 120000, display: { card_quota: [3, 6] } } });
    const frame = await checkoutWindow(page);
    const options = await frame.locator('[data-testid="card-quota"] option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(['0', '3', '6']);
    await frame.getByTestId('card-quota').selectOption('6');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response.card_quota).toBe(6);
    expect((await restPayment(world.sandbox, response.imp_uid)).card_quota).toBe(6);
  });

  it('refused at open (merchant_uid already paid, F1002): answered at once, no click needed', async () => {
    const page = await openShop();
    const merchantUid = orderId('twice');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 1000 } });
    await (await checkoutWindow(page)).getByTestId('approve').click();
    expect((await answered(page, 1)).success).toBe(true);

    await clickToStart(page, { id: 2, params: { merchant_uid: merchantUid, amount: 1000 } });
    const refused = await answered(page, 2);
    expect(refused).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: merchantUid,
      error_code: 'F1002',
      error_msg: '이미 결제가 이루어진 거래건입니다.',
    });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    const paid = await rest(world.sandbox, `/payments/findAll/${merchantUid}`);
    expect(paid.body.response.list).toHaveLength(1);
  });

  it('an unknown pg is refused at open with F1001', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { pg: 'nosuchpg', merchant_uid: orderId('pg'), amount: 1000 } });
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, imp_uid: null, error_code: 'F1001' });
    expect(response.error_msg).toMatch(/^등록되지 않은 PG모듈 정보입니다\./);
  });

  it("speaks English when the merchant asks for language: 'en'", async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { merchant_uid: orderId('en'), name: 'Green tea', amount: 12000, language: 'en' } });
    const frame = await checkoutWindow(page);
    expect(await frame.locator('html').getAttribute('lang')).toBe('en');
    expect(await frame.getByTestId('amount').textContent()).toBe('₩12,000');
    expect(await frame.getByTestId('approve').textContent()).toBe('Pay ₩12,000');
    expect(await frame.getByTestId('cancel').textContent()).toBe('Cancel');
    expect(await frame.locator('label[for="' + (await frame.getByTestId('card-number').getAttribute('id')) + '"]').textContent()).toBe('Card number');
    await frame.getByTestId('cancel').click();
    // The cancel text stays Korean whatever the language: merchants compare it verbatim.
    expect((await answered(page, 1)).error_msg).toBe(CANCEL_MESSAGE);
  });
});

describe('other pay methods', () => {
  it('trans: the chosen bank pays at once', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { pay_method: 'trans', merchant_uid: orderId('trans'), amount: 7000 } });
    const frame = await checkoutWindow(page);
    await frame.getByTestId('bank').selectOption('088');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, pay_method: 'trans', status: 'paid', bank_name: '신한은행' });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'paid', bank_code: '088', bank_name: '신한은행' });
  });

  it('phone: a well-formed number pays; a broken one is caught in the window first', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { pg: 'danal', pay_method: 'phone', merchant_uid: orderId('phone'), amount: 3300, buyer_tel: 'n/a' } });
    const frame = await checkoutWindow(page);
    await frame.getByTestId('approve').click();
    await expect.poll(() => frame.getByTestId('error').textContent()).toMatch(/휴대폰 번호를 확인해주세요/);
    await frame.getByTestId('carrier').selectOption('KT');
    await frame.getByTestId('phone').fill('010-9876-5432');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, pay_method: 'phone', pg_provider: 'danal', paid_amount: 3300 });
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('paid');
  });

  it.each([
    ['pg: kakaopay', { pg: 'kakaopay' }, '카카오페이', 'kakaopay', null],
    ['pay_method: naverpay through html5_inicis', { pg: 'html5_inicis', pay_method: 'naverpay' }, '네이버페이', 'html5_inicis', 'naverpay'],
    ['pg: tosspay', { pg: 'tosspay', popup: false }, '토스페이', 'tosspay', null],
  ])('easy pay (%s) shows the wallet as its brand and pays', async (_, params, brand, pgProvider, embedded) => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { ...params, merchant_uid: orderId('wallet'), amount: 15000 } });
    const frame = await checkoutWindow(page);
    expect(await frame.locator('.sheet-head .provider').textContent()).toBe(brand);
    expect(await frame.locator('.wallet-title').textContent()).toBe(`${brand} 앱에서 결제를 승인해주세요`);
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, pg_provider: pgProvider, emb_pg_provider: embedded, status: 'paid' });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ pg_provider: pgProvider, emb_pg_provider: embedded, status: 'paid' });
  });

  it('an easy-pay wallet funded by a declining test card fails like the card', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, params: { pg: 'kakaopay', merchant_uid: orderId('wallet'), amount: 15000 } });
    const frame = await checkoutWindow(page);
    await frame.getByTestId('wallet-card').selectOption('4000000000000002');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: false, error_code: 'F2001' });
    expect((await restPayment(world.sandbox, response.imp_uid)).status).toBe('failed');
  });

  it('customer_uid issues a billing key: the response carries it, REST records the usage', async () => {
    const page = await openShop();
    const customerUid = orderId('customer');
    await clickToStart(page, { id: 1, params: { pg: 'kcp_billing', merchant_uid: orderId('billing'), amount: 0, customer_uid: customerUid, name: '정기구독 카드 등록' } });
    const frame = await checkoutWindow(page);
    expect(await frame.getByTestId('billing-key-notice').textContent()).toContain(customerUid);
    expect(await frame.getByTestId('approve').textContent()).toBe('카드 등록하기');
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, customer_uid: customerUid, card_number: '411111******1111' });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ customer_uid: customerUid, customer_uid_usage: 'issue' });
  });
});

describe('virtual account', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
  });
  afterAll(() => receiver?.stop());

  it('issues an account (status ready, vbank fields in the callback); the console deposit makes it paid and sends a webhook', async () => {
    const page = await openShop();
    const merchantUid = orderId('vbank');
    await clickToStart(page, {
      id: 1,
      params: { pay_method: 'vbank', merchant_uid: merchantUid, name: '가상계좌 주문', amount: 45000, notice_url: receiver.url },
    });
    const frame = await checkoutWindow(page);
    expect(await frame.getByTestId('approve').textContent()).toBe('가상계좌 발급받기');
    await frame.getByTestId('bank').selectOption('020');
    await frame.getByTestId('approve').click();

    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, status: 'ready', pay_method: 'vbank', vbank_code: '020', vbank_name: '우리은행', paid_amount: 45000 });
    expect(response.vbank_num).toMatch(/^\d{3}-\d{6}-\d{5}$/);
    expect(response.vbank_date).toBeGreaterThan(response.paid_at ?? 0);
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'ready', vbank_num: response.vbank_num, paid_at: 0 });

    const cookie = await consoleLogin(world.sandbox);
    const deposit = await consoleCall(world.sandbox, cookie, 'POST', `/console/api/payments/${response.imp_uid}/deposit`);
    expect(deposit.status).toBe(200);
    const paid = await restPayment(world.sandbox, response.imp_uid);
    expect(paid.status).toBe('paid');
    expect(paid.paid_at).toBeGreaterThan(0);

    // The merchant's webhook endpoint hears "ready" (account issued), then "paid" (deposit).
    await expect
      .poll(() => receiver.received.map((r) => JSON.parse(r.body) as { imp_uid: string; status: string }).filter((b) => b.imp_uid === response.imp_uid).map((b) => b.status), { timeout: 10_000 })
      .toEqual(['ready', 'paid']);
    const log = await consoleCall(world.sandbox, cookie, 'GET', '/console/api/webhook');
    const delivered = (log.body.deliveries as Array<{ imp_uid: string; status: string; state: string }>).filter((d) => d.imp_uid === response.imp_uid);
    expect(delivered.map((d) => [d.status, d.state]).sort()).toEqual([
      ['paid', 'delivered'],
      ['ready', 'delivered'],
    ]);
  });
});

describe('agency (sub-merchant)', () => {
  it('IMP.agency(code, tier): stored under the tier, visible through REST with the Tier header only', async () => {
    const page = await openShop();
    const merchantUid = orderId('tier');
    await clickToStart(page, { id: 1, agency: DEMO_MERCHANT.tier.code, params: { merchant_uid: merchantUid, name: '강남점 주문', amount: 21000 } });
    const frame = await checkoutWindow(page);
    expect(await frame.getByTestId('merchant-name').textContent()).toBe(`${DEMO_MERCHANT.name} · ${DEMO_MERCHANT.tier.name}`);
    await frame.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 21000 });

    expect(await restPayment(world.sandbox, response.imp_uid, DEMO_MERCHANT.tier.code)).toMatchObject({
      status: 'paid',
      amount: 21000,
      tier_code: DEMO_MERCHANT.tier.code,
    });
    const withoutTier = await rest(world.sandbox, `/payments/${response.imp_uid}`);
    expect(withoutTier.status).toBe(404);
    expect(withoutTier.body.code).not.toBe(0);
  });

  it('an unknown tier is refused at open (F1005)', async () => {
    const page = await openShop();
    await clickToStart(page, { id: 1, agency: 'ZZ9', params: { merchant_uid: orderId('tier'), amount: 1000 } });
    expect(await answered(page, 1)).toMatchObject({ success: false, imp_uid: null, error_code: 'F1005' });
  });
});
