import type { Db } from '../db/open';

export interface PaymentPrepareRow {
  id: number;
  merchant_id: number;
  tier_code: string;
  merchant_uid: string;
  amount: number;
  currency: string | null;
  created_at_ms: number;
  updated_at_ms: number;
}

export function paymentPreparesRepository(db: Db) {
  const find = db.prepare<[number, string, string], PaymentPrepareRow>(
    'SELECT * FROM payment_prepares WHERE merchant_id = ? AND tier_code = ? AND merchant_uid = ?',
  );
  const insert = db.prepare<[number, string, string, number, string | null, number, number]>(
    `INSERT INTO payment_prepares (merchant_id, tier_code, merchant_uid, amount, currency, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[number, string | null, number, number]>(
    'UPDATE payment_prepares SET amount = ?, currency = ?, updated_at_ms = ? WHERE id = ?',
  );

  return {
    find: (merchantId: number, tierCode: string, merchantUid: string) => find.get(merchantId, tierCode, merchantUid),
    insert: (merchantId: number, tierCode: string, merchantUid: string, amount: number, currency: string | null, nowMs: number) =>
      insert.run(merchantId, tierCode, merchantUid, amount, currency, nowMs, nowMs),
    update: (id: number, amount: number, currency: string | null, nowMs: number) => update.run(amount, currency, nowMs, id),
  };
}

export type PaymentPreparesRepository = ReturnType<typeof paymentPreparesRepository>;
