// The V1 `Payment` object (v1-contract §5.3) as GET /payments/{imp_uid}
// returns it, built from a stored row and its cancellations.
import type { PaymentCancellationRow } from '../repositories/payment-cancellations';
import type { PaymentRow } from '../repositories/payments';
import type { CertificationRow } from '../repositories/certifications';

export function toV1Payment(row: PaymentRow, cancellations: readonly PaymentCancellationRow[]) {
  return {
    imp_uid: row.imp_uid,
    merchant_uid: row.merchant_uid,
    pay_method: row.pay_method,
    channel: row.channel,
    pg_provider: row.pg_provider,
    emb_pg_provider: row.emb_pg_provider,
    pg_tid: row.pg_tid,
    pg_id: row.pg_id,
    escrow: row.escrow === 1,
    apply_num: row.apply_num,
    bank_code: row.bank_code,
    bank_name: row.bank_name,
    card_code: row.card_code,
    card_name: row.card_name,
    card_issuer_code: row.card_issuer_code,
    card_issuer_name: row.card_issuer_name,
    card_publisher_code: row.card_publisher_code,
    card_publisher_name: row.card_publisher_name,
    card_quota: row.card_quota,
    card_number: row.card_number,
    card_type: row.card_type,
    vbank_code: row.vbank_code,
    vbank_name: row.vbank_name,
    vbank_num: row.vbank_num,
    vbank_holder: row.vbank_holder,
    vbank_date: row.vbank_date,
    vbank_issued_at: row.vbank_issued_at,
    name: row.name,
    amount: row.amount,
    cancel_amount: row.cancel_amount,
    currency: row.currency,
    buyer_name: row.buyer_name,
    buyer_email: row.buyer_email,
    buyer_tel: row.buyer_tel,
    buyer_addr: row.buyer_addr,
    buyer_postcode: row.buyer_postcode,
    custom_data: row.custom_data,
    user_agent: row.user_agent,
    status: row.status,
    started_at: row.started_at,
    paid_at: row.paid_at,
    failed_at: row.failed_at,
    cancelled_at: row.cancelled_at,
    fail_reason: row.fail_reason,
    cancel_reason: row.cancel_reason,
    receipt_url: row.receipt_url,
    cancel_history: cancellations.map((c) => ({
      pg_tid: c.pg_tid,
      amount: c.amount,
      cancelled_at: c.cancelled_at,
      reason: c.reason,
      cancellation_id: c.cancellation_id,
      receipt_url: c.receipt_url,
    })),
    // Deprecated in V1 but still returned: the receipt URL of each cancellation.
    cancel_receipt_urls: cancellations.map((c) => c.receipt_url).filter((url): url is string => url !== null),
    cash_receipt_issued: row.cash_receipt_issued === 1,
    customer_uid: row.customer_uid,
    customer_uid_usage: row.customer_uid_usage,
    // Every sandbox payment is a test payment.
    sandbox: true,
    // Ours (not V1): which sub-merchant the payment belongs to, null for the merchant itself.
    tier_code: row.tier_code || null,
  };
}

export type V1Payment = ReturnType<typeof toV1Payment>;

/** The V1 `Certification` object (v1-contract §5.6). */
export function toV1Certification(row: CertificationRow) {
  return {
    imp_uid: row.imp_uid,
    merchant_uid: row.merchant_uid,
    pg_tid: row.pg_tid,
    pg_provider: row.pg_provider,
    name: row.name,
    gender: row.gender,
    birthday: row.birthday,
    foreigner: row.foreigner === 1,
    foreigner_v2: row.foreigner === 1,
    phone: row.phone,
    carrier: row.carrier,
    certified: row.status === 'certified',
    certified_at: row.certified_at,
    unique_key: row.unique_key,
    unique_in_site: row.unique_in_site,
    origin: row.origin,
    tier_code: row.tier_code || null,
  };
}
