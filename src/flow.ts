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
import { checkoutMessage } from './listen';
import { cancelled, failure } from './response';
import { state } from './state';
import type { ImpResponse } from './types';
import { openOverlay } from './ui/overlay';
import { openPopup } from './ui/popup';
import { schedulePrewarm, takeWarm } from './prewarm';
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
  const { service, merchantUid } = spec;
  const warm = spec.mode === 'iframe' ? takeWarm(service) : null;
  const channel = warm ? warm.channel : createChannelId();
  let surface: Surface | null = null;
  let finished = false;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let closedSeen = false;

  const finish = (response: ImpResponse): void => {
    if (finished) return;
    finished = true;
    state.flow = null;
    window.removeEventListener('message', onMessage);
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
  const sendRequest = (to: Window): void => to.postMessage(envelope<RequestMessage>('request', channel, spec.payload), service);

  const onMessage = (event: MessageEvent): void => {
    const message = checkoutMessage(event, surface && surface.win(), service, channel);
    if (!message) return;
    if (message.type === 'ready') {
      clearTimeout(readyTimer);
      sendRequest(event.source as Window);
    } else if (message.type === 'result') {
      finish(spec.fromService(message.payload.response));
    }
  };

  state.flow = { cancel: () => finish(cancelled(merchantUid, spec.payload.action)) };
  window.addEventListener('message', onMessage);
  if (!warm)
    readyTimer = setTimeout(
      () =>
        finish(
          failure(
            'CHECKOUT_TIMEOUT',
            `no answer from the checkout at ${service}: is it running, and the serviceUrl right?`,
            merchantUid,
          ),
        ),
      state.readyTimeoutMs,
    );
  try {
    const url = checkoutWindowUrl(service, channel, spec.mode);
    surface = spec.mode === 'popup' ? openPopup(url) : warm ? warm.overlay.show(spec.label) : openOverlay(url, spec.label);
    // The prewarmed page already said `ready`, so it is listening: no need to wait for another.
    if (warm) sendRequest(surface!.win()!);
  } catch (error) {
    finish(failure('INTERNAL_ERROR', cannotOpen(error), merchantUid));
    return;
  }
  if (!surface) {
    finish(
      failure(
        'POPUP_BLOCKED',
        'popup blocked: call IMP straight from the click handler, before any await',
        merchantUid,
      ),
    );
  } else if (spec.mode === 'popup') {
    const popup = surface;
    pollTimer = setInterval(() => {
      // Cancel at the second poll that finds it closed: the page's last `result` may still be queued behind the close.
      if (popup.closed()) {
        if (closedSeen) finish(cancelled(merchantUid, spec.payload.action));
        closedSeen = true;
      }
    }, POPUP_POLL_MS);
  }
}
