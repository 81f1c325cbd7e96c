import type { Db } from '../db/open';

export type CertificationStatus = 'ready' | 'certified' | 'cancelled';

export interface CertificationRow {
  id: number;
  imp_uid: string;
  merchant_id: number;
  tier_code: string;
  merchant_uid: string;
  checkout_token_hash: string;
  mode: string | null;
  origin: string | null;
  pg_provider: string;
  pg_id: string;
  pg_tid: string | null;
  status: CertificationStatus;
  min_age: number | null;
  m_redirect_url: string | null;
  name: string | null;
  gender: string | null;
  birthday: string | null;
  foreigner: 0 | 1;
  phone: string | null;
  carrier: string | null;
  certified_at: number;
  unique_key: string | null;
  unique_in_site: string | null;
  fail_code: string | null;
  fail_reason: string | null;
  started_at: number;
  updated_at_ms: number;
}

export type NewCertification = Pick<
  CertificationRow,
  | 'imp_uid'
  | 'merchant_id'
  | 'tier_code'
  | 'merchant_uid'
  | 'checkout_token_hash'
  | 'mode'
  | 'origin'
  | 'pg_provider'
  | 'pg_id'
  | 'min_age'
  | 'm_redirect_url'
  | 'name'
  | 'phone'
  | 'carrier'
  | 'started_at'
  | 'updated_at_ms'
>;

export type CertificationResult = Pick<
  CertificationRow,
  'pg_tid' | 'name' | 'gender' | 'birthday' | 'foreigner' | 'phone' | 'carrier' | 'certified_at' | 'unique_key' | 'unique_in_site' | 'updated_at_ms'
>;

export function certificationsRepository(db: Db) {
  const insert = db.prepare<[NewCertification]>(
    `INSERT INTO certifications (imp_uid, merchant_id, tier_code, merchant_uid, checkout_token_hash, mode, origin, pg_provider,
       pg_id, status, min_age, m_redirect_url, name, phone, carrier, started_at, updated_at_ms)
     VALUES (@imp_uid, @merchant_id, @tier_code, @merchant_uid, @checkout_token_hash, @mode, @origin, @pg_provider,
       @pg_id, 'ready', @min_age, @m_redirect_url, @name, @phone, @carrier, @started_at, @updated_at_ms)`,
  );
  const byImpUid = db.prepare<[string], CertificationRow>('SELECT * FROM certifications WHERE imp_uid = ?');
  const certify = db.prepare<[CertificationResult & { id: number }]>(
    `UPDATE certifications SET status = 'certified', pg_tid = @pg_tid, name = @name, gender = @gender, birthday = @birthday,
       foreigner = @foreigner, phone = @phone, carrier = @carrier, certified_at = @certified_at, unique_key = @unique_key,
       unique_in_site = @unique_in_site, updated_at_ms = @updated_at_ms
     WHERE id = @id AND status = 'ready'`,
  );
  const fail = db.prepare<[string, string, number, number]>(
    `UPDATE certifications SET status = 'cancelled', fail_code = ?, fail_reason = ?, updated_at_ms = ? WHERE id = ? AND status = 'ready'`,
  );
  const remove = db.prepare<[number]>('DELETE FROM certifications WHERE id = ?');

  return {
    /** Throws SQLITE_CONSTRAINT_UNIQUE on an imp_uid collision (callers retry). */
    insert: (row: NewCertification) => {
      insert.run(row);
      return byImpUid.get(row.imp_uid)!;
    },
    findByImpUid: (impUid: string) => byImpUid.get(impUid),
    findOwned(merchantId: number, tierCode: string, impUid: string) {
      const row = byImpUid.get(impUid);
      return row && row.merchant_id === merchantId && row.tier_code === tierCode ? row : undefined;
    },
    /** Compare-and-set from 'ready'; false when the certification already ended. */
    certify: (id: number, result: CertificationResult) => certify.run({ ...result, id }).changes > 0,
    cancel: (id: number, code: string, reason: string, nowMs: number) => fail.run(code, reason, nowMs, id).changes > 0,
    remove: (id: number) => remove.run(id),
  };
}

export type CertificationsRepository = ReturnType<typeof certificationsRepository>;
