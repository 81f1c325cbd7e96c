// The iframe overlay: a modal dialog over the merchant page holding the
// checkout iframe. Styles are inline with !important and start from
// `all: initial`, so the merchant's CSS (div rules, resets, frameworks) cannot
// hide or shrink it; nothing is injected before a flow opens or a prewarm
// (prewarm.ts) builds it hidden. Styles go through the CSSOM (style.cssText),
// which a strict style-src CSP allows.
//
// It hangs off <html>, not <body>: a transform, filter or will-change on
// <body> (smooth-scroll and animation libraries set them) makes body the
// containing block of fixed descendants, and an overlay inside it would cover
// the body's box instead of the viewport, off screen on a scrolled page.
import { lockScroll } from './scroll-lock';
import type { Surface } from './surface';

// Ends with `visibility:`: the dialog says visible or hidden, its children inherit it.
const COVER =
  'all:initial!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:100%!important;height:100%!important;display:block!important;visibility:';

/** A built overlay, shown (openOverlay) or kept hidden until a flow takes it (prewarm.ts). */
export interface Overlay {
  frame: HTMLIFrameElement;
  /** Make it the modal dialog of a flow: visible, labelled, scroll locked, focus inside. */
  show(label: string): Surface;
  /** Take it off the page (a hidden overlay that is not needed any more). */
  remove(): void;
}

/**
 * Build the dialog and its frame and put them on the page, hidden: the frame
 * loads and lays out its page at full size, but the dialog is `visibility:
 * hidden` until shown: not painted, not hit by clicks, not focusable, out of
 * the accessibility tree, and no role yet. (Not `display: none`: the frame
 * would be 0×0 and have to lay its page out again when shown, which measured
 * slower.) Shown, the dialog says `visible` explicitly, so a merchant's
 * anti-flicker `html { visibility: hidden }` cannot hide the checkout.
 */
export function buildOverlay(url: string): Overlay {
  const doc = document;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, css: string): HTMLElementTagNameMap[K] => {
    const element = doc.createElement(tag);
    element.style.cssText = COVER + css;
    return element;
  };
  // Above everything and dimming the page once shown; `hidden` until then, which paints none of it.
  const dialog = make('div', 'hidden!important;z-index:2147483647!important;background:rgba(0,0,0,.5)!important');
  const frame = make('iframe', 'inherit!important;border:0!important');
  frame.setAttribute('allow', 'payment');
  frame.src = url;
  // Focus guards, focusable but one transparent pixel: Tab past the checkout's
  // last control (or Shift+Tab before its first) lands on a guard inside the
  // dialog, not on the browser's address bar, where no focus event would tell
  // us focus had left.
  const guard = (): HTMLElement =>
    Object.assign(make('span', 'inherit!important;width:1px!important;height:1px!important;opacity:0!important'), { tabIndex: 0 });
  dialog.append(guard(), frame, guard());
  const remove = (): void => dialog.remove();

  const show = (label: string): Surface => {
    const previousFocus = doc.activeElement as HTMLElement | null;
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', (frame.title = label));
    dialog.style.setProperty('visibility', 'visible', 'important');
    // aria-modal alone does not stop Tab; pull focus back whenever it leaves the dialog or reaches a
    // guard: whatever gets focus on this page but the frame (the guards are all else it holds).
    const keepFocus = (event: FocusEvent): void => {
      if (event.target !== frame) frame.focus();
    };
    const unlockScroll = lockScroll(doc);
    const surface: Surface = {
      win: () => frame.contentWindow,
      close() {
        doc.removeEventListener('focusin', keepFocus);
        remove();
        unlockScroll();
        if (previousFocus && previousFocus.focus) previousFocus.focus();
      },
    };
    try {
      doc.addEventListener('focusin', keepFocus);
      frame.focus();
    } catch (error) {
      // A page that patches focus() or the DOM to throw: never leave a dialog covering it.
      surface.close();
      throw error;
    }
    return surface;
  };

  doc.documentElement.appendChild(dialog);
  return { frame, show, remove };
}

export const openOverlay = (url: string, label: string): Surface => buildOverlay(url).show(label);
