// The parts of V1's Payment object (GET /payments/{imp_uid}, v1-contract
// §5.3) the shop reads. V1 returns many more fields; the shop keeps the whole
// object it verified, so nothing is lost by typing only these.

export type V1PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

export interface V1Payment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount: number;
  currency: string;
  status: V1PaymentStatus;
  pay_method: string | null;
  pg_provider: string | null;
  name: string | null;
  apply_num: string | null;
  card_name: string | null;
  card_number: string | null;
  card_quota: number | null;
  bank_name: string | null;
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  /** Unix seconds: the deposit deadline. */
  vbank_date: number | null;
  buyer_name: string | null;
  /** Unix seconds, 0 when not paid (V1). */
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string | null;
  /** Ours, not V1: the sub-merchant, null for the merchant itself. */
  tier_code?: string | null;
  [key: string]: unknown;
}

export interface PreparedAmount {
  merchant_uid: string;
  amount: number;
  currency: string | null;
}
