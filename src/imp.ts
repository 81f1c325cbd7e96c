// The IMP facade: the V1 surface, each method a thin call into the modules
// that do the work. No method uses `this`, because merchants call them detached
// (`const { IMP } = window`, `const init = IMP.init`).
import { ImpError, logError } from './errors';
import { startCheckout } from './request';
import { failure } from './response';
import { READY_TIMEOUT_MAX_MS, READY_TIMEOUT_MIN_MS, serviceOrigin } from './service';
import { state } from './state';
import { schedulePrewarm, takeWarm } from './prewarm';
import type {
  CertificationParams,
  CertificationResponse,
  CertificationResponseCallback,
  ConfigureOptions,
  Imp,
  ImpResponse,
  RequestPayParams,
  RequestPayResponse,
  RequestPayResponseCallback,
  ResponseCallback,
} from './types';
import { createSettle } from './settle';

/** Marks an object as this SDK, so a second evaluation of the script keeps the first (global.ts). */
export const SDK_BRAND = Symbol.for('imp-checkout');

const unsupported = (method: string): string => `IMP.${method} is not supported`;

/**
 * Select the merchant. Calling it again (merchant pages do, on every click)
 * only replaces the stored code: nothing stacks. A malformed code does not
 * throw; the next request reports INVALID_MERCHANT_CODE. An open checkout
 * keeps the merchant it was started with.
 */
export function init(merchantCode: string): void {
  state.merchant = { merchantCode, isAgency: false };
  schedulePrewarm();
}

/** Select a sub-merchant; `tier_code` goes with every request until IMP.init. */
export function agency(merchantCode: string, tierCode: string): void {
  state.merchant = { merchantCode, tierCode, isAgency: true };
  schedulePrewarm();
}

/**
 * Point the SDK at a checkout service: `IMP.configure({ serviceUrl: 'https://pay.example.com' })`.
 * An http(s) origin without a path. A refused value is logged and makes
 * requests fail with INVALID_SERVICE_URL until it is fixed (never a silent
 * fall-back to another service). `readyTimeoutMs` alone changes only the
 * timeout; a refused one is logged and the previous value kept.
 */
export function configure(options: ConfigureOptions): void {
  let timeout: unknown;
  let url: unknown;
  try {
    ({ readyTimeoutMs: timeout, serviceUrl: url } = options);
  } catch {
    // No options, or options whose getters throw: read as empty.
  }
  if (timeout !== undefined) {
    if (Number.isInteger(timeout) && (timeout as number) >= READY_TIMEOUT_MIN_MS && (timeout as number) <= READY_TIMEOUT_MAX_MS)
      state.readyTimeoutMs = timeout as number;
    else logError('INVALID_PARAMS', `readyTimeoutMs must be ${READY_TIMEOUT_MIN_MS}-${READY_TIMEOUT_MAX_MS} ms; keeping ${state.readyTimeoutMs}`);
    if (url === undefined) return;
  }
  const origin = serviceOrigin(url);
  state.serviceError = origin ? '' : 'serviceUrl must be an http(s) origin';
  if (!origin) logError('INVALID_SERVICE_URL', state.serviceError);
  else if (origin !== state.service) {
    // A checkout prewarmed for the old service is of no use; warm the new one instead.
    state.service = origin;
    takeWarm();
    schedulePrewarm();
  }
}

export function request_pay<CustomData = unknown>(
  params: RequestPayParams<CustomData>,
  callback?: RequestPayResponseCallback<CustomData>,
): Promise<RequestPayResponse<CustomData>> {
  return startCheckout('payment', params, callback) as Promise<RequestPayResponse<CustomData>>;
}

export function certification(
  params: CertificationParams,
  callback?: CertificationResponseCallback,
): Promise<CertificationResponse> {
  return startCheckout('certification', params, callback);
}

/** Close the open checkout window; its callback gets the F0000 cancel. No window: nothing happens. */
export function close(): void {
  if (state.flow) state.flow();
}

/**
 * Close any open window, remove the prewarmed checkout and forget the merchant.
 * The service origin stays (it came from the script tag).
 */
export function deinit(): void {
  close();
  takeWarm();
  state.merchant = null;
}

/** A V1 method imp-checkout does not support and that returns nothing: it only says so in the console. */
const logsUnsupported =
  (method: string) =>
  (): void =>
    logError('NOT_SUPPORTED', unsupported(method));

export const communicate: Imp['communicate'] = logsUnsupported('communicate');

export const naver_zzim: Imp['naver_zzim'] = logsUnsupported('naver_zzim');

export function loadUI(_uiType: string, _params?: unknown, callback?: ResponseCallback): Promise<ImpResponse> {
  const [promise, settle] = createSettle(callback);
  settle(failure('NOT_SUPPORTED', unsupported('loadUI'), null));
  return promise;
}

export const updateLoadUIRequest: Imp['updateLoadUIRequest'] = logsUnsupported('updateLoadUIRequest');

/** V1's only promise API: reject, as V1 does for its own failures. */
export const loadModule: Imp['loadModule'] = () => Promise.reject(new ImpError('NOT_SUPPORTED', unsupported('loadModule')));

export const IMP: Imp = {
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
};
// A symbol key: invisible to Object.keys, JSON and for-in, so IMP still lists only the V1 methods.
(IMP as unknown as Record<symbol, boolean>)[SDK_BRAND] = true;
/** IMP is a type too, so `import Iamport from 'imp-checkout'` can type `window.IMP` as community typings did. */
export type IMP = Imp;
