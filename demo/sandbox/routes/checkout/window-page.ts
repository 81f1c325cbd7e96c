// Markup of the checkout window (GET /checkout/window). The server sends a
// language-neutral shell: which language to show, what to pay and how only
// become known when the merchant page's request arrives, so web/checkout.ts
// (built to /assets/checkout.js) renders everything else. No inline script or
// style: the page runs under script-src 'self' and style-src 'self'.
import { escapeHtml } from '../../lib/html';

export type WindowMode = 'iframe' | 'popup' | 'redirect';

/** The shell every mode shares; `mode` only changes the page background (CSS). */
export function renderWindowPage(mode: WindowMode): string {
  return `<!doctype html>
<html lang="ko" class="mode-${mode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin">
<title>결제 · Checkout</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/checkout.css">
<script src="/assets/checkout.js" defer></script>
</head>
<body>
<main id="checkout" class="sheet" aria-busy="true" aria-live="polite">
  <div class="loading" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <span>결제창을 불러오는 중입니다 · Loading checkout…</span>
  </div>
</main>
</body>
</html>
`;
}

/** A broken link to the window (hand-edited URL, missing channel): a plain explanation, no script. */
export function renderWindowError(message: string): string {
  return `<!doctype html>
<html lang="ko" class="mode-popup">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>결제창 오류 · Checkout error</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/checkout.css">
</head>
<body>
<main class="sheet">
  <section class="outcome outcome-failed" role="alert">
    <h1>결제창을 열 수 없습니다</h1>
    <p>This checkout window cannot open: ${escapeHtml(message)}</p>
  </section>
</main>
</body>
</html>
`;
}
