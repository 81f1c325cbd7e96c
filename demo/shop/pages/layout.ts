// The frame around every shop page: header with the two checkout variants and
// the order list, a footer saying this is a sandbox. Scripts are external
// files only (the CSP forbids inline ones).
import { html, type Html } from './html';

export interface LayoutOptions {
  title: string;
  /** Which nav entry is current. */
  current?: 'product' | 'spa' | 'orders';
  sandboxUrl: string;
  /** Extra <head> content: the SDK script tag, the import map, page scripts. */
  head?: Html;
  body: Html;
}

export function layout(options: LayoutOptions): string {
  const navLink = (key: LayoutOptions['current'], href: string, label: string) =>
    html`<a href="${href}"${options.current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return `<!doctype html>${html`
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · 다원 티하우스</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/shop.css">
${options.head ?? ''}
</head>
<body>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">茶</span> 다원 티하우스</a>
    <nav aria-label="주요 메뉴">
      ${navLink('product', '/', '상품 (스크립트 태그)')}
      ${navLink('spa', '/spa', '상품 (ESM · SPA)')}
      ${navLink('orders', '/orders', '주문 내역')}
    </nav>
  </div>
</header>
<main class="wrap">
${options.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    imp-checkout 데모 상점입니다. 결제는 로컬 샌드박스(<a href="${options.sandboxUrl}/console">${options.sandboxUrl}</a>)에서만
    이루어지며 실제로 돈이 오가지 않습니다.
  </div>
</footer>
</body>
</html>`}`;
}
