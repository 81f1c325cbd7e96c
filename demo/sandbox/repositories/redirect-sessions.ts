// Requests posted by redirect mode (POST /checkout/redirect), kept until the
// checkout page picks them up. The id is a bearer secret, so only its hash is stored.
import type { Db } from '../db/open';

export interface RedirectSessionRow {
  id: number;
  session_hash: string;
  action: 'payment' | 'certification';
  params: string;
  sdk: string;
  origin: string | null;
  created_at_ms: number;
  expires_at_ms: number;
}

export function redirectSessionsRepository(db: Db) {
  const insert = db.prepare<[Omit<RedirectSessionRow, 'id'>]>(
    `INSERT INTO redirect_sessions (session_hash, action, params, sdk, origin, created_at_ms, expires_at_ms)
     VALUES (@session_hash, @action, @params, @sdk, @origin, @created_at_ms, @expires_at_ms)`,
  );
  const live = db.prepare<[string, number], RedirectSessionRow>(
    'SELECT * FROM redirect_sessions WHERE session_hash = ? AND expires_at_ms > ?',
  );
  const purge = db.prepare<[number]>('DELETE FROM redirect_sessions WHERE expires_at_ms <= ?');

  return {
    insert: (row: Omit<RedirectSessionRow, 'id'>) => insert.run(row),
    findLive: (sessionHash: string, nowMs: number) => live.get(sessionHash, nowMs),
    purgeExpired: (nowMs: number) => purge.run(nowMs),
  };
}

export type RedirectSessionsRepository = ReturnType<typeof redirectSessionsRepository>;
