// Approving a payment in the test PG window. The outcome depends on the pay
// method and, for cards, on the test card (catalog/test-cards.ts):
//   card & wallets: approve → paid (+ webhook 'paid'); decline/fail → failed (no webhook, as V1)
//   trans, phone:   paid (+ webhook 'paid')
//   vbank:          account issued, status stays 'ready' (+ webhook 'ready'); paid on deposit
// With customer_uid a card approval also issues a billing key.
//
// Only one approval can ever win per order (merchant, tier, merchant_uid):
// the check and the update run in one IMMEDIATE transaction, the update is a
// compare-and-set on status 'ready', and the payments_one_paid unique index
// refuses a second paid row even if another process raced us.
import type { SandboxContext } from '../context';
import { BANKS, DEFAULT_BANK_CODE } from '../catalog/banks';
import { ALREADY_PAID_MESSAGE, ErrorCode, USER_CANCEL } from '../catalog/error-codes';
import { usesCard } from '../catalog/pay-methods';
import { cardOutcome, DEFAULT_TEST_CARD, maskCardNumber } from '../catalog/test-cards';
import { unixSeconds } from '../lib/clock';
import { isUniqueViolation, newApplyNum, newPgTid } from '../lib/ids';
import { randomDigits } from '../lib/random';
import { receiptUrl } from '../payments/receipts';
import type { PaymentChanges, PaymentRow } from '../repositories/payments';
import { enqueuePaymentWebhook } from '../webhooks/outbox';
import { requireCheckout } from './load-checkout';
import { CheckoutRefusal } from './refusal';
import { checkoutEnded, paymentSdkResponse, type SdkResponse } from './sdk-response';
import { defaultVbankDue } from './vbank-due';
import { writeTransaction } from '../db/transactions';

export interface ApproveInput {
  checkoutToken: string;
  cardNumber?: string | null;
  cardQuota?: number | null;
  bankCode?: string | null;
  serviceOrigin: string;
}

export interface CheckoutOutcome {
  payment: PaymentRow;
  sdkResponse: SdkResponse;
  /** True when the checkout had already ended: nothing changed, the first outcome is returned. */
  repeated: boolean;
}

/** A page sent an approval the sandbox cannot act on; the payment stays 'ready'. */
function invalidRequest(payment: PaymentRow, message: string): CheckoutRefusal {
  return new CheckoutRefusal(ErrorCode.INVALID_PARAMS, message, payment.merchant_uid, payment.imp_uid, 400);
}

function failedChanges(code: string, reason: string, nowMs: number): PaymentChanges {
  return { status: 'failed', fail_code: code, fail_reason: reason, failed_at: unixSeconds(nowMs), updated_at_ms: nowMs };
}

