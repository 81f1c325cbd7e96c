// The verified order: what the server recorded after checking the payment
// through REST (never what the browser said), plus whether a webhook came.
import type { MerchantConfig } from '../config';
import type { Order } from '../orders/order-store';
import { ORDER_STATUS_LABEL } from '../orders/order-status';
import type { WebhookEvent } from '../orders/webhook-log';
import { dateTime, payMethodLabel, won } from './format';
import { html, type Html } from './html';
import { layout } from './layout';

const row = (label: string, value: Html | string | number | null | undefined, testId?: string): Html | string =>
  value === null || value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt><dd${testId ? html` data-testid="${testId}"` : ''}>${value}</dd>`;

function statusPanel(order: Order, sandboxUrl: string): Html {
  const p = order.payment;
  switch (order.status) {
    case 'paid':
      return html`<div class="panel panel-ok"><strong>결제가 확인되었습니다.</strong>
  상점 서버가 REST API(<code>GET /payments/${order.impUid}</code>)로 주문번호, 금액(${won(order.amount)}), 상태(paid)를 직접 확인했습니다.</div>`;
    case 'awaiting_deposit':
      return html`<div class="panel panel-wait"><strong>가상계좌가 발급되었습니다. 입금을 기다리는 중입니다.</strong>
  <dl class="facts">
    ${row('은행', p?.vbank_name, 'vbank-name')}
    ${row('계좌번호', p?.vbank_num, 'vbank-num')}
    ${row('예금주', p?.vbank_holder)}
    ${row('입금 기한', p?.vbank_date ? dateTime(p.vbank_date, 'seconds') : null)}
    ${row('입금액', won(order.amount))}
  </dl>
  테스트 입금: 콘솔(<a href="${sandboxUrl}/console">${sandboxUrl}/console</a>)의 결제 내역에서 <b>입금 처리</b>를 누르면
  웹훅이 이 상점으로 오고, 이 주문이 결제 완료로 바뀝니다.</div>`;
    case 'cancelled':
      return html`<div class="panel panel-muted"><strong>결제가 취소되었습니다.</strong>
  ${p?.cancel_reason ? html`사유: ${p.cancel_reason}` : ''}</div>`;
    case 'pending':
      return html`<div class="panel panel-muted"><strong>아직 결제되지 않은 주문입니다.</strong>
  <a href="/?order=${order.merchantUid}">주문서로 돌아가 결제하기</a></div>`;
  }
}

function webhookSummary(events: readonly WebhookEvent[]): Html {
  if (events.length === 0) return html`<span data-testid="webhook-received" data-received="no">아직 받지 않음</span>`;
  const last = events[events.length - 1]!;
  return html`<span data-testid="webhook-received" data-received="yes">받음 (${events.length}회) · 마지막 ${last.status},
    ${dateTime(last.receivedAtMs)}</span>`;
}

export function orderPage(order: Order, webhooks: readonly WebhookEvent[], merchant: MerchantConfig, sandboxUrl: string): string {
  const p = order.payment;
  const seller = order.tierCode ? `하위가맹점 ${merchant.tier?.code === order.tierCode ? merchant.tier.name : ''} (${order.tierCode})` : '본점';
  const body = html`
<div class="order-head">
  <h1>주문 <span class="mono" data-testid="order-merchant-uid">${order.merchantUid}</span></h1>
  <span class="status status-${order.status}" data-testid="order-status" data-status="${order.status}">${ORDER_STATUS_LABEL[order.status]}</span>
</div>
${statusPanel(order, sandboxUrl)}
<section class="card">
  <h2>주문</h2>
  <dl class="facts">
    ${row('상품', `${order.productName} × ${order.quantity}`)}
    ${row('주문 금액', won(order.amount), 'order-amount')}
    ${row('판매', seller)}
    ${row('주문 시각', dateTime(order.createdAtMs))}
  </dl>
</section>
<section class="card">
  <h2>결제 <small>REST API로 확인한 내용</small></h2>
  ${p
    ? html`<dl class="facts">
    ${row('imp_uid', p.imp_uid, 'imp-uid')}
    ${row('결제 금액', won(p.amount), 'paid-amount')}
    ${row('취소 금액', p.cancel_amount > 0 ? won(p.cancel_amount) : null)}
    ${row('상태 (REST)', p.status, 'payment-status')}
    ${row('결제수단', payMethodLabel(p.pay_method), 'pay-method')}
    ${row('PG', p.pg_provider)}
    ${row('카드', p.card_name ? `${p.card_name} ${p.card_number ?? ''}` : null, 'card')}
    ${row('승인번호', p.apply_num)}
    ${row('할부', p.card_name ? (p.card_quota ? `${p.card_quota}개월` : '일시불') : null)}
    ${row('은행', p.pay_method === 'trans' ? p.bank_name : null)}
    ${row('결제 시각', p.paid_at ? dateTime(p.paid_at, 'seconds') : null)}
    ${row('영수증', p.receipt_url ? html`<a href="${p.receipt_url}">영수증 보기</a>` : null)}
    ${row('확인 시각', order.verifiedAtMs ? dateTime(order.verifiedAtMs) : null)}
    ${row('웹훅', webhookSummary(webhooks))}
  </dl>
  <form method="post" action="/orders/${order.merchantUid}/refresh">
    <button class="button ghost" type="submit" data-testid="refresh">결제 상태 다시 확인</button>
  </form>`
    : html`<p class="muted">확인된 결제가 없습니다. 웹훅: ${webhookSummary(webhooks)}</p>`}
</section>
<p><a href="/orders">← 주문 내역</a> · <a href="/">계속 쇼핑하기</a></p>`;
  return layout({ title: `주문 ${order.merchantUid}`, current: 'orders', sandboxUrl, body });
}
