// The IMP facade: the V1 surface, each method a thin call into the modules
// that do the work. No method uses `this`, because merchants call them detached
// (`const { IMP } = window`, `const init = IMP.init`).
import { ImpError, logError } from './errors';
import { startCheckout } from './request';
import { failure } from './response';
import { configuredOrigin, isReadyTimeout, optionOf, READY_TIMEOUT_MAX_MS, READY_TIMEOUT_MIN_MS } from './service';
import { state } from './state';
import { dropWarm, schedulePrewarm } from './prewarm';
import type { CertificationParams, ConfigureOptions, Imp, ImpResponse, PaymentParams, ResponseCallback } from './types';
import { createSettle } from './settle';

/** Marks an object as this SDK, so a second evaluation of the script keeps the first (global.ts). */
export const SDK_BRAND = Symbol.for('imp-checkout');

const unsupported = (method: string): string => `IMP.${method} is not supported by imp-checkout`;

/**
 * Select the merchant. Calling it again (merchant pages do, on every click)
 * only replaces the stored code: nothing stacks. A malformed code does not
 * throw; the next request reports INVALID_MERCHANT_CODE. An open checkout
 * keeps the merchant it was started with.
 */
export function init(merchantCode: string): void {
  state.merchant = { code: merchantCode, agency: false };
  schedulePrewarm();
}

/** Select a sub-merchant; `tier_code` goes with every request until IMP.init. */
export function agency(merchantCode: string, tierCode: string): void {
  state.merchant = { code: merchantCode, tier: tierCode, agency: true };
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
  const timeout = optionOf(options, 'readyTimeoutMs');
  if (timeout !== undefined) {
    if (isReadyTimeout(timeout)) state.readyTimeoutMs = timeout;
    else
      logError(
        'INVALID_PARAMS',
        `IMP.configure({ readyTimeoutMs }) needs whole milliseconds from ${READY_TIMEOUT_MIN_MS} to ${READY_TIMEOUT_MAX_MS}; keeping ${state.readyTimeoutMs}`,
      );
    if (optionOf(options, 'serviceUrl') === undefined) return;
  }
  const origin = configuredOrigin(options);
  if (origin) {
    if (origin !== state.service) {
      // A checkout prewarmed for the old service is of no use; warm the new one instead.
      dropWarm();
      schedulePrewarm();
    }
    state.service = origin;
    state.serviceError = '';
  } else {
    state.serviceError = 'IMP.configure({ serviceUrl }) needs an http(s) origin without a path';
    logError('INVALID_SERVICE_URL', state.serviceError);
  }
}

export function request_pay(params: PaymentParams, callback?: ResponseCallback): Promise<ImpResponse> {
  return startCheckout('payment', params, callback);
}

export function certification(params: CertificationParams, callback?: ResponseCallback): Promise<ImpResponse> {
  return startCheckout('certification', params, callback);
}

/** Close the open checkout window; its callback gets the F0000 cancel. No window: nothing happens. */
export function close(): void {
  if (state.flow) state.flow.cancel();
}

/**
 * Close any open window, remove the prewarmed checkout and forget the merchant.
 * The service origin stays (it came from the script tag).
 */
export function deinit(): void {
  close();
  dropWarm();
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
  const { promise, settle } = createSettle(callback);
  settle(failure('NOT_SUPPORTED', unsupported('loadUI'), null));
  return promise;
}

export const updateLoadUIRequest: Imp['updateLoadUIRequest'] = logsUnsupported('updateLoadUIRequest');

/** V1's only promise API: reject, as V1 does for its own failures. */
export function loadModule(_moduleType: string, ..._rest: unknown[]): Promise<never> {
  return Promise.reject(new ImpError('NOT_SUPPORTED', unsupported('loadModule')));
}

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
Object.defineProperty(IMP, SDK_BRAND, { value: true });
