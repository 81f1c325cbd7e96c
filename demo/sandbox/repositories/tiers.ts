import type { Db } from '../db/open';

export interface TierRow {
  id: number;
  merchant_id: number;
  tier_code: string;
  name: string;
  created_at_ms: number;
}

export function tiersRepository(db: Db) {
  const find = db.prepare<[number, string], TierRow>('SELECT * FROM tiers WHERE merchant_id = ? AND tier_code = ?');
  const list = db.prepare<[number], TierRow>('SELECT * FROM tiers WHERE merchant_id = ? ORDER BY tier_code');
  const insert = db.prepare<[number, string, string, number]>(
    'INSERT INTO tiers (merchant_id, tier_code, name, created_at_ms) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare<[number, string]>('DELETE FROM tiers WHERE merchant_id = ? AND tier_code = ?');

  return {
    find: (merchantId: number, tierCode: string) => find.get(merchantId, tierCode),
    list: (merchantId: number) => list.all(merchantId),
    /** Throws SQLITE_CONSTRAINT_UNIQUE when the code is taken. */
    insert: (merchantId: number, tierCode: string, name: string, nowMs: number) => insert.run(merchantId, tierCode, name, nowMs),
    remove: (merchantId: number, tierCode: string) => remove.run(merchantId, tierCode).changes > 0,
  };
}

export type TiersRepository = ReturnType<typeof tiersRepository>;
