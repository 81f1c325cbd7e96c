// What the callback receives and the promise resolves with. One plain JSON
// object for every outcome (paid, declined, cancelled, refused by the SDK);
// fields the service did not send are absent, and a null means "sent, empty".
import type { Currency, PaymentMethod, PaymentStatus, Pg } from './codes';

/**
 * The fields every answer carries, payment or certification, success or failure.
 * `success` / `imp_success` only mean the flow ended well; verify the payment
 * on your server (GET /payments/{imp_uid}) before shipping anything.
 */
export interface ImpResponse {
  /** true when the flow ended with a payment (or certification). Always present, on failure too. */
  success: boolean;
  /** The same value as `success`, under V1's older name. Always present. */
  imp_success: boolean;
  /** The service's id ("imp_" + 12 digits); null when nothing was created (refused before the window opened). */
  imp_uid: string | null;
  /** The merchant's order id as sent (or as generated); null only when the params could not be read at all. */
  merchant_uid: string | null;
  /**
   * On failure: "F0000" for a buyer who cancelled, the service's code (F1001,
   * F1002, F2001, ...) or the SDK's own (NOT_INITIALIZED, INVALID_PARAMS, ...;
   * docs/errors.md). Absent on success.
   */
  error_code?: string;
  /** On failure: a message to show; a cancel carries "[결제포기]" as V1's does. Absent on success. */
  error_msg?: string;
  /** Other fields the service sent, for forward compatibility. */
  [field: string]: unknown;
}

/** Fields only some payments have: card approval and virtual accounts. */
export interface RequestPayAdditionalResponse {
  /** Card approval number. */
  apply_num?: string | null;
  /** Virtual account number (`pay_method: 'vbank'`). */
  vbank_num?: string | null;
  /** Virtual account bank name. */
  vbank_name?: string | null;
  /** Virtual account holder (may be null). */
  vbank_holder?: string | null;
  /** Virtual account deadline, unix seconds. */
  vbank_date?: number;
  /** Virtual account bank code. */
  vbank_code?: string | null;
}

/**
 * The answer to IMP.request_pay. On success the payment's fields are there;
 * on failure only the ImpResponse fields (and `custom_data`). `CustomData` is
 * the type of the `custom_data` given in the params.
 */
export interface RequestPayResponse<CustomData = unknown> extends ImpResponse, RequestPayAdditionalResponse {
  /** Pay method used. */
  pay_method?: PaymentMethod;
  /** Amount paid, a number. */
  paid_amount?: number;
  /** The payment's state: "paid", or "ready" for a virtual account waiting for its deposit. */
  status?: PaymentStatus;
  /** Order name. */
  name?: string | null;
  /** PG provider that took the payment. */
  pg_provider?: Pg;
  /** Easy-pay wallet inside the PG's window (e.g. "kakaopay"), or null. */
  emb_pg_provider?: string | null;
  /** The PG's transaction id. */
  pg_tid?: string | null;
  /** "payment" for payments. */
  pg_type?: 'payment';
  /** Currency of `paid_amount`. */
  currency?: Currency;
  /** Card company name (card payments). */
  card_name?: string | null;
  /** Masked card number, e.g. "411111******1111". */
  card_number?: string | null;
  /** Instalment months (0: paid at once). */
  card_quota?: number | null;
  /** Bank name (account transfer). */
  bank_name?: string | null;
  /** Buyer's name as sent. */
  buyer_name?: string | null;
  /** Buyer's e-mail as sent. */
  buyer_email?: string | null;
  /** Buyer's phone as sent. */
  buyer_tel?: string | null;
  /** Buyer's address as sent. */
  buyer_addr?: string | null;
  /** Buyer's postcode as sent. */
  buyer_postcode?: string | null;
  /** The params' `custom_data`, the very value given (not the JSON string REST returns). */
  custom_data?: CustomData;
  /** When it was paid, unix seconds (0 while a virtual account waits). */
  paid_at?: number;
  /** Receipt page URL. */
  receipt_url?: string | null;
  /** The billing key's `customer_uid`, when the request issued one. */
  customer_uid?: string;
}

/**
 * A request_pay callback. It may be async; a throw or a rejection is logged
 * and never breaks the SDK. Its return value is ignored.
 */
export type RequestPayResponseCallback<CustomData = unknown> = (response: RequestPayResponse<CustomData>) => void;

/** The answer to a billing-key request (BillingKeyParams): `customer_uid` is there once the key is issued. */
export type BillingKeyResponse<CustomData = unknown> = RequestPayResponse<CustomData>;

/** A callback for any of the SDK's answers (IMP.loadUI uses it). */
export type ResponseCallback = (response: ImpResponse) => void;
