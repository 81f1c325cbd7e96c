// The product page, in two variants with the same markup:
//  - "script-tag": loads {service}/v1/iamport.js with a <script> tag and uses
//    window.IMP with a callback, as most V1 merchant pages do;
//  - "esm": an SPA-style module script that imports the ESM build
//    (`import IMP from 'imp-checkout'`, resolved by an import map to
//    /vendor/imp-checkout.mjs) and awaits request_pay's promise.
// The page script (demo/shop/web/) reads its settings from data-* attributes.
import { PRODUCTS, MAX_QUANTITY } from '../catalog';
import type { MerchantConfig } from '../config';
import type { ShopError } from '../http/shop-error';
import { won } from './format';
import { html, trusted, type Html } from './html';
import { layout } from './layout';

export type CheckoutVariant = 'script-tag' | 'esm';

/** The SPA page's import map: inline (an external import map is not supported everywhere), allowed by its CSP hash. */
export const IMPORT_MAP = JSON.stringify({ imports: { 'imp-checkout': '/vendor/imp-checkout.mjs' } });

export interface CheckoutPageOptions {
  variant: CheckoutVariant;
  sandboxUrl: string;
  merchant: MerchantConfig;
  /** A problem found while rendering (the service is down, keys refused): shown on top. */
  serviceProblem: ShopError | null;
}

const PAY_METHODS = [
  { value: 'card', label: '신용카드', note: 'KG이니시스 · 테스트 카드 자동 입력' },
  { value: 'kakaopay', label: '카카오페이', note: '간편결제 (카드로 결제)' },
  { value: 'trans', label: '실시간 계좌이체', note: '은행 선택 후 바로 승인' },
  { value: 'vbank', label: '가상계좌', note: '계좌 발급 → 콘솔에서 입금 처리' },
  { value: 'phone', label: '휴대폰 소액결제', note: '다날 · 디지털 상품' },
  { value: 'payco', label: '페이코', note: '팝업 결제창 (V1처럼)' },
];

function head(variant: CheckoutVariant, sandboxUrl: string): Html {
  if (variant === 'script-tag') {
    // As merchants write it: the SDK from the service, then our own script. No inline script.
    return html`<script src="${sandboxUrl}/v1/iamport.js"></script>
<script src="/assets/product.js" defer></script>`;
  }
  return html`<script type="importmap">${trusted(IMPORT_MAP)}</script>
<script type="module" src="/assets/spa.js"></script>`;
}

function problemBanner(problem: ShopError | null): Html | string {
  if (!problem) return '';
  return html`<div class="message message-error" role="alert" data-testid="service-problem">
  <strong class="message-title">${problem.message}</strong>
  <p class="message-next">${problem.next}</p>
</div>`;
}

function explanation(variant: CheckoutVariant): Html {
  const code =
    variant === 'script-tag'
      ? `&lt;script src="…/v1/iamport.js"&gt;&lt;/script&gt;\nIMP.init('imp…');\nIMP.request_pay(params, (rsp) =&gt; { … });`
      : `import IMP from 'imp-checkout';\nIMP.configure({ serviceUrl });\nIMP.init('imp…');\nconst rsp = await IMP.request_pay(params);`;
  return html`<aside class="explain" aria-label="이 페이지의 결제 흐름">
  <h2>이 페이지가 결제하는 방법</h2>
  <ol>
    <li><b>주문서 작성</b>: 서버가 자기 상품 목록으로 금액을 계산해 주문을 만들고 <code>POST /payments/prepare</code>로 금액을 사전등록합니다.</li>
    <li><b>결제하기</b>: 클릭 핸들러 안에서 바로 <code>IMP.request_pay</code>를 부릅니다 (팝업 결제창도 막히지 않도록).</li>
    <li><b>검증</b>: 결과의 <code>imp_uid</code>를 서버로 보내면, 서버가 자기 토큰으로 <code>GET /payments/{imp_uid}</code>를 조회해 주문번호·금액·상태를 확인합니다.</li>
    <li><b>웹훅</b>: 샌드박스가 <code>/webhooks/iamport</code>로 알려 주면 서명을 확인하고 결제를 다시 조회해 주문을 갱신합니다.</li>
  </ol>
  <pre><code>${trusted(code)}</code></pre>
</aside>`;
}

