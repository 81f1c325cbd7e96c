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

/** A token joined with its merchant's current generation, for request authentication. */
export interface ApiTokenAuthRow extends ApiTokenRow {
  current_generation: number;
}

export function apiTokensRepository(db: Db) {
  const insert = db.prepare<[number, number, string, string, number, number]>(
    `INSERT INTO api_tokens (merchant_id, secret_generation, nonce, token_hash, issued_at_ms, expires_at_ms)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const live = db.prepare<[number, number, number], ApiTokenRow>(
    `SELECT * FROM api_tokens WHERE merchant_id = ? AND secret_generation = ? AND expires_at_ms > ?
     ORDER BY expires_at_ms DESC LIMIT 1`,
  );
  const byHash = db.prepare<[string], ApiTokenAuthRow>(
    `SELECT t.*, m.secret_generation AS current_generation
     FROM api_tokens t JOIN merchants m ON m.id = t.merchant_id WHERE t.token_hash = ?`,
  );
  const extend = db.prepare<[number, number]>('UPDATE api_tokens SET expires_at_ms = ? WHERE id = ?');
  const purge = db.prepare<[number]>('DELETE FROM api_tokens WHERE expires_at_ms <= ?');

  return {
    insert: (merchantId: number, generation: number, nonce: string, tokenHash: string, nowMs: number, expiresAtMs: number) =>
      insert.run(merchantId, generation, nonce, tokenHash, nowMs, expiresAtMs),
    findLive: (merchantId: number, generation: number, nowMs: number) => live.get(merchantId, generation, nowMs),
    findByHash: (tokenHash: string) => byHash.get(tokenHash),
    extend: (id: number, expiresAtMs: number) => extend.run(expiresAtMs, id),
    purgeExpired: (nowMs: number) => purge.run(nowMs),
  };
}

export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
