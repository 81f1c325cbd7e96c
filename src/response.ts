// Building the response object the callback and the promise receive. Whatever
// its origin (SDK refusal, user cancel, the service's result) it has the same
// shape: both success flags as booleans, imp_uid and merchant_uid always present.
import { CANCEL_CODE, CANCEL_MESSAGE, CERTIFICATION_CANCEL_MESSAGE, logError, type SdkErrorCode } from './errors';
import type { CheckoutAction } from './protocol';
import type { ImpResponse } from './types';

const failed = (merchantUid: string | null, error_code: string, error_msg: string): ImpResponse => ({
  success: false,
  imp_success: false,
  imp_uid: null,
  merchant_uid: merchantUid,
  error_code,
  error_msg,
});

/** `value` if it is a string, else `fallback`. */
const text = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback);

/** The SDK refused or could not finish: logged, because it is the developer's to fix. */
export function failure(code: SdkErrorCode, message: string, merchantUid: string | null): ImpResponse {
  logError(code, message);
  return failed(merchantUid, code, message);
}

/**
 * The user closed the window (or the page called IMP.close()): an outcome, not
 * misuse. F0000 for both actions; the text is the one the service records for
 * the same cancel, so the callback and REST agree.
 */
export const cancelled = (merchantUid: string, action: CheckoutAction): ImpResponse =>
  failed(merchantUid, CANCEL_CODE, action === 'certification' ? CERTIFICATION_CANCEL_MESSAGE : CANCEL_MESSAGE);

/**
 * The checkout page's answer, made plain JSON (a copy: nothing the other window
 * sent can carry a prototype or a getter) and completed. `custom_data` goes back
 * as the merchant gave it: the service may hold it as a JSON string, as V1 did.
 */
export function fromService(
  raw: Record<string, unknown>,
  merchantUid: string,
  given: Record<string, unknown>,
): ImpResponse {
  let copy: Record<string, unknown> = {};
  try {
    copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  } catch {
    // unreachable for structured-cloned data; keep the defaults below
  }
  const success = copy.success === true;
  const response: ImpResponse = {
    ...copy,
    success,
    imp_success: success,
    imp_uid: text(copy.imp_uid, null),
    merchant_uid: text(copy.merchant_uid, merchantUid),
  };
  if (!success) {
    // A checkout page of another version may leave these out, and merchants
    // read both (V1 pages show error_msg to the buyer): never undefined.
    if (!text(copy.error_code, '')) {
      logError('INTERNAL_ERROR', 'the checkout sent no error_code');
      response.error_code = 'INTERNAL_ERROR';
    }
    if (!text(copy.error_msg, '')) response.error_msg = `the checkout failed (${response.error_code})`;
  }
  if ('custom_data' in given && (success || 'custom_data' in copy)) response.custom_data = given.custom_data;
  return response;
}
