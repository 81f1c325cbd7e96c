// Payments table. Column names are V1's field names on purpose: a row is the
// V1 Payment object minus a few derived fields (payments/view.ts).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { rowReader, type RowReader } from './row-reader';

export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

export interface PaymentRow {
  id: number;
  imp_uid: string;
  merchant_id: number;
  tier_code: string;
  merchant_uid: string;
  checkout_token_hash: string | null;
  mode: string | null;
  origin: string | null;
  channel: 'pc' | 'mobile' | 'api';
  pay_method: string;
  pg_provider: string;
  emb_pg_provider: string | null;
  pg_tid: string | null;
  pg_id: string;
  escrow: 0 | 1;
  apply_num: string | null;
  bank_code: string | null;
  bank_name: string | null;
  card_code: string | null;
  card_name: string | null;
  card_issuer_code: string | null;
  card_issuer_name: string | null;
  card_publisher_code: string | null;
  card_publisher_name: string | null;
  card_quota: number | null;
  card_number: string | null;
  card_type: number | null;
  vbank_code: string | null;
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  vbank_date: number;
  vbank_issued_at: number;
  name: string | null;
  amount: number;
  cancel_amount: number;
  currency: string;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  user_agent: string | null;
  status: PaymentStatus;
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_code: string | null;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string | null;
  cash_receipt_issued: 0 | 1;
  customer_uid: string | null;
  customer_uid_usage: string | null;
  notice_urls: string | null;
  m_redirect_url: string | null;
  updated_at_ms: number;
}

export type NewPayment = Omit<
  PaymentRow,
  | 'id'
  | 'pg_tid'
  | 'apply_num'
  | 'bank_code'
  | 'bank_name'
  | 'card_code'
  | 'card_name'
  | 'card_issuer_code'
  | 'card_issuer_name'
  | 'card_publisher_code'
  | 'card_publisher_name'
  | 'card_quota'
  | 'card_number'
  | 'card_type'
  | 'vbank_code'
  | 'vbank_name'
  | 'vbank_num'
  | 'vbank_holder'
  | 'vbank_issued_at'
  | 'cancel_amount'
  | 'paid_at'
  | 'failed_at'
  | 'cancelled_at'
  | 'fail_code'
  | 'fail_reason'
  | 'cancel_reason'
  | 'receipt_url'
  | 'cash_receipt_issued'
  | 'customer_uid_usage'
>;

/** Columns a state change may set (never ids, ownership or the amount). */
export type PaymentChanges = Partial<
  Omit<PaymentRow, 'id' | 'imp_uid' | 'merchant_id' | 'tier_code' | 'merchant_uid' | 'amount' | 'currency' | 'started_at'>
>;

/** V1 `sorting` values and the ORDER BY each means. The id breaks ties of equal seconds. */
export const PAYMENT_SORTINGS = {
  '-started': 'started_at DESC, id DESC',
  started: 'started_at ASC, id ASC',
  '-paid': 'paid_at DESC, id DESC',
  paid: 'paid_at ASC, id ASC',
  '-updated': 'updated_at_ms DESC, id DESC',
  updated: 'updated_at_ms ASC, id ASC',
} as const;
export type PaymentSorting = keyof typeof PAYMENT_SORTINGS;

/** Whose payments a query sees: one merchant, and either one tier ('' = the parent itself) or all of them (console). */
export interface PaymentScope {
  merchantId: number;
  tierCode: string | null;
}

const CHANGEABLE = new Set<string>([
  'checkout_token_hash', 'mode', 'origin', 'channel', 'pay_method', 'pg_provider', 'emb_pg_provider', 'pg_tid', 'pg_id',
  'escrow', 'apply_num', 'bank_code', 'bank_name', 'card_code', 'card_name', 'card_issuer_code', 'card_issuer_name',
  'card_publisher_code', 'card_publisher_name', 'card_quota', 'card_number', 'card_type', 'vbank_code', 'vbank_name',
  'vbank_num', 'vbank_holder', 'vbank_date', 'vbank_issued_at', 'name', 'cancel_amount', 'buyer_name', 'buyer_email',
  'buyer_tel', 'buyer_addr', 'buyer_postcode', 'custom_data', 'user_agent', 'status', 'paid_at', 'failed_at',
  'cancelled_at', 'fail_code', 'fail_reason', 'cancel_reason', 'receipt_url', 'cash_receipt_issued', 'customer_uid',
  'customer_uid_usage', 'notice_urls', 'm_redirect_url', 'updated_at_ms',
]);

