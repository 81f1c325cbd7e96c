import type { Db } from '../db/open';

export interface ConsoleSessionRow {
  id: number;
  session_hash: string;
  merchant_id: number;
  created_at_ms: number;
  expires_at_ms: number;
}

export function consoleSessionsRepository(db: Db) {
  const insert = db.prepare<[string, number, number, number]>(
    'INSERT INTO console_sessions (session_hash, merchant_id, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)',
  );
  const live = db.prepare<[string, number], ConsoleSessionRow>(
    'SELECT * FROM console_sessions WHERE session_hash = ? AND expires_at_ms > ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM console_sessions WHERE session_hash = ?');
  const purge = db.prepare<[number]>('DELETE FROM console_sessions WHERE expires_at_ms <= ?');

  return {
    insert: (sessionHash: string, merchantId: number, nowMs: number, expiresAtMs: number) =>
      insert.run(sessionHash, merchantId, nowMs, expiresAtMs),
    findLive: (sessionHash: string, nowMs: number) => live.get(sessionHash, nowMs),
    remove: (sessionHash: string) => remove.run(sessionHash),
    purgeExpired: (nowMs: number) => purge.run(nowMs),
  };
}

export type ConsoleSessionsRepository = ReturnType<typeof consoleSessionsRepository>;
