// One request_pay / certification call: check the SDK's state and the params,
// attach the merchant (and tier) code, pick the window, and settle the callback
// and the promise once. Runs synchronously up to window.open, so a popup opened
// from a click handler is not blocked.
import { cannotOpen, type SdkErrorCode } from './errors';
import { runFlow } from './flow';
import { normalise } from './params';
import type { CheckoutAction, RequestMessage } from './protocol';
import { failure, fromService } from './response';
import { createSettle } from './settle';
import { state } from './state';
import type { ImpResponse } from './types';
import { chooseMode, isMobileBrowser } from './ui/choose';
import { submitRedirect } from './ui/redirect';
import { VERSION } from './version';

// The observed V1 format (imp + 8 digits); accepted in any case, sent lowercase.
const MERCHANT_CODE = /^imp\d{8}$/i;
const TIER_CODE = /^[A-Z0-9]{3}$/;

type Problem = [SdkErrorCode, string] | undefined;

/** Is the SDK set up for a request? The first problem found, if any. */
function setupProblem(method: string): Problem {
  const merchant = state.merchant;
  if (!merchant)
    return ['NOT_INITIALIZED', `call IMP.init("imp00000000") or IMP.agency(code, tier) before IMP.${method}`];
  if (typeof merchant.code !== 'string' || !MERCHANT_CODE.test(merchant.code.trim()))
    return ['INVALID_MERCHANT_CODE', 'IMP.init/agency got a merchant code unlike "imp12345678"'];
  if (merchant.agency && (typeof merchant.tier !== 'string' || !TIER_CODE.test(merchant.tier)))
    return ['INVALID_TIER_CODE', 'IMP.agency needs a tier code of 3 characters A-Z, 0-9 (e.g. "A01")'];
  if (state.serviceError) return ['INVALID_SERVICE_URL', state.serviceError];
  return undefined;
}

export function startCheckout(action: CheckoutAction, raw: unknown, callback: unknown): Promise<ImpResponse> {
  const { promise, settle } = createSettle(callback);
  const method = action === 'payment' ? 'request_pay' : 'certification';
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined';
  const request = normalise(action, raw, browser ? location.href : undefined);
  const refuse = (code: SdkErrorCode, message: string): Promise<ImpResponse> => {
    settle(failure(code, message, request.merchantUid));
    return promise;
  };
  if (!browser)
    return refuse('NO_BROWSER', `IMP.${method} runs only in a browser; call it from client-side code`);
  if (state.flow)
    return refuse('FLOW_IN_PROGRESS', 'a checkout is already open; wait for its callback or call IMP.close()');
  const problem = setupProblem(method);
  if (problem) return refuse(...problem);
  if (!request.ok) return refuse('INVALID_PARAMS', `IMP.${method}: ${request.error}`);

  const merchant = state.merchant!;
  const params: Record<string, unknown> = { ...request.params, user_code: String(merchant.code).trim().toLowerCase() };
  if (merchant.agency) params.tier_code = merchant.tier;
  else delete params.tier_code;
  const payload: RequestMessage['payload'] = { action, params, sdk: VERSION };
  const mode = chooseMode(params, isMobileBrowser());

  if (mode === 'redirect') {
    // V1 calls no callback in redirect mode: the page unloads and the result
    // arrives on m_redirect_url. The promise stays pending for the same reason.
    try {
      submitRedirect(state.service, payload);
    } catch (error) {
      return refuse('INTERNAL_ERROR', cannotOpen(error));
    }
    return promise;
  }
  const { merchantUid, given } = request;
  runFlow({
    mode,
    service: state.service,
    payload,
    merchantUid,
    label: action === 'payment' ? '결제' : '본인인증',
    fromService: (raw) => fromService(raw, merchantUid, given),
    done: settle,
  });
  return promise;
}