export function checkoutPage(options: CheckoutPageOptions): string {
  const { variant, merchant, sandboxUrl } = options;
  const tier = merchant.tier ?? null;
  const body = html`
<section class="hero">
  <p class="eyebrow">${variant === 'script-tag' ? '스크립트 태그 (iamport.js)' : 'ESM 모듈 (SPA)'}</p>
  <h1>오늘의 차</h1>
  <p>산지에서 바로 온 잎차와 선물세트. 결제는 imp-checkout 샌드박스의 테스트 결제창으로 진행됩니다.</p>
</section>
${problemBanner(options.serviceProblem)}
<div class="checkout" id="checkout" data-variant="${variant}" data-merchant-code="${merchant.code}"
  data-tier-code="${tier?.code ?? ''}" data-sandbox-url="${sandboxUrl}">
  <form class="card" id="order-form" data-testid="order-form" novalidate>
    <fieldset class="products">
      <legend>상품 선택</legend>
      ${PRODUCTS.map(
        (product, i) => html`<label class="product">
        <input type="radio" name="product_id" value="${product.id}"${i === 0 ? html` checked` : ''} data-testid="product-${product.id}">
        <span class="product-body">
          <span class="badge">${product.badge}</span>
          <span class="product-name">${product.name}</span>
          <span class="product-desc">${product.description}</span>
          <span class="product-price">${won(product.price)}</span>
        </span>
      </label>`,
      )}
    </fieldset>
    <div class="form-row">
      <label class="field">수량
        <input type="number" name="quantity" value="1" min="1" max="${MAX_QUANTITY}" required data-testid="quantity">
      </label>
      ${tier
        ? html`<label class="toggle">
        <input type="checkbox" name="as_tier" data-testid="as-tier">
        <span>하위가맹점 <b>${tier.name} (${tier.code})</b>으로 판매 <small><code>IMP.agency(code, '${tier.code}')</code></small></span>
      </label>`
        : ''}
    </div>
    <button type="submit" class="button primary" data-testid="place-order">주문서 작성</button>
  </form>

  <section class="card order-sheet" id="order-sheet" hidden data-testid="order-sheet" aria-labelledby="order-sheet-title">
    <h2 id="order-sheet-title">주문서</h2>
    <dl class="facts">
      <dt>주문번호</dt><dd data-field="merchant_uid" data-testid="sheet-merchant-uid"></dd>
      <dt>상품</dt><dd data-field="name"></dd>
      <dt>판매</dt><dd data-field="seller"></dd>
      <dt>결제 금액</dt><dd class="amount" data-field="amount" data-testid="sheet-amount"></dd>
    </dl>
    <fieldset class="pay-methods">
      <legend>결제수단</legend>
      ${PAY_METHODS.map(
        (method, i) => html`<label class="pay-method">
        <input type="radio" name="pay_method" value="${method.value}"${i === 0 ? html` checked` : ''} data-testid="pay-method-${method.value}">
        <span><b>${method.label}</b><small>${method.note}</small></span>
      </label>`,
      )}
    </fieldset>
    <fieldset class="buyer">
      <legend>주문자</legend>
      <label class="field">이름 <input name="buyer_name" value="홍길동" autocomplete="name"></label>
      <label class="field">휴대폰 <input name="buyer_tel" value="010-1234-5678" autocomplete="tel"></label>
      <label class="field">이메일 <input name="buyer_email" value="buyer@example.com" autocomplete="email"></label>
    </fieldset>
    <p class="hint">테스트 카드 <b>4111 1111 1111 1111</b>이 결제창에 미리 입력되어 있습니다. 결제창의 <b>결제하기</b>를 누르면 승인됩니다.</p>
    <div class="actions">
      <button type="button" class="button primary" id="pay" data-testid="pay">결제하기</button>
      <button type="button" class="button ghost" id="change-order" data-testid="change-order">주문 변경</button>
    </div>
  </section>

  <div class="message" id="message" role="alert" hidden data-testid="message">
    <strong class="message-title"></strong>
    <p class="message-body"></p>
    <p class="message-next"></p>
  </div>
</div>
${explanation(variant)}`;
  return layout({
    title: variant === 'script-tag' ? '상품' : '상품 (ESM)',
    current: variant === 'script-tag' ? 'product' : 'spa',
    sandboxUrl,
    head: head(variant, sandboxUrl),
    body,
  });
}
