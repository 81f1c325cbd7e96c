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
import { checkoutMessage } from './listen';
import { state, type Warm } from './state';
import { isMobileBrowser } from './ui/choose';
import { buildOverlay, type Overlay } from './ui/overlay';

/** Run `task` when the page is idle after its load event (requestIdleCallback; Safari: a short timeout). */
function whenIdle(task: () => void): void {
  const idle = (): void => {
    if (typeof requestIdleCallback == 'function') requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 50);
  };
  // Before `load`, a new iframe would delay the merchant's own load event and compete with its resources.
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/**
 * Schedule a prewarm unless one exists or is scheduled. Phones get none: they
 * mostly pay in redirect mode, and a hidden page costs them memory.
 */
export function schedulePrewarm(): void {
  if (!state.prewarm || state.warm || state.flow || typeof window === 'undefined' || !window.document) return;
  try {
    if (isMobileBrowser()) return;
    state.warm = true;
    whenIdle(build);
  } catch {
    // A page that breaks navigator or addEventListener gets no prewarm, nothing else changes.
    state.warm = null;
  }
}

function build(): void {
  if (state.warm !== true) return;
  state.warm = null;
  // Deinit (no merchant), a flow already open, or prewarming turned off meanwhile: nothing to do.
  if (!state.merchant || state.flow || !state.prewarm) return;
  const { service } = state;
  const channel = createChannelId();
  let overlay: Overlay;
  try {
    overlay = buildOverlay(checkoutWindowUrl(service, channel, 'iframe'), true);
  } catch {
    return;
  }
  const stop = (): void => {
    window.removeEventListener('message', onReady);
    clearTimeout(timer);
  };
  const warm: Warm = {
    service,
    channel,
    overlay,
    ready: false,
    drop() {
      stop();
      overlay.remove();
      if (state.warm === warm) state.warm = null;
    },
  };
  const onReady = (event: MessageEvent): void => {
    const message = checkoutMessage(event, overlay.frame.contentWindow, service, channel);
    if (message && message.type === 'ready') {
      warm.ready = true;
      stop();
    }
  };
  window.addEventListener('message', onReady);
  const timer = setTimeout(warm.drop, state.readyTimeoutMs);
  state.warm = warm;
}

/**
 * The prewarmed checkout for a flow to `service`, if it is ready; it leaves the
 * state either way (used once, or dropped). Null: open a new frame.
 */
export function takeWarm(service: string): Warm | null {
  const warm = state.warm;
  if (!warm || warm === true) return null;
  state.warm = null;
  // Page code may have removed the hidden container (a framework owning the whole document).
  if (warm.ready && warm.service === service && warm.overlay.frame.isConnected) return warm;
  warm.drop();
  return null;
}

/** Remove any prewarmed checkout (IMP.deinit, a new service); a scheduled one will find nothing to do. */
export function dropWarm(): void {
  const warm = state.warm;
  state.warm = null;
  if (warm && warm !== true) warm.drop();
}
