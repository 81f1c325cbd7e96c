// Billing keys (V1 "customers"): issued when request_pay carries customer_uid.
import type { Db } from '../db/open';

export interface CustomerRow {
  id: number;
  merchant_id: number;
  tier_code: string;
  customer_uid: string;
  pg_provider: string;
  pg_id: string;
  card_code: string | null;
  card_name: string | null;
  card_number: string | null;
  inserted_at: number;
  updated_at: number;
}

export function customersRepository(db: Db) {
  const upsert = db.prepare<[Omit<CustomerRow, 'id' | 'updated_at'>]>(
    `INSERT INTO customers (merchant_id, tier_code, customer_uid, pg_provider, pg_id, card_code, card_name, card_number, inserted_at, updated_at)
     VALUES (@merchant_id, @tier_code, @customer_uid, @pg_provider, @pg_id, @card_code, @card_name, @card_number, @inserted_at, @inserted_at)
     ON CONFLICT (merchant_id, tier_code, customer_uid) DO UPDATE SET
       pg_provider = excluded.pg_provider, pg_id = excluded.pg_id, card_code = excluded.card_code,
       card_name = excluded.card_name, card_number = excluded.card_number, updated_at = excluded.inserted_at`,
  );
  const find = db.prepare<[number, string, string], CustomerRow>(
    'SELECT * FROM customers WHERE merchant_id = ? AND tier_code = ? AND customer_uid = ?',
  );

  return {
    /** Issues or re-issues the billing key of `customer_uid` (V1 replaces the card on re-issue). */
    upsert: (customer: Omit<CustomerRow, 'id' | 'updated_at'>) => upsert.run(customer),
    find: (merchantId: number, tierCode: string, customerUid: string) => find.get(merchantId, tierCode, customerUid),
  };
}

export type CustomersRepository = ReturnType<typeof customersRepository>;
