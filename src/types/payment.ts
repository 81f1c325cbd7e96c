// IMP.request_pay's params: the V1 request as merchants write it. The types
// follow what V1 documents (amount a number, merchant_uid a string); the SDK
// itself is more forgiving at run time for untyped pages ("1000" as amount,
// a numeric merchant_uid, unknown keys passed through), see README "Types".
import type { CardCode, Currency, Language, PaymentMethod, Pg } from './codes';
import type { NaverProduct, RequestPayNaverAdditionalParams } from './naver';

/** Params that only some pay methods, PGs or browsers use. */
export interface RequestPayAdditionalParams {
  /**
   * Whether the goods are digital (content, services). V1 requires it for
   * `pay_method: 'phone'` (carrier billing). Default: false.
   */
  digital?: boolean;
  /**
   * Deposit deadline of a virtual account (`pay_method: 'vbank'`):
   * "YYYY-MM-DD", "YYYYMMDD", "YYYY-MM-DD HH:mm:ss" or "YYYYMMDDHHmmss".
   * Default: the PG's own deadline (the sandbox: the end of the third day, Korean time).
   */
  vbank_due?: string;
  /**
   * Where the browser lands after a redirect checkout (phones and tablets):
   * absolute, or relative to the page. The result arrives in its query
   * (`imp_uid`, `merchant_uid`, `imp_success`, `success`, `error_code`,
   * `error_msg`); the callback is not called in that mode. Without it a phone
   * gets the iframe overlay. Default: none.
   */
  m_redirect_url?: string;
  /**
   * App URL scheme to return to from card and bank apps, for pages inside a
   * WebView ("myapp" or "myapp://path"). Default: none.
   */
  app_scheme?: string;
  /** Business registration number; some PGs need it for virtual accounts (danal_tpay). Default: none. */
  biz_num?: string;
}

/** One delivery line of an escrow order (`escrowProducts`, tosspayments only). */
export interface EscrowProduct {
  /** The merchant's id of the line. */
  id: string;
  /** Product name. */
  name: string;
  /** Product code. */
  code: string;
  /** Price of one unit. */
  unitPrice: number;
  /** Quantity. */
  quantity: number;
}

/** Card window options (`card`). */
export interface CardOptions {
  /** Skip the card picker and open one card company's window. Default: the picker. */
  direct?: {
    /** The card company (e.g. "367" Hyundai). */
    code: CardCode;
    /** Instalment months; 0 pays at once. */
    quota: number;
  };
  /** Card companies offered, and merchant-paid interest-free months per company. Default: all the PG offers. */
  detail?: Array<{
    /** The card company, or "*" for all of them. */
    card_code: CardCode | '*';
    /** Offer this company. Default: true. */
    enabled?: boolean;
    /** Interest-free instalments up to this many months, paid by the merchant. Default: none. */
    max_month?: number;
  }>;
}

/**
 * The params of IMP.request_pay (V1 "결제요청 파라미터").
 * `CustomData` is the type of `custom_data`, which comes back unchanged in the response.
 */