function scopeSql(scope: PaymentScope): { sql: string; args: unknown[] } {
  return scope.tierCode === null
    ? { sql: 'merchant_id = ?', args: [scope.merchantId] }
    : { sql: 'merchant_id = ? AND tier_code = ?', args: [scope.merchantId, scope.tierCode] };
}

function merchantUidFilter(scope: PaymentScope, merchantUid: string, status: PaymentStatus | null): { filter: string; args: unknown[] } {
  const where = scopeSql(scope);
  return {
    filter: `${where.sql} AND merchant_uid = ?${status ? ' AND status = ?' : ''}`,
    args: [...where.args, merchantUid, ...(status ? [status] : [])],
  };
}

const DAY_S = 86_400;
/** A BETWEEN range that holds nothing. */
const NO_RANGE = [1, 0];

export function paymentsRepository(db: Db) {
  const columns = (db.prepare('PRAGMA table_info(payments)').all() as Array<{ name: string }>)
    .map((c) => c.name)
    .filter((name) => name !== 'id');
  const insert = db.prepare(
    `INSERT INTO payments (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  // What a new payment holds in the columns NewPayment leaves out.
  const defaults: Readonly<Record<string, unknown>> = {
    ...Object.fromEntries(columns.map((c) => [c, null])),
    vbank_date: 0, vbank_issued_at: 0, cancel_amount: 0, paid_at: 0, failed_at: 0, cancelled_at: 0, cash_receipt_issued: 0,
  };
  // Payment rows are 60 columns wide: read through row-reader.ts.
  const rows = (sql: string) => rowReader<PaymentRow>(db, sql);
  const byImpUid = rows('SELECT * FROM payments WHERE imp_uid = ?');
  const byId = rows('SELECT * FROM payments WHERE id = ?');
  const paidFor = rows("SELECT * FROM payments WHERE merchant_id = ? AND tier_code = ? AND merchant_uid = ? AND status = 'paid'");
  // Queries built from a few whitelisted fragments: prepared once per distinct SQL text.
  const statements = new Map<string, Statement<unknown[]>>();
  const statement = (sql: string): Statement<unknown[]> => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = db.prepare<unknown[]>(sql)));
    return prepared;
  };
  const readers = new Map<string, RowReader<PaymentRow>>();
  const reader = (sql: string): RowReader<PaymentRow> => {
    let prepared = readers.get(sql);
    if (!prepared) readers.set(sql, (prepared = rows(sql)));
    return prepared;
  };

  /**
   * How many payments matching `filter` (on merchant_id, tier_code, status)
   * started within [from, to]: the whole days inside the window from
   * payment_day_counts (kept by triggers, migration 002), the partial days at
   * its ends from the payments index. One statement, so one snapshot.
   */
  function countStarted(filter: string, args: unknown[], from: number, to: number): number {
    const firstWholeDay = Math.ceil(from / DAY_S);
    const lastWholeDay = Math.floor((to + 1) / DAY_S) - 1;
    // [from, to] as: head (before the first whole day), whole days, tail (after the last one).
    const [head, days, tail] =
      firstWholeDay > lastWholeDay
        ? [[from, to], NO_RANGE, NO_RANGE]
        : [[from, firstWholeDay * DAY_S - 1], [firstWholeDay, lastWholeDay], [(lastWholeDay + 1) * DAY_S, to]];
    const sql = `SELECT (SELECT COUNT(*) FROM payments WHERE ${filter} AND started_at BETWEEN ? AND ?)
      + (SELECT COUNT(*) FROM payments WHERE ${filter} AND started_at BETWEEN ? AND ?)
      + (SELECT COALESCE(SUM(n), 0) FROM payment_day_counts WHERE ${filter} AND day BETWEEN ? AND ?) AS n`;
    return (statement(sql).get(...args, ...head, ...args, ...tail, ...args, ...days) as { n: number }).n;
  }

  function update(id: number, changes: PaymentChanges, onlyIfStatus?: PaymentStatus): boolean {
    const keys = Object.keys(changes).filter((key) => (changes as Record<string, unknown>)[key] !== undefined);
    for (const key of keys) if (!CHANGEABLE.has(key)) throw new Error(`payments.${key} cannot be changed`);
    const sql = `UPDATE payments SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @__id${
      onlyIfStatus ? ' AND status = @__status' : ''
    }`;
    const values: Record<string, unknown> = { __id: id };
    for (const key of keys) values[key] = (changes as Record<string, unknown>)[key];
    if (onlyIfStatus) values.__status = onlyIfStatus;
    return statement(sql).run(values).changes > 0;
  }

  return {
    /** Throws SQLITE_CONSTRAINT_UNIQUE when imp_uid collides (callers retry with a new id). */
    insert(payment: NewPayment): PaymentRow {
      const id = Number(insert.run({ ...defaults, ...payment }).lastInsertRowid);
      return byId.get(id)!;
    },
    findByImpUid: (impUid: string) => byImpUid.get(impUid),
    findById: (id: number) => byId.get(id),
    findOwned(scope: PaymentScope, impUid: string): PaymentRow | undefined {
      const row = byImpUid.get(impUid);
      if (!row || row.merchant_id !== scope.merchantId) return undefined;
      return scope.tierCode === null || row.tier_code === scope.tierCode ? row : undefined;
    },
    findPaid: (merchantId: number, tierCode: string, merchantUid: string) => paidFor.get(merchantId, tierCode, merchantUid),
    /**
     * Applies `changes`; with `onlyIfStatus` only while the row still has that
     * status (a compare-and-set). Returns whether a row changed.
     */
    update,
    /** Payments of one merchant_uid, optionally of one status, in V1 `sorting` order. */
    listByMerchantUid(scope: PaymentScope, merchantUid: string, status: PaymentStatus | null, sorting: PaymentSorting, limit: number, offset: number) {
      const { filter, args } = merchantUidFilter(scope, merchantUid, status);
      const total = (statement(`SELECT COUNT(*) AS n FROM payments WHERE ${filter}`).get(...args) as { n: number }).n;
      const list = reader(`SELECT * FROM payments WHERE ${filter} ORDER BY ${PAYMENT_SORTINGS[sorting]} LIMIT ? OFFSET ?`).all(...args, limit, offset);
      return { total, list };
    },
    /** The first payment of one merchant_uid in `sorting` order (find/:merchant_uid): no count needed. */
    firstByMerchantUid(scope: PaymentScope, merchantUid: string, status: PaymentStatus | null, sorting: PaymentSorting): PaymentRow | undefined {
      const { filter, args } = merchantUidFilter(scope, merchantUid, status);
      return reader(`SELECT * FROM payments WHERE ${filter} ORDER BY ${PAYMENT_SORTINGS[sorting]} LIMIT 1`).get(...args);
    },
    /** Payments by status ('all' = any) started within [from, to] (Unix seconds), with how many there are in all. */
    listByStatus(scope: PaymentScope, status: PaymentStatus | 'all', from: number, to: number, sorting: PaymentSorting, limit: number, offset: number) {
      const where = scopeSql(scope);
      const filter = `${where.sql}${status === 'all' ? '' : ' AND status = ?'}`;
      const args = [...where.args, ...(status === 'all' ? [] : [status])];
      const total = countStarted(filter, args, from, to);
      const list = reader(`SELECT * FROM payments WHERE ${filter} AND started_at BETWEEN ? AND ? ORDER BY ${PAYMENT_SORTINGS[sorting]} LIMIT ? OFFSET ?`).all(
        ...args,
        from,
        to,
        limit,
        offset,
      );
      return { total, list };
    },
  };
}

export type PaymentsRepository = ReturnType<typeof paymentsRepository>;
