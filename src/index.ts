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
export type {
  Imp,
  ImpResponse,
  PaymentParams,
  CertificationParams,
  ResponseCallback,
  ConfigureOptions,
} from './types';

declare global {
  interface Window {
    /** Set by the script-tag build (dist/iamport.js). */
    IMP?: import('./types').Imp;
  }
}

export default IMP;
