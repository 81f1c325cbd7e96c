// One checkout on this page, from the moment its request is known to its
// single ending. The ending is delivered once (a result message, or the
// redirect), and a buyer who leaves before it (closes the popup, the merchant
// calls IMP.close() and the iframe goes away, presses back in redirect mode)
// is recorded as a cancel, as V1 records "[결제포기]": the page sends the
// cancel as a beacon from `pagehide`, the last moment it can still talk.
import { endingOf, postJson, type Ending } from './api';
import { STRINGS, type Lang, type Strings } from './strings';

export type Mode = 'iframe' | 'popup' | 'redirect';

export interface Run {
  readonly mode: Mode;
  readonly lang: Lang;
  readonly t: Strings;
  /** The checkout ended: hand the result on (once). */
  finish(ending: Ending): void;
  /** From now until the ending, leaving the page cancels the checkout at `path`. */
  cancelOnLeave(path: string, checkoutToken: string): void;
}

export interface RunOptions {
  mode: Mode;
  lang: Lang;
  /** Delivers the ending: posts the result, or navigates. */
  deliver(ending: Ending): void;
}

export function startRun(options: RunOptions): Run {
  let ended = false;
  let leaveCancel: { path: string; token: string } | null = null;
  let beaconSent = false;

  const finish = (ending: Ending): void => {
    if (ended) return;
    ended = true;
    leaveCancel = null;
    options.deliver(ending);
  };

  window.addEventListener('pagehide', () => {
    if (ended || !leaveCancel || beaconSent) return;
    // A form body keeps it a "simple" request, which sendBeacon always sends; the API reads forms too.
    beaconSent = navigator.sendBeacon(leaveCancel.path, new URLSearchParams({ checkout_token: leaveCancel.token }));
  });

  // The buyer pressed back and then forward, and the browser restored this
  // page from its back-forward cache: the beacon has cancelled the checkout.
  // Fetch that ending and deliver it instead of offering to pay again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted || !beaconSent || ended || !leaveCancel) return;
    postJson(leaveCancel.path, { checkout_token: leaveCancel.token })
      .then((answer) => {
        const ending = endingOf(answer);
        if (ending) finish(ending);
      })
      .catch(() => undefined);
  });

  return {
    mode: options.mode,
    lang: options.lang,
    t: STRINGS[options.lang],
    finish,
    cancelOnLeave(path, checkoutToken) {
      if (!ended) leaveCancel = { path, token: checkoutToken };
    },
  };
}
