// Prewarming: after IMP.init / IMP.agency, in idle time once the page has
// loaded, build the iframe overlay hidden and let its frame load the checkout
// page, so a click only has to show it and post the request. V1 did the same
// work synchronously at init (hidden frames and a blocking request on the
// main thread at page load); here nothing runs at script evaluation or inside
// init but scheduling.
//
// What it must not change:
// - Security: the frame carries a fresh channel (createChannelId) that is used
//   for exactly one flow and then thrown away with the frame; the prewarm's
//   `ready` passes the same checks as a flow's (source, shape, origin,
//   channel), and the flow after it checks every message the same way.
// - The service: loading the checkout page creates nothing (no payment, no
//   session) until the request is posted.
// - The page between flows: exactly one hidden container (a div holding the
//   iframe and two focus guards) and, once the frame said `ready`, no
//   listener and no timer. IMP.deinit removes it.
//
// A frame that has not said `ready` when a flow starts is dropped and the flow
// opens a new one, as without prewarming (a service that was down at prewarm
// time must not break a later payment). A frame that does not say `ready`
// within readyTimeoutMs is dropped too, and the next IMP.init tries again.
import { checkoutWindowUrl, createChannelId } from './protocol';
import { hasBrowser } from './env';
import { listen } from './listen';
import { state, type Warm } from './state';
import { isMobileBrowser } from './ui/choose';
import { buildOverlay } from './ui/overlay';

/**
 * Schedule a prewarm (merchant set, prewarming on, none built or scheduled, no
 * flow open) for when the page has loaded and is idle: requestIdleCallback,
 * or a short timeout where it is missing (Safari). Before `load`, a new iframe
 * would delay the merchant's own load event and compete with its resources.
 * Phones get none: they mostly pay in redirect mode, and a hidden page costs
 * them memory.
 */
export function schedulePrewarm(): void {
  if (state.prewarm && state.merchant && !state.warm && !state.flow && hasBrowser() && !isMobileBrowser()) {
    state.warm = true;
    const idle = (): unknown => (typeof requestIdleCallback === 'function' ? requestIdleCallback(build, { timeout: 2000 }) : setTimeout(build, 50));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }
}

function build(): void {
  // Taken meanwhile (a flow started, IMP.deinit, a new service): nothing to do.
  if (state.warm !== true) return;
  state.warm = null;
  const { service } = state;
  const channel = createChannelId();
  const overlay = buildOverlay(checkoutWindowUrl(service, channel, 'iframe'));
  const drop = (): void => {
    stop();
    overlay.remove();
    if (state.warm === warm) state.warm = null;
  };
  const warm: Warm = { ...overlay, service, channel, ready: false, drop };
  // Not `ready` within the deadline: dropped (the next IMP.init tries again).
  const stop = listen(
    () => overlay.frame.contentWindow,
    service,
    channel,
    (message) => {
      if (message.type === 'ready') {
        warm.ready = true;
        stop();
      }
    },
    drop,
  );
  state.warm = warm;
}

/**
 * The prewarmed checkout for a flow to `service`, if its frame is ready and
 * still on the page. Either way it leaves the state: used once, or dropped (a
 * scheduled one is cancelled). takeWarm() with no service drops it (IMP.deinit,
 * a new service).
 */
export function takeWarm(service?: string): Warm | null {
  const warm = state.warm;
  state.warm = null;
  if (warm && warm !== true) {
    // Page code may have removed the hidden container (a framework owning the whole document).
    if (warm.ready && warm.service === service && warm.frame.isConnected) return warm;
    warm.drop();
  }
  return null;
}
