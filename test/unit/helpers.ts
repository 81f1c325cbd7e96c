// Shared tools for the SDK's jsdom tests: a fake checkout window speaking the
// real protocol, hand-built MessageEvents (jsdom leaves `origin` empty on
// postMessage), and checks that a finished flow left nothing behind.
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { IMP } from '../../src/imp';
import { NAMESPACE, PROTOCOL_VERSION, envelope, type RequestMessage, type ResultMessage } from '../../src/protocol';
import { DEFAULT_SERVICE, resetState, state } from '../../src/state';
import type { ImpResponse } from '../../src/types';

export const SERVICE = DEFAULT_SERVICE;
export const MERCHANT = 'imp12345678';

/** Listeners added and not yet removed on window and document, per event type. */
export function trackListeners(): { count(type: string): number } {
  const live = new Map<string, Set<unknown>>();
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    // The jsdom originals (the test runner's global EventTarget may be Node's own).
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    vi.spyOn(target, 'addEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      const key = `${name}:${type}`;
      if (!live.has(key)) live.set(key, new Set());
      live.get(key)!.add(listener);
      add.call(target, type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      live.get(`${name}:${type}`)?.delete(listener);
      remove.call(target, type, listener, options);
    });
  }
  return {
    count: (type) => (live.get(`window:${type}`)?.size ?? 0) + (live.get(`document:${type}`)?.size ?? 0),
  };
}

/** Deliver a message to the merchant page as a browser would, with explicit origin and source. */
export function deliver(data: unknown, source: MessageEventSource | null, origin = SERVICE): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

export const channelOf = (url: string): string => new URL(url).searchParams.get('channel')!;

export const readyMessage = (channel: string) => envelope('ready', channel, {});

export const resultMessage = (channel: string, response: Record<string, unknown>) =>
  envelope<ResultMessage>('result', channel, { response });

export const PAID = {
  success: true,
  imp_uid: 'imp_123456789012',
  merchant_uid: 'order_1',
  paid_amount: 1000,
  status: 'paid',
  pay_method: 'card',
  pg_provider: 'html5_inicis',
  card_number: '536112******1234',
  custom_data: '{"order":7}',
};

/** The iframe overlay's checkout frame, with its outgoing postMessages recorded. */
export function checkoutFrame(): {
  frame: HTMLIFrameElement;
  win: Window;
  channel: string;
  sent: ReturnType<typeof vi.fn>;
} {
  const frame = document.querySelector('iframe');
  if (!frame || !frame.contentWindow) throw new Error('no checkout iframe is open');
  const sent = vi.fn();
  vi.spyOn(frame.contentWindow, 'postMessage').mockImplementation(sent);
  return { frame, win: frame.contentWindow, channel: channelOf(frame.src), sent };
}

/** A stand-in for the popup window object window.open returns. */
export interface FakePopup {
  closed: boolean;
  close(): void;
  postMessage: ReturnType<typeof vi.fn>;
  url: string;
}

export function stubWindowOpen(result: 'open' | 'blocked' | 'throws' | 'closed' = 'open') {
  const popups: FakePopup[] = [];
  const open = vi.spyOn(window, 'open').mockImplementation((url) => {
    if (result === 'throws') throw new Error('popups are disabled');
    if (result === 'blocked') return null;
    const popup: FakePopup = {
      closed: result === 'closed',
      close() {
        this.closed = true;
      },
      postMessage: vi.fn(),
      url: String(url),
    };
    popups.push(popup);
    return popup as unknown as Window;
  });
  return { open, popups };
}

/** Pretend to be a given browser for the window choice. */
export function pretendBrowser(userAgent: string, maxTouchPoints: number): void {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent);
  Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, get: () => maxTouchPoints });
}

export const UA = {
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  android: 'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ipadOs: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
};

/**
 * Pending fake timers that are the SDK's. jsdom itself queues a 0 ms task when
 * an iframe is focused; running what is due now leaves only real waits (the
 * SDK's shortest is the 150 ms popup poll).
 */
export function pendingTimers(): number {
  vi.advanceTimersByTime(0);
  return vi.getTimerCount();
}

/** Nothing of a finished flow may remain: no nodes, no listeners, no timers, no open flow. */
export function expectNothingLeft(listeners: { count(type: string): number }): void {
  expect(document.body.children.length).toBe(0);
  // The overlay hangs off <html>: only <head> and <body> may remain there.
  expect(Array.from(document.documentElement.children, (el) => el.localName)).toEqual(['head', 'body']);
  expect(listeners.count('message')).toBe(0);
  expect(listeners.count('focusin')).toBe(0);
  expect(pendingTimers()).toBe(0);
  expect(state.flow).toBeNull();
}

/** A callback that records every call, to assert "exactly once". */
export function recorder(): { callback: (r: ImpResponse) => void; calls: ImpResponse[] } {
  const calls: ImpResponse[] = [];
  return { callback: (r) => void calls.push(r), calls };
}

/** Silence and record console.error (misuse must be logged). */
export function captureConsoleError() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

export type { RequestMessage };
export { NAMESPACE, PROTOCOL_VERSION };

/**
 * Every test starts from a freshly loaded SDK and an empty page. Prewarming is
 * off unless a test turns it on (test/unit/prewarm.test.ts): it would add an
 * idle-time timer and a hidden frame after every IMP.init, which the flows
 * tested here do not use.
 */
export function useCleanSdk(): void {
  beforeEach(() => {
    state.prewarm = false;
  });
  afterEach(() => {
    IMP.deinit(); // closes any window and removes a prewarmed checkout
    resetState();
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
    document.querySelectorAll('[role="dialog"]').forEach((dialog) => dialog.remove());
    document.documentElement.removeAttribute('style');
    document.body.removeAttribute('style');
    delete (navigator as { maxTouchPoints?: number }).maxTouchPoints;
  });
}
