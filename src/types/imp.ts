// The IMP object's type: window.IMP for script tags, the default export for
// ESM. Also the default export's type (`import Iamport from 'imp-checkout'`
// works as a type, as the default import of community typings did).
import type { CertificationParams, CertificationResponse, CertificationResponseCallback } from './certification';
import type { RequestPayParams } from './payment';
import type { ImpResponse, RequestPayResponse, RequestPayResponseCallback, ResponseCallback } from './response';

/** Options of IMP.configure. */
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
  request_pay<CustomData = unknown>(
    params: RequestPayParams<CustomData>,
    callback?: RequestPayResponseCallback<CustomData>,
  ): Promise<RequestPayResponse<CustomData>>;
  /** Identity verification, the same way as request_pay. */
  certification(params: CertificationParams, callback?: CertificationResponseCallback): Promise<CertificationResponse>;
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

/** The same type as Imp, under the name community typings gave the IMP object. */
export type Iamport = Imp;
