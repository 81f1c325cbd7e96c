// The merchant page as the fuzz harness sees it: every listener the SDK adds,
// every console.error, alert, exception reported by the page, unhandled
// rejection and form submission, plus the browser the SDK believes it runs in.
// Installed once per fuzz file (each vitest file gets its own jsdom).
import { vi } from 'vitest';
import { thrownBy, fakeWindowOpen, windows, type StandIn } from './windows';
import type { Thrown } from './recipes';

type Listener = [type: string, listener: unknown, options: unknown];

export interface Submission {
  action: string;
  method: string;
  request: string | undefined;
  connected: boolean;
}

export interface Page {
  /** Listeners of `type` added by anyone on window and document and not removed yet. */
  listeners(type: string): number;
  consoleErrors: unknown[][];
  alerts: number;
  /** Exceptions thrown inside event listeners (jsdom reports them instead of throwing from dispatchEvent). */
  pageErrors: unknown[];
  unhandledRejections: unknown[];
  submissions: Submission[];
  /** What form.submit() throws in this run (a page whose navigation is blocked), or null. */
  submitThrows: Thrown | null;
  browser: 'desktop' | 'phone';
  /** Remove every listener still registered (after a failed run), so the next run starts clean. */
  removeLeftoverListeners(): void;
  uninstall(): void;
}

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

export function instrumentPage(): Page {
  const pageErrors: unknown[] = [];
  // Exceptions from listeners: jsdom reports them as an `error` event on window. Added before the count starts.
  const onPageError = (event: ErrorEvent) => void pageErrors.push(event.error ?? event.message);
  window.addEventListener('error', onPageError);
  const live = new Map<EventTarget, Listener[]>();
  const restores: (() => void)[] = [];
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const entries: Listener[] = [];
    live.set(target, entries);
    const originals = (['addEventListener', 'removeEventListener'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const);
    const same = (a: Listener, type: string, listener: unknown, options: unknown) =>
      a[0] === type && a[1] === listener && captureOf(a[2]) === captureOf(options);
    Object.defineProperty(target, 'addEventListener', {
      configurable: true,
      writable: true,
      value(type: string, listener: unknown, options?: unknown) {
        if (listener && !entries.some((e) => same(e, type, listener, options))) entries.push([type, listener, options]);
        return add.call(target, type, listener as EventListener, options as AddEventListenerOptions);
      },
    });
    Object.defineProperty(target, 'removeEventListener', {
      configurable: true,
      writable: true,
      value(type: string, listener: unknown, options?: unknown) {
        const i = entries.findIndex((e) => same(e, type, listener, options));
        if (i >= 0) entries.splice(i, 1);
        return remove.call(target, type, listener as EventListener, options as EventListenerOptions);
      },
    });
    restores.push(() => {
      // window's own methods ([Global] interface) go back as they were; document's were inherited.
      for (const [name, original] of originals) {
        if (original) Object.defineProperty(target, name, original);
        else delete (target as unknown as Record<string, unknown>)[name];
      }
    });
  }

  const page: Page = {
    listeners: (type) => [...live.values()].reduce((n, entries) => n + entries.filter((e) => e[0] === type).length, 0),
    consoleErrors: [],
    alerts: 0,
    pageErrors,
    unhandledRejections: [],
    submissions: [],
    submitThrows: null,
    browser: 'desktop',
    removeLeftoverListeners() {
      for (const [target, entries] of live)
        for (const [type, listener, options] of [...entries]) target.removeEventListener(type, listener as EventListener, options as EventListenerOptions);
    },
    uninstall() {
      restores.forEach((restore) => restore());
      vi.restoreAllMocks();
    },
  };

  restores.push(() => window.removeEventListener('error', onPageError));
  const onRejection = (reason: unknown) => void page.unhandledRejections.push(reason);
  process.on('unhandledRejection', onRejection);
  restores.push(() => process.off('unhandledRejection', onRejection));

  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void page.consoleErrors.push(args));
  vi.stubGlobal('alert', () => void page.alerts++);
  restores.push(() => vi.unstubAllGlobals());
  vi.spyOn(window, 'open').mockImplementation(fakeWindowOpen);
  const focus = HTMLElement.prototype.focus;
  vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
    if (windows.step.t === 'focusThrows') throw new Error('focus is managed elsewhere');
    focus.call(this);
  });
  // jsdom cannot navigate: record the form POST a browser would make, or throw as a locked-down page would.
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    if (page.submitThrows) throw thrownBy(page.submitThrows);
    const field = this.elements.namedItem('request') as HTMLInputElement | null;
    page.submissions.push({ action: this.action, method: this.method, request: field?.value, connected: this.isConnected });
  });
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => (page.browser === 'phone' ? PHONE_UA : DESKTOP_UA) });
  Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, get: () => (page.browser === 'phone' ? 5 : 0) });
  restores.push(() => {
    delete (navigator as unknown as Record<string, unknown>).userAgent;
    delete (navigator as unknown as Record<string, unknown>).maxTouchPoints;
  });
  return page;
}

function captureOf(options: unknown): boolean {
  if (typeof options === 'boolean') return options;
  return !!(options && (options as { capture?: unknown }).capture);
}

/** Deliver a message to the page as a browser would, with explicit origin and source. */
export function deliver(data: unknown, source: unknown, origin: string): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as MessageEventSource | null }));
}

export type { StandIn };
