// The two kinds of call every window makes, with the one rule of the checkout
// API applied: an answer carrying `sdk_response` ends the checkout, whatever
// its status, except a 400 to an approval (the buyer's input was refused and
// the checkout is still open: say why and let them fix it).
import { CANCEL_CODE } from '../../../../src/errors';
import { endingOf, postJson, ServiceUnreachable, type Answer, type SdkResponse } from './api';
import type { Run } from './run';
import { askRetry } from './screens';
import type { Sheet } from './sheet';

/** The cancel result when the service cannot record it (unreachable): the same shape the service sends. */
export function localCancel(message: string, impUid: string | null, merchantUid: unknown): SdkResponse {
  return {
    success: false,
    imp_success: false,
    imp_uid: impUid,
    merchant_uid: typeof merchantUid === 'string' ? merchantUid : null,
    error_code: CANCEL_CODE,
    error_msg: message,
  };
}

/**
 * Opens the checkout. Refusals end it at once (the SDK closes the window).
 * When the service cannot be reached the buyer may retry or give up, which
 * ends it with `giveUp`. Resolves with the open answer, or null once ended.
 */
export async function openCheckout<T>(run: Run, root: HTMLElement, path: string, body: unknown, giveUp: SdkResponse): Promise<T | null> {
  for (;;) {
    let answer: Answer<T> | null = null;
    try {
      answer = await postJson<T>(path, body);
    } catch (error) {
      if (!(error instanceof ServiceUnreachable)) throw error;
    }
    if (answer) {
      const ending = endingOf(answer);
      if (ending) {
        run.finish(ending);
        return null;
      }
      if (answer.code === 0 && answer.response) return answer.response as T;
    }
    if ((await askRetry(root, run.t)) === 'cancel') {
      run.finish({ sdk_response: giveUp });
      return null;
    }
  }
}

/** Sends the buyer's decision (approve or cancel) from an open window. */
export async function decide(run: Run, sheet: Sheet, path: string, body: unknown, kind: 'approve' | 'cancel', giveUp: SdkResponse): Promise<void> {
  sheet.setError('');
  sheet.setBusy(true);
  let answer: Answer<unknown>;
  try {
    answer = await postJson(path, body);
  } catch (error) {
    if (!(error instanceof ServiceUnreachable)) throw error;
    sheet.setBusy(false);
    // A buyer who wants out gets out, even when the service cannot hear it.
    if (kind === 'cancel') run.finish({ sdk_response: giveUp });
    else sheet.setError(run.t.network_error);
    return;
  }
  const ending = kind === 'approve' && answer.status === 400 ? null : endingOf(answer);
  if (ending) return run.finish(ending);
  sheet.setBusy(false);
  sheet.setError(answer.message || run.t.network_error);
}

/** Escape cancels, as it closes any dialog; only while the sheet's cancel button is on the page and enabled. */
export function cancelOnEscape(sheet: Sheet): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && sheet.cancel.isConnected && !sheet.cancel.disabled) sheet.cancel.click();
  });
}
