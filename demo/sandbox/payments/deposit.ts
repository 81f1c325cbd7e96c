// The console's "입금 처리" (deposit) button: the buyer paid into the issued
// virtual account, so the vbank payment becomes paid and a 'paid' webhook goes
// out (V1 sends one on vbank deposit).
import type { SandboxContext } from '../context';
import { ALREADY_PAID_MESSAGE, PAYMENT_NOT_FOUND_MESSAGE } from '../catalog/error-codes';
import { conflict, notFound } from '../http/api-error';
import { unixSeconds } from '../lib/clock';
import { isUniqueViolation } from '../lib/ids';
import type { PaymentRow } from '../repositories/payments';
import { enqueuePaymentWebhook } from '../webhooks/outbox';
import { writeTransaction } from '../db/transactions';

export function depositVbank(ctx: SandboxContext, merchantId: number, impUid: string): PaymentRow {
  try {
    return writeTransaction(ctx.db, (): PaymentRow => {
      const payment = ctx.repos.payments.findOwned({ merchantId, tierCode: null }, impUid);
      if (!payment) throw notFound(PAYMENT_NOT_FOUND_MESSAGE);
      if (payment.pay_method !== 'vbank' || payment.status !== 'ready' || payment.vbank_issued_at === 0) {
        throw conflict('입금 대기 중인 가상계좌 결제건이 아닙니다.');
      }
      const now = ctx.clock();
      ctx.repos.payments.update(payment.id, { status: 'paid', paid_at: unixSeconds(now), updated_at_ms: now }, 'ready');
      const paid = ctx.repos.payments.findById(payment.id)!;
      enqueuePaymentWebhook(ctx, paid, 'paid');
      return paid;
    });
  } catch (error) {
    // Another payment of the same merchant_uid was paid meanwhile (payments_one_paid).
    if (isUniqueViolation(error)) throw conflict(ALREADY_PAID_MESSAGE);
    throw error;
  }
}
