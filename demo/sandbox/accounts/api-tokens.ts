// REST access tokens (POST /users/getToken), with V1's lifetime rules
// (v1-contract §5.2): 30 minutes; asking again while a token lives returns
// the SAME token; when at most 1 minute remains it is extended by 5 minutes.
//
// Tokens are stored as SHA-256 only. To hand the same token out again
// without keeping it, a token is derived from the caller's own secret and a
// public per-token nonce: token = HMAC-SHA256(api_secret, nonce). getToken
// always has the secret in hand, so it can re-derive; the database alone
// cannot, and a reissued secret can never re-derive an old token.
import type { SandboxContext } from '../context';
import { hexDigestsEqual, hmacSha256Hex, sha256Hex } from '../lib/hashing';
import { randomHex } from '../lib/random';
import { unixSeconds } from '../lib/clock';
import { writeTransaction } from '../db/transactions';
import type { TokenIssueRow } from '../repositories/api-tokens';

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;
export const EXTEND_WHEN_REMAINING_MS = 60 * 1000;
export const EXTENSION_MS = 5 * 60 * 1000;

export interface AccessToken {
  access_token: string;
  expired_at: number;
  now: number;
}

function secretMatches(apiSecret: string, found: TokenIssueRow | undefined): found is TokenIssueRow {
  return found !== undefined && hexDigestsEqual(sha256Hex(apiSecret), found.secret_hash);
}

function deriveToken(apiSecret: string, nonce: string): string {
  // 40 hex characters, the length of V1 tokens; 160 bits.
  return hmacSha256Hex(apiSecret, `imp-checkout access token v1:${nonce}`).slice(0, 40);
}

/**
 * Tokens already derived in this process, by secret hash and nonce (a merchant
 * server asks again and again while its token lives; the HMAC took 2-5 µs of
 * each call). Only looked up once the secret matched its hash, and the
 * hash names the secret, so an entry is exactly what deriveToken would return.
 * Memory only; bounded by forgetting everything when full.
 */
const derived = new Map<string, string>();
const DERIVED_MAX = 1_000;

function liveToken(apiSecret: string, secretHash: string, nonce: string): string {
  const key = `${secretHash}:${nonce}`;
  let token = derived.get(key);
  if (token === undefined) {
    if (derived.size >= DERIVED_MAX) derived.clear();
    derived.set(key, (token = deriveToken(apiSecret, nonce)));
  }
  return token;
}

const answer = (accessToken: string, expiresAtMs: number, nowMs: number): AccessToken => ({
  access_token: accessToken,
  expired_at: unixSeconds(expiresAtMs),
  now: unixSeconds(nowMs),
});

/** Exchanges a REST API key + secret for a token, or returns null when they do not match. */
export function issueAccessToken(ctx: SandboxContext, apiKey: string, apiSecret: string): AccessToken | null {
  const now = ctx.clock();
  // Most calls come from a merchant server asking again while its token
  // lives. That answer needs no write: one statement reads the merchant and
  // its live token (one snapshot), without the write lock that would
  // serialise every getToken of every process on the file.
  const seen = ctx.repos.apiTokens.findForIssue(apiKey, now);
  if (!secretMatches(apiSecret, seen)) return null;
  if (seen.nonce !== null && seen.expires_at_ms! - now > EXTEND_WHEN_REMAINING_MS) {
    return answer(liveToken(apiSecret, seen.secret_hash, seen.nonce), seen.expires_at_ms!, now);
  }
  // A token to extend or to create: read again under the write lock (another
  // process may have issued one, or the secret may have been reissued, since).
  return writeTransaction(ctx.db, (): AccessToken | null => {
    const found = ctx.repos.apiTokens.findForIssue(apiKey, now);
    if (!secretMatches(apiSecret, found)) return null;
    if (found.token_id !== null && found.nonce !== null) {
      let expiresAt = found.expires_at_ms!;
      if (expiresAt - now <= EXTEND_WHEN_REMAINING_MS) {
        expiresAt += EXTENSION_MS;
        ctx.repos.apiTokens.extend(found.token_id, expiresAt);
      }
      return answer(liveToken(apiSecret, found.secret_hash, found.nonce), expiresAt, now);
    }
    ctx.repos.apiTokens.purgeExpired(now);
    const nonce = randomHex(16);
    const expiresAt = now + TOKEN_LIFETIME_MS;
    const token = liveToken(apiSecret, found.secret_hash, nonce);
    ctx.repos.apiTokens.insert(found.merchant_id, found.secret_generation, nonce, sha256Hex(token), now, expiresAt);
    return answer(token, expiresAt, now);
  });
}

export type TokenCheck =
  | { ok: true; merchantId: number }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export function checkAccessToken(ctx: SandboxContext, token: string): TokenCheck {
  if (token.length === 0 || token.length > 200) return { ok: false, reason: 'unknown' };
  const row = ctx.repos.apiTokens.findByHash(sha256Hex(token));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.secret_generation !== row.current_generation) return { ok: false, reason: 'revoked' };
  if (row.expires_at_ms <= ctx.clock()) return { ok: false, reason: 'expired' };
  return { ok: true, merchantId: row.merchant_id };
}
