// Finds the payment or certification a checkout page acts on. The imp_uid
// alone authorises nothing: the page must also present the checkout token it
// received when it opened the checkout (stored as a hash, compared in constant time).
import { ErrorCode } from '../catalog/error-codes';
import { hexDigestsEqual, sha256Hex } from '../lib/hashing';
import { CheckoutRefusal } from './refusal';

const INVALID_MESSAGE = '결제창 정보가 유효하지 않습니다. 결제창을 닫고 다시 시도해주세요.';

export function requireCheckout<Row extends { checkout_token_hash: string | null }>(
  row: Row | undefined,
  checkoutToken: string,
): Row {
  if (!row) throw new CheckoutRefusal(ErrorCode.INVALID_CHECKOUT, INVALID_MESSAGE, null, null, 404);
  if (!row.checkout_token_hash || !hexDigestsEqual(sha256Hex(checkoutToken), row.checkout_token_hash)) {
    throw new CheckoutRefusal(ErrorCode.INVALID_CHECKOUT, INVALID_MESSAGE, null, null, 403);
  }
  return row;
}
