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
import { cannotOpen, type SdkErrorCode } from './errors';
import { listen } from './listen';
import { schedulePrewarm, takeWarm } from './prewarm';
import { cancelled, failure, fromService } from './response';
import { state, type OpenFlow } from './state';
import type { ImpResponse } from './types';
import { openOverlay } from './ui/overlay';
import { openPopup } from './ui/popup';
import type { Surface } from './ui/surface';

/** How often a popup is checked for being closed by the user. */
const POPUP_POLL_MS = 150;

/**
 * Open the checkout window (`mode`) for `payload` and run the flow to its end;
 * `done` gets the response once, after teardown. `given` is what the merchant
 * passed (custom_data goes back from it). The service is state.service, read
 * once here.
 */
export function runFlow(
  mode: 'iframe' | 'popup',
  payload: RequestMessage['payload'],
  given: Record<string, unknown>,
  done: (response: ImpResponse) => void,
): void {
  const { service } = state;
  // normalise() set it (generated when the merchant gave none).
  const merchantUid = payload.params.merchant_uid as string;
  const popup = mode === 'popup';
  const warm = popup ? null : takeWarm(service);
  const channel = warm ? warm.channel : createChannelId();
  // One message object: postMessage copies it, so a reloaded page's second `ready` gets the same request.
  const request = envelope<RequestMessage>('request', channel, payload);
  let surface: Surface | null = null;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let closedPolls = 0;

  // Ends the flow once: state.flow stops being this flow at the first call.
  const finish = (response: ImpResponse): void => {
    if (state.flow !== cancel) return;
    state.flow = null;
    stop();
    clearInterval(pollTimer);
    try {
      if (surface) surface.close();
    } catch {
      // a window that is already gone needs no closing
    }
    done(response);
    schedulePrewarm();
  };
  const fail = (code: SdkErrorCode, message: string): void => finish(failure(code, message, merchantUid));
  const sendRequest = (to: Window): void => to.postMessage(request, service);
  const cancel: OpenFlow = () => finish(cancelled(merchantUid, payload.action));
  state.flow = cancel;

  const stop = listen(
    () => surface && surface.win(),
    service,
    channel,
    (message, event) =>
      message.type === 'ready' ? sendRequest(event.source as Window) : finish(fromService(message.payload.response, merchantUid, given)),
    // A prewarmed page has said `ready` already.
    warm ? undefined : () => fail('CHECKOUT_TIMEOUT', `no answer from ${service}: is it running?`),
  );
  try {
    const url = checkoutWindowUrl(service, channel, mode);
    const label = payload.action === 'payment' ? '결제' : '본인인증';
    // The prewarmed page already said `ready`, so it listens: the request goes
    // first, and the page starts on it while the overlay is shown here
    // (bench `open`: the order is painted a few ms sooner).
    if (warm) sendRequest(warm.frame.contentWindow!);
    surface = popup ? openPopup(url) : warm ? warm.show(label) : openOverlay(url, label);
  } catch (error) {
    // show() takes its dialog away when it fails; this covers a failing postMessage too.
    if (warm) warm.drop();
    return fail('INTERNAL_ERROR', cannotOpen(error));
  }
  if (!surface) fail('POPUP_BLOCKED', 'popup blocked: call IMP in the click handler, before any await');
  else if (popup) {
    const opened = surface.win()!;
    // Cancel at the second poll that finds it closed: the page's last `result` may still be queued behind the close.
    pollTimer = setInterval(() => opened.closed && closedPolls++ && cancel(), POPUP_POLL_MS);
  }
}
