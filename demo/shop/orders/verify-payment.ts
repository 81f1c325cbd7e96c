// One verification step, shared by the callback (/api/payments/complete),
// the mobile redirect landing (/orders/complete), the webhook and the order
// page's "다시 확인": read the payment with the shop's own token
// (GET /payments/{imp_uid}), judge it against the stored order, and record it.
// Running it twice, or out of order, leaves the same result.
import { ShopError, viaSandbox } from '../http/shop-error';
import type { IamportClient } from '../iamport/client';
import { judgePayment } from './judge-payment';
import type { Order, OrderStore } from './order-store';
import { isForward } from './order-status';

export interface VerifyDeps {
  orders: OrderStore;
  client: IamportClient;
  sandboxUrl: string;
  now: () => number;
}

export interface Verified {
  order: Order;
  /** False when the order already said this (a repeated callback or webhook). */
  changed: boolean;
}

export function orderNotFound(merchantUid: string): ShopError {
  return new ShopError(404, 'ORDER_NOT_FOUND', `주문 ${merchantUid}을(를) 찾을 수 없습니다.`, '주문 내역에서 주문번호를 확인하거나 상품 페이지에서 새로 주문하세요.');
}

export async function verifyPayment(deps: VerifyDeps, merchantUid: string, impUid: string): Promise<Verified> {
  const order = deps.orders.find(merchantUid);
  if (!order) throw orderNotFound(merchantUid);
  // The order's tier scopes the lookup: a sub-merchant's order is only settled by that sub-merchant's payment.
  const payment = await viaSandbox(deps.sandboxUrl, () => deps.client.getPayment(impUid, order.tierCode));

  const outcome: { failure: ShopError | null; changed: boolean } = { failure: null, changed: false };
  // The judgement is repeated on the row as it is now, inside the write: another
  // verification may have finished while this one waited for the network.
  const settled = deps.orders.settle(merchantUid, payment, deps.now(), (current) => {
    const verdict = judgePayment(current, payment);
    if (!verdict.ok) {
      outcome.failure = verdict.error;
      return null;
    }
    if (current.impUid === payment.imp_uid && !isForward(current.status, verdict.status)) return null;
    outcome.changed = current.status !== verdict.status || current.impUid !== payment.imp_uid;
    return verdict.status;
  });
  if (outcome.failure) throw outcome.failure;
  if (!settled) throw orderNotFound(merchantUid);
  return { order: settled, changed: outcome.changed };
}
