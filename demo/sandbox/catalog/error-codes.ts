// error_code values the service puts in SDK failure responses (docs/errors.md
// is the catalogue for people). F0000/F1001/F1002 are V1's own; the others
// are ours, stable once published.

export const USER_CANCEL = { code: 'F0000', message: '[결제포기] 사용자가 결제를 취소하셨습니다' } as const;
export const CERTIFICATION_CANCEL = { code: 'F0000', message: '[본인인증포기] 사용자가 본인인증을 취소하셨습니다' } as const;

export const ErrorCode = {
  /** V1: the merchant has no channel for the requested `pg`. */
  UNKNOWN_PG: 'F1001',
  /** V1: merchant_uid already has a paid payment. */
  ALREADY_PAID: 'F1002',
  /** The amount differs from the one registered with POST /payments/prepare. */
  PREPARED_MISMATCH: 'F1003',
  UNKNOWN_MERCHANT: 'F1004',
  UNKNOWN_TIER: 'F1005',
  INVALID_PARAMS: 'F1006',
  UNSUPPORTED_PAY_METHOD: 'F1007',
  /** Checkout id/token unknown or wrong, or the checkout already ended differently. */
  INVALID_CHECKOUT: 'F1008',
  /** The checkout was opened from an origin the merchant did not list in the console (beyond V1). */
  ORIGIN_NOT_ALLOWED: 'F1009',
  /** V1: the merchant has no PG channel at all. */
  NO_CHANNEL: 'NOT_READY',
  UNDER_MIN_AGE: 'F3001',
} as const;

export const ALREADY_PAID_MESSAGE = '이미 결제가 이루어진 거래건입니다.';
export const NO_CHANNEL_MESSAGE = '등록 된 PG 설정 정보를 찾을 수 없습니다.';
export const UNKNOWN_PG_MESSAGE = '등록되지 않은 PG모듈 정보입니다. 관리자 콘솔의 PG 설정을 확인해주세요.';

/** V1's message for an unknown payment (REST 404s, console actions). */
export const PAYMENT_NOT_FOUND_MESSAGE = '존재하지 않는 결제정보입니다.';

/** F1009: the merchant page's origin is not in the merchant's allowed list (console, 허용 도메인). */
export function originNotAllowedMessage(action: 'payment' | 'certification', origin: string | null): string {
  const what = action === 'payment' ? '결제' : '본인인증';
  return `허용되지 않은 도메인에서의 ${what} 요청입니다. (origin: ${origin ?? '알 수 없음'}) 관리자 콘솔의 허용 도메인 설정을 확인해주세요.`;
}
