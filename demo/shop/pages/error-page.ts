// A page-level failure: what happened and what to do next (issue 7).
import type { ShopError } from '../http/shop-error';
import { html, type Html } from './html';
import { layout } from './layout';

export function errorPage(error: ShopError, sandboxUrl: string, back?: { href: string; label: string }): string {
  const link: Html = back ? html`<a class="button primary" href="${back.href}">${back.label}</a>` : html`<a class="button primary" href="/">상품 페이지로</a>`;
  const body = html`
<section class="card error-card">
  <h1>${error.message}</h1>
  <p class="next" data-testid="error-next">${error.next}</p>
  <p class="muted">오류 코드: <code data-testid="error-code">${error.code}</code></p>
  <p class="actions">${link} <a class="button ghost" href="/orders">주문 내역</a></p>
</section>`;
  return layout({ title: '오류', sandboxUrl, body });
}
