// ESM / CJS entry: the IMP object, its methods as named exports, and the public
// types. Importing runs nothing against the browser (safe under SSR and Node).
import { IMP } from './imp';

export {
  IMP,
  init,
  agency,
  configure,
  request_pay,
  certification,
  close,
  deinit,
  communicate,
  naver_zzim,
  loadUI,
  updateLoadUIRequest,
  loadModule,
} from './imp';
export { ImpError, CANCEL_CODE, CANCEL_MESSAGE, CERTIFICATION_CANCEL_MESSAGE, type SdkErrorCode } from './errors';
export { VERSION } from './version';
// The types: every name community typings for iamport.js export (RequestPayParams,
// RequestPayResponse, Pg, PaymentMethod, Currency, ...) with the same shapes, plus our own.
export type {
  // the IMP object
  Imp,
  Iamport,
  ConfigureOptions,
  // request_pay
  RequestPayParams,
  RequestPayAdditionalParams,
  RequestPayNaverParams,
  RequestPayNaverAdditionalParams,
  BillingKeyParams,
  PaymentParams,
  CardOptions,
  EscrowProduct,
  NaverProduct,
  NaverProductCategoryType,
  NaverProductCategoryId,
  NaverPayReferrer,
  RequestPayResponse,
  RequestPayAdditionalResponse,
  RequestPayResponseCallback,
  BillingKeyResponse,
  // certification
  CertificationParams,
  CertificationResponse,
  CertificationResponseCallback,
  // every answer
  ImpResponse,
  ResponseCallback,
  // V1 code values
  Pg,
  KnownPg,
  PaymentMethod,
  KnownPaymentMethod,
  Currency,
  PayPalSupportedCurrency,
  Language,
  CardCode,
  Carrier,
  PaymentStatus,
} from './types';

declare global {
  interface Window {
    /**
     * Set by the script-tag build (`<script src="{service}/v1/iamport.js">`);
     * undefined until that script has run, and on pages that only import the package.
     */
    IMP?: import('./types').Imp;
  }
}

export default IMP;
