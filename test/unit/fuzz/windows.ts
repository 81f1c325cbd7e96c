// The window step of a flow, for the fuzz harness. A jsdom iframe costs ~10 ms
// (a whole new window each), so 10,000 flows per API would not fit in the
// suite's time; the fast fuzz files therefore swap src/ui/overlay for
// openFakeOverlay below (vi.mock), which does what the real overlay does to the
// page (a dialog node in <body>, a focusin listener on document, the real
// scroll lock) and hands back a stand-in window. real-overlay.test.ts runs the
// same properties through the real iframe overlay, fewer times.
// window.open is always replaced by a stand-in popup, as the popup tests do.
import type { Thrown } from './recipes';
import { lockScroll } from '../../../src/ui/scroll-lock';
import type { Surface } from '../../../src/ui/surface';

/** A stand-in checkout window: records what the SDK posts to it. */
export interface StandIn {
  kind: 'iframe' | 'popup';
  url: string;
  closed: boolean;
  posted: [unknown, unknown][];
  postMessage(message: unknown, targetOrigin: unknown): void;
  close(): void;
}

/**
 * How the page lets the SDK open a window in this run. 'focusThrows': the
 * page's HTMLElement focus() throws (a focus-trap library), which only the
 * real overlay meets (real-overlay.test.ts).
 */
export type WindowStep = { t: 'ok' } | { t: 'blocked' } | { t: 'closedOnOpen' } | { t: 'throws'; thrown: Thrown } | { t: 'focusThrows' };

export const windows = {
  step: { t: 'ok' } as WindowStep,
  /** Every stand-in opened since the last reset, in order. */
  opened: [] as StandIn[],
};

export function standIn(kind: StandIn['kind'], url: string): StandIn {
  const win: StandIn = {
    kind,
    url,
    closed: false,
    posted: [],
    postMessage(message, targetOrigin) {
      win.posted.push([message, targetOrigin]);
    },
    close() {
      win.closed = true;
    },
  };
  windows.opened.push(win);
  return win;
}

export function thrownBy(kind: Thrown): unknown {
  if (kind === 'error') return new Error('the page refused');
  if (kind === 'string') return 'the page refused';
  if (kind === 'nullProto') return Object.create(null);
  return new Proxy({}, { get: () => { throw new Error('hostile'); }, getPrototypeOf: () => { throw new Error('hostile'); } });
}

/** Stand-in for src/ui/overlay's openOverlay: the same page effects, no jsdom iframe. */
export function openFakeOverlay(url: string, label: string): Surface {
  const step = windows.step;
  if (step.t === 'throws') throw thrownBy(step.thrown);
  const doc = document;
  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', label);
  const unlock = lockScroll(doc);
  doc.body.appendChild(dialog);
  const keepFocus = (): void => {};
  doc.addEventListener('focusin', keepFocus);
  const win = standIn('iframe', url);
  return {
    win: () => win as unknown as Window,
    close() {
      doc.removeEventListener('focusin', keepFocus);
      dialog.remove();
      unlock();
      win.closed = true;
    },
  };
}

/** Stand-in for window.open, following windows.step. */
export function fakeWindowOpen(url?: string | URL): Window | null {
  const step = windows.step;
  if (step.t === 'throws') throw thrownBy(step.thrown);
  if (step.t === 'blocked') return null;
  const win = standIn('popup', String(url));
  if (step.t === 'closedOnOpen') win.closed = true;
  return win as unknown as Window;
}
