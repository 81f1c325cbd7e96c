// An order as the shop's JSON API shows it to its own pages, and the
// request_pay fields the server decides for it.
import type { Order } from '../orders/order-store';
import { ORDER_STATUS_LABEL } from '../orders/order-status';

export function orderJson(order: Order) {
  return {
    merchant_uid: order.merchantUid,
    product_id: order.productId,
    product_name: order.productName,
    quantity: order.quantity,
    amount: order.amount,
    currency: order.currency,
    tier_code: order.tierCode,
    status: order.status,
    status_label: ORDER_STATUS_LABEL[order.status],
    imp_uid: order.impUid,
    order_url: `/orders/${encodeURIComponent(order.merchantUid)}`,
  };
}

/** Where a mobile (redirect-mode) checkout lands; the SDK makes it absolute against the page. */
export const REDIRECT_LANDING_PATH = '/orders/complete';

/** The fields of request_pay the SERVER decides; the page adds pg, pay_method and the buyer. */
export function checkoutJson(order: Order, noticeUrl: string) {
  return {
    merchant_uid: order.merchantUid,
    name: order.quantity > 1 ? `${order.productName} × ${order.quantity}` : order.productName,
    amount: order.amount,
    currency: order.currency,
    tier_code: order.tierCode,
    notice_url: noticeUrl,
    m_redirect_url: REDIRECT_LANDING_PATH,
  };
}
