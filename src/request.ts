// One request_pay / certification call: check the SDK's state and the params,
// attach the merchant (and tier) code, pick the window, and settle the callback
// and the promise once. Runs synchronously up to window.open, so a popup opened
// from a click handler is not blocked.
import { hasBrowser } from './env';
import { cannotOpen, type SdkErrorCode } from './errors';
import { runFlow } from './flow';
import { normalise } from './params';
import type { CheckoutAction, RequestMessage } from './protocol';
import { failure } from './response';
import { createSettle } from './settle';
import { state } from './state';
import type { ImpResponse } from './types';
import { chooseMode, isMobileBrowser } from './ui/choose';
import { submitRedirect } from './ui/redirect';
import { VERSION } from './version';

// The observed V1 format (imp + 8 digits); accepted in any case, sent lowercase.
const MERCHANT_CODE = /^imp\d{8}$/i;
const TIER_CODE = /^[A-Z0-9]{3}$/;

export function startCheckout(action: CheckoutAction, raw: unknown, callback: unknown): Promise<ImpResponse> {
  const [promise, settle] = createSettle(callback);
  const method = `IMP.${action === 'payment' ? 'request_pay' : 'certification'}`;
  const browser = hasBrowser();
  const request = normalise(action, raw, browser ? location.href : undefined);
  const { merchantUid } = request;
  const merchant = state.merchant;
  const code = merchant && merchant.merchantCode;
  const refuse = (errorCode: SdkErrorCode, message: string): void => settle(failure(errorCode, message, merchantUid));
  // The first problem found is the one reported; each message says what to do (docs/errors.md says more).
  if (!browser) refuse('NO_BROWSER', `${method} needs a browser`);
  else if (state.flow) refuse('FLOW_IN_PROGRESS', 'a checkout is open: wait for its callback');
  else if (!merchant) refuse('NOT_INITIALIZED', `call IMP.init(code) before ${method}`);
  else if (typeof code !== 'string' || !MERCHANT_CODE.test(code.trim())) refuse('INVALID_MERCHANT_CODE', 'merchant code is not like "imp12345678"');
  else if (merchant.isAgency && (typeof merchant.tierCode !== 'string' || !TIER_CODE.test(merchant.tierCode)))
    refuse('INVALID_TIER_CODE', 'tier code is not like "A01"');
  else if (state.serviceError) refuse('INVALID_SERVICE_URL', state.serviceError);
  else if (request.problem) refuse('INVALID_PARAMS', request.problem);
  else {
    const params: Record<string, unknown> = { ...request.params, user_code: code.trim().toLowerCase() };
    if (merchant.isAgency) params.tier_code = merchant.tierCode;
    else delete params.tier_code;
    const payload: RequestMessage['payload'] = { action, params, sdk: VERSION };
    const mode = chooseMode(params, isMobileBrowser());
    if (mode === 'redirect') {
      // V1 calls no callback in redirect mode: the page unloads and the result
      // arrives on m_redirect_url. The promise stays pending for the same reason.
      try {
        submitRedirect(state.service, payload);
      } catch (error) {
        refuse('INTERNAL_ERROR', cannotOpen(error));
      }
    } else {
      runFlow(mode, payload, request.given, settle);
    }
  }
  return promise;
}
