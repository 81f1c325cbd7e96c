import type { Db } from '../db/open';

export interface ApiTokenRow {
  id: number;
  merchant_id: number;
  secret_generation: number;
  nonce: string;
  token_hash: string;
  issued_at_ms: number;
  expires_at_ms: number;
}

/**
 * What getToken needs, in one statement: the merchant named by the API key
 * (its id, secret hash and current generation) and its live token of that
 * generation, if any (the one expiring last).
 */
export interface TokenIssueRow {
  merchant_id: number;
  secret_hash: string;
  secret_generation: number;
  token_id: number | null;
  nonce: string | null;
  expires_at_ms: number | null;
}

/** What authenticating a request needs: the token's merchant, generation and expiry, and the merchant's current generation. */
export interface ApiTokenAuthRow {
  merchant_id: number;
  secret_generation: number;
  expires_at_ms: number;
  current_generation: number;
}

export function apiTokensRepository(db: Db) {
  const insert = db.prepare<[number, number, string, string, number, number]>(
    `INSERT INTO api_tokens (merchant_id, secret_generation, nonce, token_hash, issued_at_ms, expires_at_ms)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const forIssue = db.prepare<[number, string], TokenIssueRow>(
    `SELECT m.id AS merchant_id, m.secret_hash, m.secret_generation, t.id AS token_id, t.nonce, t.expires_at_ms
     FROM merchants m
     LEFT JOIN api_tokens t ON t.merchant_id = m.id AND t.secret_generation = m.secret_generation AND t.expires_at_ms > ?
     WHERE m.api_key = ?
     ORDER BY t.expires_at_ms DESC LIMIT 1`,
  );
  const byHash = db.prepare<[string], ApiTokenAuthRow>(
    // Runs on every authenticated request: only the columns the check reads.
    `SELECT t.merchant_id, t.secret_generation, t.expires_at_ms, m.secret_generation AS current_generation
     FROM api_tokens t JOIN merchants m ON m.id = t.merchant_id WHERE t.token_hash = ?`,
  );
  const extend = db.prepare<[number, number]>('UPDATE api_tokens SET expires_at_ms = ? WHERE id = ?');
  const purge = db.prepare<[number]>('DELETE FROM api_tokens WHERE expires_at_ms <= ?');

  return {
    insert: (merchantId: number, generation: number, nonce: string, tokenHash: string, nowMs: number, expiresAtMs: number) =>
      insert.run(merchantId, generation, nonce, tokenHash, nowMs, expiresAtMs),
    /** The merchant of `apiKey` and its live token at `nowMs` (token fields null when none); undefined for an unknown key. */
    findForIssue: (apiKey: string, nowMs: number) => forIssue.get(nowMs, apiKey),
    findByHash: (tokenHash: string) => byHash.get(tokenHash),
    extend: (id: number, expiresAtMs: number) => extend.run(expiresAtMs, id),
    purgeExpired: (nowMs: number) => purge.run(nowMs),
  };
}

export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
