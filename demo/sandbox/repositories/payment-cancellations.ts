import type { Db } from '../db/open';

export interface PaymentCancellationRow {
  id: number;
  payment_id: number;
  cancellation_id: string;
  pg_tid: string | null;
  amount: number;
  reason: string | null;
  receipt_url: string | null;
  cancelled_at: number;
}

export function paymentCancellationsRepository(db: Db) {
  const insert = db.prepare<[Omit<PaymentCancellationRow, 'id'>]>(
    `INSERT INTO payment_cancellations (payment_id, cancellation_id, pg_tid, amount, reason, receipt_url, cancelled_at)
     VALUES (@payment_id, @cancellation_id, @pg_tid, @amount, @reason, @receipt_url, @cancelled_at)`,
  );
  const forPayment = db.prepare<[number], PaymentCancellationRow>(
    'SELECT * FROM payment_cancellations WHERE payment_id = ? ORDER BY id',
  );
  const forPaymentList = db.prepare<[string], PaymentCancellationRow>(
    'SELECT * FROM payment_cancellations WHERE payment_id IN (SELECT value FROM json_each(?)) ORDER BY payment_id, id',
  );

  return {
    insert: (row: Omit<PaymentCancellationRow, 'id'>) => insert.run(row),
    forPayment: (paymentId: number) => forPayment.all(paymentId),
    /** Cancellations of many payments in one query (list endpoints), grouped by payment id. */
    forPayments(paymentIds: readonly number[]): Map<number, PaymentCancellationRow[]> {
      const grouped = new Map<number, PaymentCancellationRow[]>();
      if (paymentIds.length === 0) return grouped;
      for (const row of forPaymentList.all(JSON.stringify(paymentIds))) {
        const list = grouped.get(row.payment_id);
        if (list) list.push(row);
        else grouped.set(row.payment_id, [row]);
      }
      return grouped;
    },
  };
}

export type PaymentCancellationsRepository = ReturnType<typeof paymentCancellationsRepository>;
