// Identifier and secret formats, kept in the shapes V1 clients have seen.
import { randomInt } from 'node:crypto';
import { randomDigits, randomHex } from './random';

/** Merchant code: `imp` + 8 digits, as every V1 example shows (imp12345678). */
export const newMerchantCode = (): string => `imp${randomDigits(8)}`;

/** REST API key: 16 digits like production V1 keys, never starting with 0. */
export const newApiKey = (): string => `${randomInt(1, 10)}${randomDigits(15)}`;

/** REST API secret: 320 random bits as 80 hex characters (V1's test secret is 80 characters long). */
export const newApiSecret = (): string => randomHex(40);

/**
 * Payment / certification id: `imp_` + 12 digits, the format V1 clients expect
 * (imp_448280090638). 10^12 is not unguessable on its own, so in the checkout
 * flow an id authorises nothing: approve and cancel also need the checkout
 * token, and the REST API needs a merchant's access token.
 */
export const newImpUid = (): string => `imp_${randomDigits(12)}`;

export const newCancellationId = (): string => `cancel_${randomHex(12)}`;

export const newApplyNum = (): string => randomDigits(8);

/** A PG transaction id that says where it came from and when. */
export function newPgTid(pgProvider: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/\D/g, '').slice(0, 14);
  return `sandbox_${pgProvider}_${stamp}${randomDigits(6)}`;
}

/** True when a SQLite error is a UNIQUE violation (used to retry a colliding random id). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Runs `insert` with freshly generated ids until it does not collide. With
 * 10^8+ id spaces a second try is already rare; ten failures mean a bug.
 */
export function withUniqueRetry<T>(insert: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return insert();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 9) throw error;
    }
  }
}
