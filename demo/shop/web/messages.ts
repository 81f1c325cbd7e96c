// What to tell the buyer (and the developer trying the demo) when a checkout
// ends without a payment: the SDK's or the service's code (docs/errors.md)
// mapped to a next step. The service's own error_msg is shown as well.
import type { ImpResponse } from 'imp-checkout';

export interface Message {
  title: string;
  body: string;
  next: string;
  tone: 'error' | 'info';
}

const RETRY_CARD = '승인되는 테스트 카드 4111 1111 1111 1111(결제창에 미리 입력됨)로 다시 결제하세요.';

const NEXT: Record<string, string> = {
  F0000: '준비되면 결제하기를 다시 누르세요. 주문은 그대로 남아 있습니다.',
  F1001: '콘솔의 PG 채널 설정에 이 결제수단의 PG가 있는지 확인하세요.',
  NOT_READY: '콘솔의 PG 채널 설정에서 결제 채널을 추가하세요.',
  F1002: '이미 결제된 주문입니다. 주문 내역에서 확인하세요.',
  F1003: '주문 금액이 사전등록된 금액과 다릅니다. 주문 변경을 눌러 주문서를 새로 작성하세요.',
  F1004: '상점 설정의 가맹점 식별코드(IMP.init에 넘기는 값)를 콘솔의 “내 식별코드”와 맞추세요.',
  INVALID_MERCHANT_CODE: '가맹점 식별코드는 imp로 시작하는 11자입니다. 콘솔의 “내 식별코드”를 복사해 쓰세요.',
  F1005: '하위가맹점(티어코드)이 콘솔에 등록되어 있는지 확인하세요.',
  F2001: RETRY_CARD,
  F2002: RETRY_CARD,
  F2003: RETRY_CARD,
  F2004: RETRY_CARD,
  CHECKOUT_TIMEOUT: '결제창이 응답하지 않습니다. 샌드박스(npm start)가 실행 중인지 확인하세요.',
  POPUP_BLOCKED: '브라우저의 팝업 차단을 해제한 뒤 다시 누르세요.',
  FLOW_IN_PROGRESS: '이미 열린 결제창에서 결제를 마치거나 닫은 뒤 다시 시도하세요.',
  NOT_INITIALIZED: 'IMP.init이 호출되지 않았습니다. 페이지를 새로고침하세요.',
};

export function checkoutFailure(response: ImpResponse): Message {
  const code = response.error_code ?? 'UNKNOWN';
  if (code === 'F0000') {
    return { title: '결제를 취소했습니다.', body: response.error_msg ?? '', next: NEXT.F0000!, tone: 'info' };
  }
  return {
    title: '결제가 완료되지 않았습니다.',
    body: `${response.error_msg ?? '알 수 없는 오류'} (${code})`,
    next: NEXT[code] ?? '잠시 후 다시 시도하세요. 계속되면 콘솔의 결제 내역에서 이 주문을 확인하세요.',
    tone: 'error',
  };
}
