// The order painted from the request before the service answers
// (demo/sandbox/web/checkout/payment-window.ts, sheet.ts renderPendingSheet):
// what the request says is on screen at once, without the approve / cancel
// buttons (those test hooks mean "the payment is open"), then the full sheet.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCertificationWindow } from '../../../demo/sandbox/web/checkout/certification-window';
import { runPaymentWindow } from '../../../demo/sandbox/web/checkout/payment-window';
import type { Run } from '../../../demo/sandbox/web/checkout/run';
import { STRINGS } from '../../../demo/sandbox/web/checkout/strings';

const run = (lang: 'ko' | 'en' = 'ko'): Run => ({ mode: 'iframe', lang, t: STRINGS[lang], finish: vi.fn(), cancelOnLeave: vi.fn() });

/** fetch that answers only when told: the window is looked at while the open call is in flight. */
function pendingFetch() {
  let answer!: (response: Response) => void;
  const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
  vi.stubGlobal('fetch', fetch);
  return { fetch, answer: (body: unknown) => answer(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) };
}

const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('before the service has opened the payment', () => {
  it('shows the order name, amount, pay method, order id and buyer from the request, with no buttons', () => {
    const { fetch } = pendingFetch();
    const root = document.body.appendChild(document.createElement('main'));
    void runPaymentWindow(run(), root, { name: '에어 러너 운동화', amount: 89000, currency: 'KRW', pay_method: 'card', merchant_uid: 'order-7', buyer_name: '홍길동', buyer_tel: 7 }, 'https://shop.example');
    expect(fetch).toHaveBeenCalledTimes(1); // the open call is in flight
    expect(text(root, 'order-name')).toBe('에어 러너 운동화');
    expect(text(root, 'amount')).toBe('89,000원');
    expect(root.querySelector('.details')!.textContent).toBe('결제수단신용·체크카드주문번호order-7구매자홍길동 · 7');
    expect(root.querySelector('[data-testid="approve"], [data-testid="cancel"]')).toBeNull();
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('[role="status"]')!.textContent).toBe(STRINGS.ko.processing);
  });

  it('takes the wallet brand from pay_method or pg, and leaves out what the request lacks or gets wrong', () => {
    pendingFetch();
    const root = document.body.appendChild(document.createElement('main'));
    void runPaymentWindow(run('en'), root, { pg: 'kakaopay.TC0ONETIME', amount: 'lots', name: { html: '<b>' } }, null);
    expect(root.querySelector('.provider')!.textContent).toBe('KakaoPay');
    expect(text(root, 'order-name')).toBe(STRINGS.en.checkout);
    expect(text(root, 'amount')).toBeUndefined();
    expect(root.querySelector('b')).toBeNull();
  });

  it('is replaced by the full sheet when the service answers', async () => {
    const { answer } = pendingFetch();
    const root = document.body.appendChild(document.createElement('main'));
    const done = runPaymentWindow(run(), root, { name: 'Tea', amount: 1000, merchant_uid: 'o1' }, 'https://shop.example');
    answer({
      code: 0,
      message: null,
      response: {
        imp_uid: 'imp_1',
        checkout_token: 't',
        merchant: { code: 'imp19424728', name: '데모 상점' },
        tier: null,
        payment: { merchant_uid: 'o1', name: 'Tea', amount: 1000, currency: 'KRW', pay_method: 'card', pg_provider: 'html5_inicis', pg_label: 'KG이니시스', buyer_name: null, buyer_email: null, buyer_tel: null, customer_uid: null },
        test_cards: [],
        default_card_number: '4111111111111111',
        banks: [],
      },
    });
    await done;
    expect(text(root, 'merchant-name')).toBe('데모 상점');
    expect(text(root, 'approve')).toBe('1,000원 결제하기');
    expect(root.hasAttribute('aria-busy')).toBe(false);
  });

  it('certification shows its title and order id the same way', () => {
    pendingFetch();
    const root = document.body.appendChild(document.createElement('main'));
    void runCertificationWindow(run(), root, { merchant_uid: 'cert-1' }, 'https://shop.example');
    expect(text(root, 'order-name')).toBe('본인인증');
    expect(root.querySelector('.details')!.textContent).toBe('주문번호cert-1');
    expect(root.querySelector('[data-testid="approve"]')).toBeNull();
  });
});