function approvalChanges(ctx: SandboxContext, payment: PaymentRow, input: ApproveInput, nowMs: number): PaymentChanges {
  const common: PaymentChanges = {
    pg_tid: newPgTid(payment.pg_provider, nowMs),
    receipt_url: receiptUrl(input.serviceOrigin, payment.imp_uid),
    updated_at_ms: nowMs,
  };
  if (usesCard(payment.pay_method)) {
    const cardNumber = input.cardNumber?.trim() || DEFAULT_TEST_CARD;
    const outcome = cardOutcome(cardNumber);
    if (outcome.kind !== 'approve') return failedChanges(outcome.error_code, outcome.error_msg, nowMs);
    const quota = input.cardQuota ?? 0;
    if (!Number.isInteger(quota) || quota < 0 || quota > 36) throw invalidRequest(payment, 'card_quota must be 0-36');
    const masked = maskCardNumber(cardNumber);
    if (payment.customer_uid) {
      ctx.repos.customers.upsert({
        merchant_id: payment.merchant_id,
        tier_code: payment.tier_code,
        customer_uid: payment.customer_uid,
        pg_provider: payment.pg_provider,
        pg_id: payment.pg_id,
        card_code: outcome.card_code,
        card_name: outcome.card_name,
        card_number: masked,
        inserted_at: unixSeconds(nowMs),
      });
    }
    return {
      ...common,
      status: 'paid',
      paid_at: unixSeconds(nowMs),
      apply_num: newApplyNum(),
      card_code: outcome.card_code,
      card_name: outcome.card_name,
      card_issuer_code: outcome.card_code,
      card_issuer_name: outcome.card_name,
      card_publisher_code: outcome.card_code,
      card_publisher_name: outcome.card_name,
      card_quota: quota,
      card_number: masked,
      card_type: outcome.card_type,
      // A billing-key-only request (amount 0) is V1's "issue"; with an amount it also paid.
      customer_uid_usage: payment.customer_uid ? (payment.amount > 0 ? 'payment' : 'issue') : null,
    };
  }
  const bankCode = input.bankCode?.trim() || DEFAULT_BANK_CODE;
  const bank = BANKS[bankCode];
  if (!bank) throw invalidRequest(payment, `Unknown bank_code ${bankCode} (known: ${Object.keys(BANKS).join(', ')})`);
  if (payment.pay_method === 'trans') {
    return { ...common, status: 'paid', paid_at: unixSeconds(nowMs), bank_code: bankCode, bank_name: bank };
  }
  if (payment.pay_method === 'vbank') {
    const merchant = ctx.repos.merchants.findById(payment.merchant_id)!;
    const tierName = payment.tier_code ? ctx.repos.tiers.find(payment.merchant_id, payment.tier_code)?.name : undefined;
    return {
      ...common,
      vbank_code: bankCode,
      vbank_name: bank,
      vbank_num: `${randomDigits(3)}-${randomDigits(6)}-${randomDigits(5)}`,
      vbank_holder: tierName ?? merchant.name,
      vbank_date: payment.vbank_date || defaultVbankDue(nowMs),
      vbank_issued_at: unixSeconds(nowMs),
    };
  }
  // phone (휴대폰 소액결제)
  return { ...common, status: 'paid', paid_at: unixSeconds(nowMs) };
}

export function approvePayment(ctx: SandboxContext, impUid: string, input: ApproveInput): CheckoutOutcome {
  return writeTransaction(ctx.db, (): CheckoutOutcome => {
    const payment = requireCheckout(ctx.repos.payments.findByImpUid(impUid), input.checkoutToken);
    if (checkoutEnded(payment)) return { payment, sdkResponse: paymentSdkResponse(payment), repeated: true };

    const now = ctx.clock();
    const alreadyPaid = failedChanges(ErrorCode.ALREADY_PAID, ALREADY_PAID_MESSAGE, now);
    let changes = ctx.repos.payments.findPaid(payment.merchant_id, payment.tier_code, payment.merchant_uid)
      ? alreadyPaid
      : approvalChanges(ctx, payment, input, now);
    try {
      ctx.repos.payments.update(payment.id, changes, 'ready');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      changes = alreadyPaid;
      ctx.repos.payments.update(payment.id, changes, 'ready');
    }
    const updated = ctx.repos.payments.findById(payment.id)!;
    if (updated.status === 'paid') enqueuePaymentWebhook(ctx, updated, 'paid');
    else if (updated.vbank_issued_at > 0) enqueuePaymentWebhook(ctx, updated, 'ready');
    return { payment: updated, sdkResponse: paymentSdkResponse(updated), repeated: false };
  });
}

/**
 * The buyer closed or cancelled the window before approving: the payment
 * fails with V1's user-cancel result (F0000, "[결제포기] ..."). A checkout
 * that already ended keeps its outcome; a paid payment is never touched.
 */
export function abandonPayment(ctx: SandboxContext, impUid: string, checkoutToken: string): CheckoutOutcome {
  return writeTransaction(ctx.db, (): CheckoutOutcome => {
    const payment = requireCheckout(ctx.repos.payments.findByImpUid(impUid), checkoutToken);
    if (checkoutEnded(payment)) return { payment, sdkResponse: paymentSdkResponse(payment), repeated: true };
    const now = ctx.clock();
    ctx.repos.payments.update(payment.id, failedChanges(USER_CANCEL.code, USER_CANCEL.message, now), 'ready');
    const updated = ctx.repos.payments.findById(payment.id)!;
    return { payment: updated, sdkResponse: paymentSdkResponse(updated), repeated: false };
  });
}
