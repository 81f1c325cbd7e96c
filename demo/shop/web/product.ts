// The script-tag product page (GET /): the SDK came from
// <script src="{service}/v1/iamport.js">, so IMP is the global window.IMP,
// used with a callback as most V1 merchant pages do.
import { mountCheckout } from './checkout-form';

// As merchant pages do: init once the script has loaded (and again before each payment, below).
const merchantCode = document.getElementById('checkout')?.dataset.merchantCode;
if (window.IMP && merchantCode) window.IMP.init(merchantCode);

mountCheckout({
  problem() {
    if (window.IMP) return null;
    const sandboxUrl = document.getElementById('checkout')?.dataset.sandboxUrl ?? '';
    return {
      title: '결제 모듈(iamport.js)을 불러오지 못했습니다.',
      body: `${sandboxUrl}/v1/iamport.js`,
      next: '샌드박스가 실행 중인지 확인하고(npm start) 이 페이지를 새로고침하세요.',
      tone: 'error',
    };
  },
  pay(merchantCode, tierCode, params) {
    const IMP = window.IMP!;
    // Merchants call init right before each payment; the SDK is fine with that.
    if (tierCode) IMP.agency(merchantCode, tierCode);
    else IMP.init(merchantCode);
    return new Promise((resolve) => {
      IMP.request_pay(params, (rsp) => resolve(rsp));
    });
  },
});
