// The product page's behaviour, shared by the script-tag page (product.ts)
// and the ESM page (spa.ts); they differ only in how they reach IMP.
//
// Why two steps ("주문서 작성", then "결제하기"): the order and its amount
// must exist on the server (POST /api/orders → POST /payments/prepare)
// BEFORE request_pay, and request_pay must run synchronously inside the pay
// button's click handler — popup providers (payco, tosspay, ...) are blocked
// by the browser once an `await` has happened in between (v1-contract §6,
// pain point 4). So the order sheet is prepared first, and the pay click
// calls IMP.request_pay straight away.
import type { ImpResponse, PaymentParams } from 'imp-checkout';
import { checkoutFailure, type Message } from './messages';
import { completePayment, createOrder, fetchOrder, ShopApiError, type CheckoutJson } from './shop-api';

export interface Payer {
  /** Why paying is impossible on this page (e.g. the SDK did not load), or null. */
  problem(): Message | null;
  /** IMP.init / IMP.agency, then IMP.request_pay — synchronously, in the caller's stack. */
  pay(merchantCode: string, tierCode: string | null, params: PaymentParams): Promise<ImpResponse>;
}

/** The pay-method picker's values → the V1 `pg` and `pay_method` (channels every sandbox merchant has). */
const PAY_METHODS: Record<string, Partial<PaymentParams>> = {
  card: { pg: 'html5_inicis', pay_method: 'card' },
  kakaopay: { pg: 'kakaopay', pay_method: 'card' },
  trans: { pg: 'html5_inicis', pay_method: 'trans' },
  vbank: { pg: 'html5_inicis', pay_method: 'vbank' },
  // V1 wants `digital` for phone payments: our tea is not digital, but the test channel only sells digital goods.
  phone: { pg: 'danal', pay_method: 'phone', digital: true },
  // V1 opens payco in a popup on PC: the case the two-step design above exists for.
  payco: { pg: 'payco', pay_method: 'card' },
};

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

function element<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`shop page: ${selector} is missing`);
  return found;
}

function fromError(error: unknown): Message {
  if (error instanceof ShopApiError) return { title: error.body.message, body: '', next: error.body.next, tone: 'error' };
  return { title: '알 수 없는 오류가 났습니다.', body: String(error), next: '페이지를 새로고침한 뒤 다시 시도하세요.', tone: 'error' };
}

export function mountCheckout(payer: Payer): void {
  const root = document.getElementById('checkout');
  if (!root) return;
  const merchantCode = root.dataset.merchantCode ?? '';
  const orderForm = element<HTMLFormElement>(root, '#order-form');
  const placeButton = element<HTMLButtonElement>(orderForm, '[type=submit]');
  const sheet = element<HTMLElement>(root, '#order-sheet');
  const payButton = element<HTMLButtonElement>(root, '#pay');
  const changeButton = element<HTMLButtonElement>(root, '#change-order');
  const messageBox = element<HTMLElement>(root, '#message');
  let checkout: CheckoutJson | null = null;

  const show = (message: Message) => {
    element(messageBox, '.message-title').textContent = message.title;
    element(messageBox, '.message-body').textContent = message.body;
    element(messageBox, '.message-next').textContent = message.next;
    messageBox.className = `message message-${message.tone}`;
    messageBox.hidden = false;
  };
  const hideMessage = () => {
    messageBox.hidden = true;
  };
  const busy = (button: HTMLButtonElement, on: boolean) => {
    button.disabled = on;
    button.setAttribute('aria-busy', String(on));
  };

  const field = (name: string) => element(sheet, `[data-field="${name}"]`);
  const showSheet = (next: CheckoutJson) => {
    checkout = next;
    field('merchant_uid').textContent = next.merchant_uid;
    field('name').textContent = next.name;
    field('seller').textContent = next.tier_code ? `하위가맹점 (${next.tier_code}) — IMP.agency` : '본점 — IMP.init';
    field('amount').textContent = won(next.amount);
    orderForm.hidden = true;
    sheet.hidden = false;
    // A reload (or coming back from a failed mobile checkout) finds the same order.
    history.replaceState(null, '', `?order=${encodeURIComponent(next.merchant_uid)}`);
    payButton.focus();
  };
  const showForm = () => {
    checkout = null;
    sheet.hidden = true;
    orderForm.hidden = false;
    history.replaceState(null, '', location.pathname);
  };

  const problem = payer.problem();
  if (problem) {
    show(problem);
    placeButton.disabled = true;
    payButton.disabled = true;
    return;
  }

  orderForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideMessage();
    const data = new FormData(orderForm);
    busy(placeButton, true);
    try {
      const created = await createOrder(String(data.get('product_id')), Number(data.get('quantity')), data.get('as_tier') === 'on');
      showSheet(created.checkout);
    } catch (error) {
      show(fromError(error));
    } finally {
      busy(placeButton, false);
    }
  });

  changeButton.addEventListener('click', () => {
    hideMessage();
    showForm();
  });

  payButton.addEventListener('click', async () => {
    const order = checkout;
    if (!order) return;
    hideMessage();
    const data = new FormData();
    sheet.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
      if ((input.type !== 'radio' || input.checked) && input.name) data.set(input.name, input.value);
    });
    const params: PaymentParams = {
      ...PAY_METHODS[String(data.get('pay_method'))],
      merchant_uid: order.merchant_uid,
      name: order.name,
      amount: order.amount,
      currency: order.currency,
      buyer_name: String(data.get('buyer_name') ?? ''),
      buyer_tel: String(data.get('buyer_tel') ?? ''),
      buyer_email: String(data.get('buyer_email') ?? ''),
      // Mobile browsers are redirected instead of getting a callback (V1): they land here.
      m_redirect_url: order.m_redirect_url,
      // Webhooks for this payment go to this shop (V1: replaces the console's URL).
      notice_url: order.notice_url,
    };
    busy(payButton, true);
    // Called before any await: the window (iframe or popup) opens inside this click.
    const response = await payer.pay(merchantCode, order.tier_code, params);

    // error_code, not `success`, decides (V1's own advice); and even a success proves nothing until the server checks it.
    if (response.error_code || !response.imp_uid) {
      show(checkoutFailure(response));
      busy(payButton, false);
      return;
    }
    show({ title: '결제를 확인하고 있습니다…', body: '', next: '상점 서버가 REST API로 금액과 상태를 확인하는 중입니다.', tone: 'info' });
    try {
      const verified = await completePayment(response.imp_uid, order.merchant_uid);
      location.assign(verified.order.order_url);
    } catch (error) {
      show(fromError(error));
      busy(payButton, false);
    }
  });

  // ?order=… : resume a pending order (after a reload, or "주문서로 돌아가기" from a failed mobile checkout).
  const resume = new URLSearchParams(location.search).get('order');
  if (resume) {
    fetchOrder(resume).then(
      (found) => {
        if (found.checkout) showSheet(found.checkout);
        else location.replace(found.order.order_url);
      },
      (error: unknown) => {
        showForm();
        show(fromError(error));
      },
    );
  }
}
