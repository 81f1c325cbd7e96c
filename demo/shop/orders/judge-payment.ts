// The checks a careful merchant runs before trusting a payment (v1-contract
// §6, pain points 6 and 7; what V1 clients call validatePayment): the payment
// the REST API returns must be for THIS order, for exactly the amount the
// server computed, and in a state that means money (or a vbank account that
// will receive it). The browser's word (`success`, `paid_amount`) counts for
// nothing here.
import { ShopError } from '../http/shop-error';
import type { V1Payment } from '../iamport/payment';
import type { Order } from './order-store';
import type { OrderStatus } from './order-status';

export type Verdict = { ok: true; status: OrderStatus } | { ok: false; error: ShopError };

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

const refuse = (code: string, message: string, next: string): Verdict => ({ ok: false, error: new ShopError(409, code, message, next) });

export function judgePayment(order: Order, payment: V1Payment): Verdict {
  if (payment.merchant_uid !== order.merchantUid) {
    return refuse(
      'PAYMENT_ORDER_MISMATCH',
      `결제 ${payment.imp_uid}는 이 주문(${order.merchantUid})이 아니라 주문 ${payment.merchant_uid}의 결제입니다.`,
      '다른 주문의 결제로는 이 주문을 완료할 수 없습니다. 주문 페이지에서 이 주문을 다시 결제하세요.',
    );
  }
  if (payment.amount !== order.amount || payment.currency !== order.currency) {
    return refuse(
      'AMOUNT_MISMATCH',
      `결제 금액(${won(payment.amount)} ${payment.currency})이 주문 금액(${won(order.amount)} ${order.currency})과 다릅니다. 위·변조가 의심되어 주문에 반영하지 않았습니다.`,
      '이 결제는 콘솔의 결제 내역에서 취소(환불)하고, 상품 페이지에서 새로 주문하세요.',
    );
  }
  if (order.impUid && order.impUid !== payment.imp_uid && (order.status === 'paid' || order.status === 'cancelled')) {
    return refuse(
      'ORDER_ALREADY_SETTLED',
      `이 주문은 이미 다른 결제(${order.impUid})로 처리되었습니다.`,
      '주문 내역에서 이 주문을 확인하세요. 중복 결제라면 콘솔에서 취소할 수 있습니다.',
    );
  }
  switch (payment.status) {
    case 'paid':
      return { ok: true, status: 'paid' };
    case 'ready':
      if (payment.pay_method === 'vbank' && payment.vbank_num) return { ok: true, status: 'awaiting_deposit' };
      return refuse('PAYMENT_NOT_PAID', `결제가 아직 끝나지 않았습니다 (상태: ready).`, '결제창에서 결제를 마친 뒤 다시 확인하세요.');
    case 'cancelled':
      // A cancel of the payment this order was settled with (console, API) is news to record;
      // a payment cancelled before the shop ever accepted it settles nothing.
      if (order.impUid === payment.imp_uid) return { ok: true, status: 'cancelled' };
      return refuse('PAYMENT_CANCELLED', `결제 ${payment.imp_uid}는 취소된 결제입니다.`, '상품 페이지에서 다시 결제하세요.');
    case 'failed':
      return refuse(
        'PAYMENT_NOT_PAID',
        `결제가 완료되지 않았습니다 (상태: failed${payment.fail_reason ? ` — ${payment.fail_reason}` : ''}).`,
        '다른 카드나 결제수단으로 다시 결제하세요.',
      );
    default:
      return refuse('PAYMENT_NOT_PAID', `알 수 없는 결제 상태입니다: ${String(payment.status)}`, '콘솔에서 결제 상태를 확인하세요.');
  }
}
