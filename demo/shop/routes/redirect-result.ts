// A failed checkout as the redirect query reports it (error_code, error_msg),
// turned into the shop's error with a next step. The code and message are the
// service's (docs/errors.md); they are shown as text, never as markup.
import { ShopError } from '../http/shop-error';

const NEXT_STEP: Record<string, string> = {
  F0000: '결제를 취소하셨습니다. 준비되면 주문서에서 다시 결제하세요.',
  F1002: '이미 결제된 주문입니다. 주문 내역에서 확인하세요.',
  F1003: '주문 금액이 사전등록된 금액과 다릅니다. 상품 페이지에서 주문서를 새로 작성하세요.',
  F1004: '가맹점 식별코드가 샌드박스에 없습니다. 상점 설정의 가맹점 식별코드(IMP.init)를 콘솔의 값과 맞추세요.',
  F2001: '다른 카드로 다시 결제하세요. 승인되는 테스트 카드: 4111 1111 1111 1111.',
  F2002: '다른 카드로 다시 결제하세요. 승인되는 테스트 카드: 4111 1111 1111 1111.',
  F2003: '잠시 후 다시 결제하거나 다른 카드를 쓰세요. 승인되는 테스트 카드: 4111 1111 1111 1111.',
  F2004: '카드번호를 확인하세요. 승인되는 테스트 카드: 4111 1111 1111 1111.',
};

export function failedCheckoutError(errorCode: string | undefined, errorMsg: string | undefined): ShopError {
  const code = errorCode || 'CHECKOUT_FAILED';
  const message = errorMsg ? `결제가 완료되지 않았습니다: ${errorMsg}` : '결제가 완료되지 않았습니다.';
  // 200: a cancel or a decline is an outcome the landing page reports, not a broken request.
  return new ShopError(200, code, message, NEXT_STEP[code] ?? '주문서로 돌아가 다시 결제하세요. 계속되면 콘솔의 결제 내역을 확인하세요.');
}
