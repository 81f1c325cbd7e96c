// The shop's order numbers, used as V1's merchant_uid (at most 40
// characters, unique per order). Random, so one order's number does not
// reveal the next, and the order page can be found by it.
import { randomBytes } from 'node:crypto';

export function newMerchantUid(nowMs: number): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replace(/-/g, '');
  return `order_${day}_${randomBytes(6).toString('hex')}`;
}
