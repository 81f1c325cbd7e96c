// The list of orders, newest first.
import type { Order } from '../orders/order-store';
import { ORDER_STATUS_LABEL } from '../orders/order-status';
import { dateTime, payMethodLabel, won } from './format';
import { html } from './html';
import { layout } from './layout';

export function ordersPage(orders: readonly Order[], webhookCounts: ReadonlyMap<string, number>, sandboxUrl: string): string {
  const body = html`
<h1>주문 내역</h1>
${orders.length === 0
  ? html`<p class="card muted">아직 주문이 없습니다. <a href="/">상품 페이지</a>에서 주문해 보세요.</p>`
  : html`<div class="card table-wrap"><table class="orders" data-testid="orders">
  <thead><tr><th>주문번호</th><th>상품</th><th class="num">금액</th><th>상태</th><th>결제수단</th><th>웹훅</th><th>주문 시각</th></tr></thead>
  <tbody>
  ${orders.map(
    (order) => html`<tr>
    <td><a class="mono" href="/orders/${order.merchantUid}">${order.merchantUid}</a></td>
    <td>${order.productName} × ${order.quantity}</td>
    <td class="num">${won(order.amount)}</td>
    <td><span class="status status-${order.status}">${ORDER_STATUS_LABEL[order.status]}</span></td>
    <td>${payMethodLabel(order.payment?.pay_method ?? null)}</td>
    <td>${webhookCounts.get(order.merchantUid) ? `${webhookCounts.get(order.merchantUid)}회` : '-'}</td>
    <td>${dateTime(order.createdAtMs)}</td>
  </tr>`,
  )}
  </tbody>
</table></div>`}`;
  return layout({ title: '주문 내역', current: 'orders', sandboxUrl, body });
}
