// One checkout in an iframe overlay or a popup, from open to teardown.
//
// 1. A fresh channel id per flow, carried in the window URL, so a stale or
//    parallel window cannot answer for this one.
// 2. The checkout page posts `ready`; the SDK answers with the `request`,
//    posted to that window only, with the service origin as target (never '*').
//    A reloaded page says `ready` again and gets the request again.
// 3. The page posts one `result`; later ones are ignored.
// 4. No `ready` within state.readyTimeoutMs: CHECKOUT_TIMEOUT. A popup the user
//    closes, or IMP.close(): the F0000 cancel.
// 5. Every exit goes through finish(): one teardown (window, listener, timers),
//    then the response is handed on, and a new prewarm is scheduled.
// A prewarmed overlay (prewarm.ts) whose frame already said `ready` replaces
// steps 1-2: its own unused channel, the overlay shown, the request posted at once.
import { envelope, checkoutWindowUrl, createChannelId, type RequestMessage } from './protocol';
import { cannotOpen } from './errors';
import { listen } from './listen';
import { schedulePrewarm, takeWarm } from './prewarm';
import { cancelled, failure } from './response';
import { state, type OpenFlow } from './state';
import type { ImpResponse } from './types';
import { openOverlay } from './ui/overlay';
import { openPopup } from './ui/popup';
import type { Surface } from './ui/surface';

/** How often a popup is checked for being closed by the user. */
const POPUP_POLL_MS = 150;

export interface FlowSpec {
  mode: 'iframe' | 'popup';
  service: string;
  payload: RequestMessage['payload'];
  merchantUid: string;
  /** Accessible name of the dialog. */
  label: string;
  /** Turns the service's `result` payload into the merchant's response. */
  fromService(raw: Record<string, unknown>): ImpResponse;
  /** Called once, after teardown, with the flow's response. */
  done(response: ImpResponse): void;
}

export function runFlow(spec: FlowSpec): void {
  const { service, merchantUid, payload } = spec;
  const popup = spec.mode === 'popup';
  const warm = popup ? null : takeWarm(service);
  const channel = warm ? warm.channel : createChannelId();
  let surface: Surface | null = null;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let closedSeen = false;

  // Ends the flow once: state.flow stops being this flow at the first call.
  const finish = (response: ImpResponse): void => {
    if (state.flow !== flow) return;
    state.flow = null;
    stop();
    clearTimeout(readyTimer);
    clearInterval(pollTimer);
    try {
      if (surface) surface.close();
    } catch {
      // a window that is already gone needs no closing
    }
    spec.done(response);
    schedulePrewarm();
  };
  const sendRequest = (to: Window): void => to.postMessage(envelope<RequestMessage>('request', channel, payload), service);
  const cancel = (): void => finish(cancelled(merchantUid, payload.action));
  const flow: OpenFlow = { cancel };
  state.flow = flow;

  const stop = listen(() => surface && surface.win(), service, channel, (message, event) => {
    if (message.type === 'ready') {
      clearTimeout(readyTimer);
      sendRequest(event.source as Window);
    } else finish(spec.fromService(message.payload.response));
  });
  if (!warm)
    readyTimer = setTimeout(
      () => finish(failure('CHECKOUT_TIMEOUT', `no answer from ${service}: is the checkout service running?`, merchantUid)),
      state.readyTimeoutMs,
    );
  try {
    const url = checkoutWindowUrl(service, channel, spec.mode);
    // The prewarmed page already said `ready`, so it listens: the request goes
    // first, and the page starts on it while the overlay is shown here
    // (bench `open`: the order is painted a few ms sooner).
    if (warm) sendRequest(warm.overlay.frame.contentWindow!);
    surface = popup ? openPopup(url) : warm ? warm.overlay.show(spec.label) : openOverlay(url, spec.label);
  } catch (error) {
    // show() takes its dialog away when it fails; this covers a failing postMessage too.
    if (warm) warm.overlay.remove();
    return finish(failure('INTERNAL_ERROR', cannotOpen(error), merchantUid));
  }
  if (!surface) finish(failure('POPUP_BLOCKED', 'popup blocked: call IMP in the click handler, before any await', merchantUid));
  else if (popup) {
    const opened = surface;
    pollTimer = setInterval(() => {
      // Cancel at the second poll that finds it closed: the page's last `result` may still be queued behind the close.
      if (opened.win()!.closed) {
        if (closedSeen) cancel();
        closedSeen = true;
      }
    }, POPUP_POLL_MS);
  }
}
