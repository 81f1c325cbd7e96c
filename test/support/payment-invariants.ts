// What a payment can never look like, checked on the V1 Payment objects the
// REST API answers and on the stored rows themselves. Used by the
// concurrency tests (lookups racing cancels) and the crash tests (after a
// kill -9 nothing may be half-written).
import type Database from 'better-sqlite3';

/** Amounts compared in minor units (cents), as the sandbox computes balances. */
const minor = (amount: number) => Math.round(amount * 100);

export interface V1PaymentLike {
  imp_uid: string;
  amount: number;
  cancel_amount: number;
  status: string;
  pay_method: string;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  pg_tid: string | null;
  apply_num: string | null;
  receipt_url: string | null;
  fail_reason: string | null;
  cancel_history: Array<{ amount: number }>;
}

/** Problems with one V1 Payment object (empty when it is a possible state). */
export function paymentProblems(p: V1PaymentLike): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${p.imp_uid}: ${text}`);
  if (!['ready', 'paid', 'cancelled', 'failed'].includes(p.status)) say(`unknown status ${p.status}`);
  if (p.cancel_amount < 0) say(`negative cancel_amount ${p.cancel_amount}`);
  if (minor(p.cancel_amount) > minor(p.amount)) say(`cancel_amount ${p.cancel_amount} above amount ${p.amount} (negative balance)`);
  const history = p.cancel_history.reduce((sum, c) => sum + minor(c.amount), 0);
  if (history !== minor(p.cancel_amount)) say(`cancel_history sums to ${history / 100}, cancel_amount is ${p.cancel_amount}`);
  if (p.status === 'cancelled' && minor(p.cancel_amount) !== minor(p.amount)) say('cancelled but not fully refunded');
  if (p.status === 'paid' && p.amount > 0 && minor(p.cancel_amount) === minor(p.amount)) say('fully refunded but still paid');
  if (p.status === 'paid' || p.status === 'cancelled') {
    if (!(p.paid_at > 0)) say(`${p.status} without paid_at`);
    if (!p.pg_tid) say(`${p.status} without pg_tid`);
    if (!p.receipt_url) say(`${p.status} without receipt_url`);
    if (p.pay_method === 'card' && !p.apply_num) say(`${p.status} card payment without apply_num`);
  }
  if (p.cancel_amount > 0 && !(p.cancelled_at > 0)) say('refunded without cancelled_at');
  if (p.cancel_amount > 0 && p.status !== 'paid' && p.status !== 'cancelled') say(`refunded while ${p.status}`);
  if (p.status === 'failed' && (!(p.failed_at > 0) || !p.fail_reason)) say('failed without failed_at / fail_reason');
  if (p.status === 'ready' && p.paid_at !== 0) say('ready with paid_at');
  return problems;
}

/**
 * The same rules on the stored rows, plus what only the database shows: the
 * cancellation rows sum to cancel_amount, at most one paid payment per order,
 * and (when `webhookMerchants` is given) a 'paid' outbox row for every paid
 * payment of those merchants, written in the same transaction.
 */
export function databaseProblems(db: Database.Database, webhookMerchants: readonly number[] = []): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare(
      `SELECT p.*, COALESCE((SELECT SUM(c.amount) FROM payment_cancellations c WHERE c.payment_id = p.id), 0) AS history_sum
       FROM payments p`,
    )
    .all() as Array<V1PaymentLike & { history_sum: number; id: number; merchant_id: number }>;
  for (const row of rows) {
    problems.push(...paymentProblems({ ...row, cancel_history: row.history_sum ? [{ amount: row.history_sum }] : [] }));
  }
  const doublePaid = db
    .prepare("SELECT merchant_id, tier_code, merchant_uid, COUNT(*) AS n FROM payments WHERE status = 'paid' GROUP BY 1, 2, 3 HAVING n > 1")
    .all();
  for (const order of doublePaid) problems.push(`order paid twice: ${JSON.stringify(order)}`);
  if (webhookMerchants.length > 0) {
    const missing = db
      .prepare(
        `SELECT imp_uid FROM payments p WHERE p.status IN ('paid', 'cancelled') AND p.merchant_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries w WHERE w.imp_uid = p.imp_uid AND w.event_status = 'paid')`,
      )
      .all(JSON.stringify(webhookMerchants)) as Array<{ imp_uid: string }>;
    for (const { imp_uid } of missing) problems.push(`${imp_uid}: paid without its 'paid' webhook in the outbox`);
  }
  return problems;
}
