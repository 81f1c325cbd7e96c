// The public shapes. snake_case because these are the V1 shapes merchants
// already write against; every key is optional-tolerant at runtime.

/** Parameters of IMP.request_pay, as V1 documents them. Unknown keys pass through to the service. */
export interface PaymentParams {
  /** "provider" or "provider.MID" (e.g. "html5_inicis.INIpayTest"). Missing: the merchant's default channel. */
  pg?: string;
  /** Default "card". */
  pay_method?: string;
  /** The merchant's order id, at most 40 characters. Missing or "": one is generated (`nobody_<ms>`) and echoed back. */
  merchant_uid?: string | number;
  /** Order name shown in the payment window. */
  name?: string;
  /** A finite number >= 0, or a plain numeric string such as "1000" (coerced). */
  amount: number | string;
  /** Default "KRW". */
  currency?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  /** Any JSON value; the callback gets back the very value given here. */
  custom_data?: unknown;
  /** Where a mobile browser lands after a redirect checkout; may be relative to the page. */
  m_redirect_url?: string;
  /** true: open the checkout in a popup; false: never in a popup. */
  popup?: boolean;
  customer_uid?: string;
  notice_url?: string | string[];
  [key: string]: unknown;
}

/** Parameters of IMP.certification (identity verification). */
export interface CertificationParams {
  pg?: string;
  merchant_uid?: string | number;
  m_redirect_url?: string;
  popup?: boolean;
  min_age?: number;
  name?: string;
  phone?: string;
  carrier?: string;
  company?: string;
  [key: string]: unknown;
}

/**
 * What the callback receives and the promise resolves with: a plain JSON object.
 * `success` / `imp_success` only mean the flow ended well; verify the payment on
 * your server (GET /payments/{imp_uid}) before shipping anything.
 */
export interface ImpResponse {
  success: boolean;
  imp_success: boolean;
  /** null when no payment was created (refused before the window, cancelled early). */
  imp_uid: string | null;
  /** null only when the params themselves could not be read. */
  merchant_uid: string | null;
  /** On failure: an SDK code (docs/errors.md), "F0000" for a user cancel, or the service's code. */
  error_code?: string;
  error_msg?: string;
  paid_amount?: number;
  status?: string;
  pay_method?: string;
  pg_provider?: string;
  pg_tid?: string;
  apply_num?: string;
  card_name?: string;
  card_number?: string;
  name?: string;
  custom_data?: unknown;
  paid_at?: number;
  receipt_url?: string;
  currency?: string;
  [key: string]: unknown;
}

/** May return a promise; a throw or a rejection is logged and never breaks the SDK. */
export type ResponseCallback = (response: ImpResponse) => unknown;

export interface ConfigureOptions {
  /**
   * Origin of the checkout service, e.g. "https://pay.example.com" (http or https,
   * no path). Default: the origin the script tag was loaded from, else
   * "http://localhost:4020" (the local sandbox). Only messages from exactly
   * this origin are trusted, so never point it at an origin you do not run.
   */
  serviceUrl?: string;
  /**
   * How long the checkout window may take to load and answer before the flow
   * ends with CHECKOUT_TIMEOUT, in milliseconds: a whole number from 1000 to
   * 120000. Default 20000. Only the window's first answer is timed; a buyer
   * may then take as long as they like.
   */
  readyTimeoutMs?: number;
}

/** The `IMP` object (window.IMP for script tags; the default export for ESM). */
export interface Imp {
  /** Select the merchant (V1 codes look like "imp12345678"). Safe to call before every payment. */
  init(merchantCode: string): void;
  /** Select a sub-merchant: the tier code (3 of A-Z, 0-9) goes with every later request. */
  agency(merchantCode: string, tierCode: string): void;
  /** Point the SDK at a checkout service (see ConfigureOptions). */
  configure(options: ConfigureOptions): void;
  /**
   * Open the checkout. The callback runs exactly once and the promise resolves
   * with the same object; it never rejects. In redirect mode (mobile with
   * m_redirect_url) the page navigates away: neither runs, as in V1.
   */
  request_pay(params: PaymentParams, callback?: ResponseCallback): Promise<ImpResponse>;
  /** Identity verification, the same way as request_pay. */
  certification(params: CertificationParams, callback?: ResponseCallback): Promise<ImpResponse>;
  /** Close the open checkout window; its callback gets the F0000 cancel. */
  close(): void;
  /** Close any open window and forget the merchant (the service origin stays). */
  deinit(): void;
  /** Not supported: logs NOT_SUPPORTED. */
  communicate(message?: unknown): void;
  /** Not supported: logs NOT_SUPPORTED. */
  naver_zzim(params?: unknown): void;
  /** Not supported: the callback and promise get a NOT_SUPPORTED failure. */
  loadUI(uiType: string, params?: unknown, callback?: ResponseCallback): Promise<ImpResponse>;
  /** Not supported: logs NOT_SUPPORTED. */
  updateLoadUIRequest(uiType: string, params?: unknown): void;
  /** Not supported: rejects with an ImpError of code NOT_SUPPORTED. */
  loadModule(moduleType: string, ...rest: unknown[]): Promise<never>;
}
