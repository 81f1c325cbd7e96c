// The SDK's own error codes: one closed list, each documented once in
// docs/errors.md. Codes from the service (F1001, F1002, ...) pass through
// unchanged; these are only what the SDK itself decides before or around the
// checkout window. A payment outcome is never an exception: it is a response.

export type SdkErrorCode =
  | 'NOT_INITIALIZED'
  | 'INVALID_MERCHANT_CODE'
  | 'INVALID_TIER_CODE'
  | 'INVALID_SERVICE_URL'
  | 'INVALID_PARAMS'
  | 'FLOW_IN_PROGRESS'
  | 'NOT_SUPPORTED'
  | 'NO_BROWSER'
  | 'POPUP_BLOCKED'
  | 'CHECKOUT_TIMEOUT'
  | 'INTERNAL_ERROR';

/** A user who closes or cancels the window (or IMP.close()). V1 merchants compare both verbatim. */
export const CANCEL_CODE = 'F0000';
export const CANCEL_MESSAGE = '[결제포기] 사용자가 결제를 취소하셨습니다';
/** The same for IMP.certification, with the text the service records for a cancelled certification. */
export const CERTIFICATION_CANCEL_MESSAGE = '[본인인증포기] 사용자가 본인인증을 취소하셨습니다';

/** The one error type, used where V1 itself rejects a promise (IMP.loadModule). */
export class ImpError extends Error {
  override readonly name = 'ImpError';
  constructor(
    readonly code: SdkErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every misuse is loud: the merchant's developer sees the code, what to do in
 * a few words, and where the code is explained at length (docs/errors.md has
 * an anchor per code, named as the code: #NOT_INITIALIZED).
 */
export function logError(code: string, message: string): void {
  console.error(`[imp-checkout] ${code}: ${message} (docs/errors.md#${code})`);
}

/**
 * The INTERNAL_ERROR message when the page would not let the checkout open.
 * Pages throw anything: String() of an object without a prototype, or of a
 * hostile Proxy, throws in turn, and must not escape a catch block.
 */
export function cannotOpen(error: unknown): string {
  let text = '?';
  try {
    text = String(error);
  } catch {
    // keep the placeholder
  }
  return `could not open the checkout: ${text}`;
}
