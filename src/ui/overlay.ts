// The iframe overlay: a modal dialog over the merchant page holding the
// checkout iframe. Styles are inline with !important and start from
// `all: initial`, so the merchant's CSS (div rules, resets, frameworks) cannot
// hide or shrink it; nothing is injected before a flow opens.
//
// It hangs off <html>, not <body>: a transform, filter or will-change on
// <body> (smooth-scroll and animation libraries set them) makes body the
// containing block of fixed descendants, and an overlay inside it would cover
// the body's box instead of the viewport, off screen on a scrolled page.
import { lockScroll } from './scroll-lock';
import type { Surface } from './surface';

const COVER =
  'all:initial!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:100%!important;height:100%!important;display:block!important;';

/** Focus guards: focusable, but one transparent pixel. */
const GUARD = 'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:1px!important;height:1px!important;opacity:0!important;';

export function openOverlay(url: string, label: string): Surface {
  const doc = document;
  const previousFocus = doc.activeElement as HTMLElement | null;
  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', label);
  dialog.style.cssText = `${COVER}z-index:2147483647!important;background:rgba(0,0,0,.5)!important`;
  const frame = doc.createElement('iframe');
  frame.title = label;
  frame.setAttribute('allow', 'payment');
  frame.style.cssText = `${COVER}border:0!important`;
  frame.src = url;
  // Tab past the checkout's last control (or Shift+Tab before its first) lands
  // on a guard inside the dialog, not on the browser's address bar, where no
  // focus event would tell us focus had left.
  const guards = [doc.createElement('span'), doc.createElement('span')];
  for (const guard of guards) {
    guard.tabIndex = 0;
    guard.style.cssText = GUARD;
  }
  dialog.append(guards[0]!, frame, guards[1]!);
  const unlockScroll = lockScroll(doc);
  doc.documentElement.appendChild(dialog);
  // aria-modal alone does not stop Tab; pull focus back whenever it leaves the dialog or reaches a guard.
  const keepFocus = (event: FocusEvent): void => {
    const target = event.target as Node;
    if (!dialog.contains(target) || guards.includes(target as HTMLSpanElement)) frame.focus();
  };
  doc.addEventListener('focusin', keepFocus);
  frame.focus();
  return {
    win: () => frame.contentWindow,
    closed: () => false,
    close() {
      doc.removeEventListener('focusin', keepFocus);
      dialog.remove();
      unlockScroll();
      if (previousFocus && previousFocus.focus) previousFocus.focus();
    },
  };
}
