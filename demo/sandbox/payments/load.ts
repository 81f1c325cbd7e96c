// Stored payments → V1 objects, with their cancellation history.
import type { SandboxContext } from '../context';
import type { PaymentRow } from '../repositories/payments';
import { toV1Payment, type V1Payment } from './view';

export function paymentView(ctx: SandboxContext, row: PaymentRow): V1Payment {
  return toV1Payment(row, ctx.repos.cancellations.forPayment(row.id));
}

/** Many payments with one query for all their cancellations. */
export function paymentViews(ctx: SandboxContext, rows: readonly PaymentRow[]): V1Payment[] {
  const cancellations = ctx.repos.cancellations.forPayments(rows.map((r) => r.id));
  return rows.map((row) => toV1Payment(row, cancellations.get(row.id) ?? []));
}
