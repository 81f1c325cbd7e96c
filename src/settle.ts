// Hands one response to the merchant exactly once: the callback first, then the
// promise. Delivery is always on a later microtask, so a callback never runs
// inside the request_pay call that started the flow (code after request_pay,
// such as showing a spinner, has already run).
import type { ImpResponse } from './types';

// Merchant callbacks throw or reject in the wild; log the original error (with its stack) and carry on.
const logCallbackError = (error: unknown): void => console.error('[imp-checkout] the callback failed:', error);

/** [the promise request_pay returns, the function that settles it and calls the callback once]. */
export function createSettle(callback: unknown): [promise: Promise<ImpResponse>, settle: (response: ImpResponse) => void] {
  let resolve!: (response: ImpResponse) => void;
  const promise = new Promise<ImpResponse>((r) => (resolve = r));
  let settled = false;
  const settle = (response: ImpResponse): void => {
    if (settled) return;
    settled = true;
    queueMicrotask(() => {
      if (typeof callback === 'function') {
        try {
          const returned: unknown = callback(response);
          // An async callback that rejects must not become an unhandled rejection on the page.
          const then = returned && (returned as { then?: unknown }).then;
          if (typeof then === 'function') then.call(returned, undefined, logCallbackError);
        } catch (error) {
          logCallbackError(error);
        }
      }
      resolve(response);
    });
  };
  return [promise, settle];
}
