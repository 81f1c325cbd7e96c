// Refunds (POST /payments/cancel and the console's cancel button), V1 rules
// (v1-contract §5.5): amount omitted or 0 cancels what is left; a partial
// amount accumulates into cancel_amount; `checksum`, when given, must equal
// the refundable balance the caller believes in; the payment becomes
// 'cancelled' once fully refunded. Everything happens in one IMMEDIATE
// transaction, so concurrent cancels can never refund more than was paid.
import type { SandboxContext } from '../context';
import { refused } from '../http/api-error';
import { unixSeconds } from '../lib/clock';
import { newCancellationId, newPgTid } from '../lib/ids';
import { amountProblem, fromMinor, toMinor } from '../lib/money';
import type { PaymentRow, PaymentScope } from '../repositories/payments';
import { enqueuePaymentWebhook } from '../webhooks/outbox';
import { receiptUrl } from './receipts';
import { writeTransaction } from '../db/transactions';

export interface CancelRequest {
  scope: PaymentScope;
  impUid?: string | null;
  merchantUid?: string | null;
  /** Omitted, null or 0: cancel the whole remaining balance. */
  amount?: number | null;
  checksum?: number | null;
  reason?: string | null;
  refundHolder?: string | null;
  refundBank?: string | null;
  refundAccount?: string | null;
  /** V1: API cancels send a webhook only with enable_webhook; console cancels always do. */
  sendWebhook: boolean;
  serviceOrigin: string;
}

function findTarget(ctx: SandboxContext, request: CancelRequest): PaymentRow | undefined {
  if (request.impUid) return ctx.repos.payments.findOwned(request.scope, request.impUid);
  // By merchant_uid: the paid payment of that order, else its latest attempt.
  const paid = ctx.repos.payments.firstByMerchantUid(request.scope, request.merchantUid!, 'paid', '-started');
  return paid ?? ctx.repos.payments.firstByMerchantUid(request.scope, request.merchantUid!, null, '-started');
}

function refusalForStatus(payment: PaymentRow): string | null {
  switch (payment.status) {
    case 'paid':
      return null;
    case 'cancelled':
      return '이미 전액취소된 주문입니다.';
    case 'failed':
      return '결제에 실패한 거래건은 취소할 수 없습니다.';
    case 'ready':
      return payment.vbank_issued_at > 0
        ? '아직 입금되지 않은 가상계좌 거래건은 취소할 수 없습니다.'
        : '결제가 완료되지 않은 거래건은 취소할 수 없습니다.';
  }
}

export function cancelPayment(ctx: SandboxContext, request: CancelRequest): PaymentRow {
  if (!request.impUid && !request.merchantUid) throw refused('imp_uid 또는 merchant_uid를 지정해주셔야합니다.');

  return writeTransaction(ctx.db, (): PaymentRow => {
    const payment = findTarget(ctx, request);
    if (!payment) throw refused('취소할 결제건이 존재하지 않습니다.');
    const statusProblem = refusalForStatus(payment);
    if (statusProblem) throw refused(statusProblem);
    if (payment.pay_method === 'vbank' && (!request.refundHolder || !request.refundBank || !request.refundAccount)) {
      throw refused('가상계좌 환불에는 refund_holder, refund_bank, refund_account가 필요합니다.');
    }

    const currency = payment.currency;
    const cancellable = toMinor(payment.amount, currency)! - toMinor(payment.cancel_amount, currency)!;
    let requested = cancellable;
    if (request.amount !== undefined && request.amount !== null && request.amount !== 0) {
      const problem = amountProblem(request.amount, currency);
      if (problem) throw refused(`취소 요청 금액이 올바르지 않습니다: ${problem}`);
      requested = toMinor(request.amount, currency)!;
    }
    if (requested > cancellable) {
      throw refused(
        `취소 요청 금액(${fromMinor(requested, currency)})이 취소 가능 잔액(${fromMinor(cancellable, currency)})보다 큽니다.`,
      );
    }
    if (request.checksum !== undefined && request.checksum !== null) {
      if (toMinor(request.checksum, currency) !== cancellable) {
        throw refused(
          `checksum(${request.checksum})이 취소 가능 잔액(${fromMinor(cancellable, currency)})과 일치하지 않습니다. 이미 다른 취소가 처리되었는지 확인하세요.`,
        );
      }
    }

    const now = ctx.clock();
    const cancellationId = newCancellationId();
    const cancelledMinor = toMinor(payment.cancel_amount, currency)! + requested;
    const fully = cancelledMinor === toMinor(payment.amount, currency);
    const reason = request.reason ?? null;
    ctx.repos.cancellations.insert({
      payment_id: payment.id,
      cancellation_id: cancellationId,
      pg_tid: newPgTid(payment.pg_provider, now),
      amount: fromMinor(requested, currency),
      reason,
      receipt_url: receiptUrl(request.serviceOrigin, payment.imp_uid, cancellationId),
      cancelled_at: unixSeconds(now),
    });
    ctx.repos.payments.update(
      payment.id,
      {
        cancel_amount: fromMinor(cancelledMinor, currency),
        status: fully ? 'cancelled' : 'paid',
        cancelled_at: unixSeconds(now),
        cancel_reason: reason,
        updated_at_ms: now,
      },
      'paid',
    );
    const updated = ctx.repos.payments.findById(payment.id)!;
    if (request.sendWebhook) enqueuePaymentWebhook(ctx, updated, 'cancelled', cancellationId);
    return updated;
  });
}
