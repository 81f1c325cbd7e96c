// The popup window. It must be opened synchronously in the merchant's click
// handler (before any await) or browsers block it; a null from window.open is
// exactly that block.
import type { Surface } from './surface';

const WIDTH = 500;
const HEIGHT = 720;

/** Open the checkout popup centred over the page, or null when the browser refused. */
export function openPopup(url: string): Surface | null {
  let popup: Window | null = null;
  try {
    const centre = (start: number, outer: number, size: number): number => Math.max(0, start + (outer - size) / 2) | 0;
    // '_blank', never a fixed name: window.open(url, name) reuses any window
    // already under that name in the browsing context group, so a third-party
    // frame that opened 'imp_checkout' first got the checkout loaded into its
    // window and kept a handle on it (test/e2e/hostile-messages.test.ts).
    popup = window.open(
      url,
      '_blank',
      `popup,width=${WIDTH},height=${HEIGHT},left=${centre(screenX, outerWidth, WIDTH)},top=${centre(screenY, outerHeight, HEIGHT)}`,
    );
  } catch {
    // Some embedded browsers throw instead of returning null: also a block.
  }
  const opened = popup;
  // Some blockers hand back a window that is already closed.
  return opened && !opened.closed ? { win: () => opened, close: () => opened.close() } : null;
}
