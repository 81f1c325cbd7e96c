// Stored payments → V1 objects, with their cancellation history.
import type { SandboxContext } from '../context';
import { readTransaction } from '../db/transactions';
import type { PaymentCancellationRow } from '../repositories/payment-cancellations';
import type { PaymentRow } from '../repositories/payments';
import { toV1Payment, type V1Payment } from './view';

/**
 * Whether the payment can have cancellation rows. Every cancellation is
 * written in the transaction that sets the payment's cancelled_at and
 * cancel_amount (payments/cancel.ts), so a payment with neither has none, and
 * the lookups most merchants make (a payment never refunded) skip that query.
 */
export function mayHaveCancellations(row: PaymentRow): boolean {
  return row.cancelled_at !== 0 || row.cancel_amount !== 0;
}

const NONE: readonly PaymentCancellationRow[] = [];

export function paymentView(ctx: SandboxContext, row: PaymentRow): V1Payment {
  return toV1Payment(row, mayHaveCancellations(row) ? ctx.repos.cancellations.forPayment(row.id) : NONE);
}

/**
 * The V1 view of the payment `read` finds, its row and its cancellations
 * from one snapshot, even while another process cancels it. One SELECT is a
 * snapshot by itself, so a row showing no cancellation is answered as it is
 * (the lookup merchant servers make on every order: no transaction to open
 * and commit); otherwise row and history are read again in one transaction.
 */
export function readPaymentView(ctx: SandboxContext, read: () => PaymentRow | undefined): V1Payment | undefined {
  const row = read();
  if (!row) return undefined;
  if (!mayHaveCancellations(row)) return toV1Payment(row, NONE);
  return readTransaction(ctx.db, () => {
    const fresh = read();
    return fresh && paymentView(ctx, fresh);
  });
}

/** Many payments with one query for all their cancellations. */
export function paymentViews(ctx: SandboxContext, rows: readonly PaymentRow[]): V1Payment[] {
  const cancellations = ctx.repos.cancellations.forPayments(rows.filter(mayHaveCancellations).map((r) => r.id));
  return rows.map((row) => toV1Payment(row, cancellations.get(row.id) ?? NONE));
}
