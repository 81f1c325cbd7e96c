// Stored payments → V1 objects, with their cancellation history.
import type { SandboxContext } from '../context';
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

/** Many payments with one query for all their cancellations. */
export function paymentViews(ctx: SandboxContext, rows: readonly PaymentRow[]): V1Payment[] {
  const cancellations = ctx.repos.cancellations.forPayments(rows.filter(mayHaveCancellations).map((r) => r.id));
  return rows.map((row) => toV1Payment(row, cancellations.get(row.id) ?? NONE));
}