export interface RequestPayParams<CustomData = unknown> extends RequestPayAdditionalParams {
  /**
   * The console's channel key: picks the PG channel (newer than `pg`, and
   * preferred over it when both are given). Default: none.
   */
  channelKey?: string;
  /**
   * PG provider, or provider and MID ("html5_inicis" or
   * "html5_inicis.INIpayTest"). Default: the merchant's default channel.
   */
  pg?: Pg;
  /** How the buyer pays. Default: "card". */
  pay_method?: PaymentMethod;
  /**
   * The merchant's order id, unique per order, at most 40 characters. A
   * payment that is already paid refuses the same id again (F1002). Pass ""
   * to have one generated (`nobody_<ms>`, V1's rule), though a server cannot
   * match such a payment to an order.
   */
  merchant_uid: string;
  /** Order name shown in the payment window (PGs may cut it after 16 to 40 characters). Default: none. */
  name?: string;
  /**
   * Amount to charge, a number (not a string) in `currency`: 1000 is 1,000 won.
   * For a billing key without a first payment, 0.
   */
  amount: number;
  /** Currency of `amount`. Default: "KRW". */
  currency?: Currency;
  /** Language of the payment window, where the PG has one. Default: "ko". */
  language?: Language;
  /** Tax-exempt part of `amount`. Default: 0. */
  tax_free?: number;
  /** VAT part of `amount` (nice, tosspay_v2). Default: null, the PG computes it. */
  vat_amount?: number | null;
  /**
   * Old name of `vat_amount`. Default: none.
   * @deprecated use `vat_amount`.
   */
  vat?: number;
  /**
   * Any JSON data of the merchant's. The callback gets the very value given
   * here back; the REST API returns it as a JSON string, as V1 does. Default: none.
   */
  custom_data?: CustomData;
  /** Buyer's name. Default: none. */
  buyer_name?: string;
  /** Buyer's e-mail address (some PGs, such as paymentwall, require it). Default: none. */
  buyer_email?: string;
  /** Buyer's phone number; V1 recommends sending it, as some PGs refuse a payment without it. Default: none. */
  buyer_tel?: string;
  /** Buyer's address. Default: none. */
  buyer_addr?: string;
  /** Buyer's postcode. Default: none. */
  buyer_postcode?: string;
  /**
   * Webhook URL(s) for this payment only; they replace the console's webhook
   * URL for it. Deliveries are signed (X-ImpCheckout-Signature). Default: the console's URL.
   */
  notice_url?: string | string[];
  /** V1's confirm process endpoint, called before approval (enabled per merchant). Default: none. */
  confirm_url?: string;
  /**
   * The merchant's id for the buyer's card: with it the window issues a
   * billing key (and charges `amount` if it is above 0). Default: none, a plain payment.
   */
  customer_uid?: string;
  /** Open the PG's escrow window (the PG contract must allow it). Default: false. */
  escrow?: boolean;
  /** Delivery lines of an escrow order (tosspayments). Default: none. */
  escrowProducts?: EscrowProduct[];
  /** Product lines (tosspayments). Default: none. */
  products?: EscrowProduct[];
  /** Window display options. Default: none. */
  display?: {
    /**
     * Instalment months offered; [] pays at once only (instalments need at
     * least 50,000 KRW). Default: the PG's choice.
     */
    card_quota?: number[];
  };
  /** Card window options. Default: none. */
  card?: CardOptions;
  /** Interest-free instalments paid by the merchant, where the PG supports it. Default: false. */
  useFreeInterestFromMall?: boolean;
  /**
   * true: open the checkout in a popup; false: never in a popup. Default: a
   * popup for the providers V1 opens in one on PC (payco, settle, smartro,
   * tosspay, kcp_quick, daou, naverco, eximbay), else the iframe overlay.
   */
  popup?: boolean;
  /** Service period shown in the window (inicis, smartro, ...). Default: none. */
  period?: {
    /** First day, "YYYYMMDD". */
    from: string;
    /** Last day, "YYYYMMDD". */
    to: string;
  };
  /** PG-specific raw options passed through to the PG (e.g. `{ acceptmethod: 'noeasypay' }`). Default: none. */
  bypass?: Record<string, unknown>;
  /** Naver Pay: last day of use, "yyyyMMdd". Default: none. */
  naverUseCfm?: string;
  /** Naver Pay: open its window as a popup. Default: false. */
  naverPopupMode?: boolean;
  /** Naver Pay: the order's product lines. Default: none. */
  naverProducts?: NaverProduct[];
}

/** A Naver Pay request: RequestPayParams with the Naver Pay params present. */
export type RequestPayNaverParams<CustomData = unknown> = RequestPayParams<CustomData> & RequestPayNaverAdditionalParams;

/**
 * A billing-key request (V1 "빌링키 발급"): request_pay with `customer_uid`.
 * `amount` 0 issues the key only; above 0 also charges a first payment.
 */
export type BillingKeyParams<CustomData = unknown> = RequestPayParams<CustomData> & {
  /** The merchant's id for the buyer's card; charge it later with the REST API. */
  customer_uid: string;
};
