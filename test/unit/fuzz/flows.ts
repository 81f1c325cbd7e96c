// Driving a run: calling the SDK as a page would (and recording what it
// returns), finding the open checkout window, and ending the flow the way the
// input says: the checkout's ready / result messages dispatched by hand, as the
// handshake tests do, IMP.close(), IMP.deinit(), a timeout or a closed popup.
import { vi } from 'vitest';
import IMP from '../../../src/index';
import { envelope, type ResultMessage } from '../../../src/protocol';
import { state } from '../../../src/state';
import type { Completion, Noise } from './arbitraries';
import { check, checkRequest, short, SERVICE, type Expected, type Given } from './checks';
import { deliver } from './page';
import { build } from './recipes';
import { windows, type StandIn } from './windows';

/** One call of request_pay / certification made during a run, and everything it gave back. */
export interface Tracked {
  label: string;
  /** What the call threw synchronously (property 1: must stay empty). */
  threw: unknown[];
  returned: unknown;
  resolved: unknown[];
  rejected: unknown[];
  /** Calls of a callback we can count; null when the callback is no function or cannot be counted. */
  calls: unknown[] | null;
  given: Given;
  /** The call ended in a redirect form POST (no callback, as in V1). */
  redirected: boolean;
}

/** Let every pending microtask run (callbacks and promises are settled on microtasks). Bounded: never waits for a bug. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 12; i++) await Promise.resolve();
}

export type Api = 'request_pay' | 'certification';

/** Call the API as a page does (detached, args as given), never letting a throw escape: it is recorded. */
export function callSdk(api: Api, args: unknown[], calls: unknown[] | null, label: string, given: Given = {}): Tracked {
  const tracked: Tracked = { label, threw: [], returned: undefined, resolved: [], rejected: [], calls, given, redirected: false };
  const method = IMP[api] as (...a: unknown[]) => unknown;
  try {
    tracked.returned = method(...args);
  } catch (error) {
    tracked.threw.push(error);
  }
  if (tracked.returned instanceof Promise)
    tracked.returned.then(
      (r) => void tracked.resolved.push(r),
      (e) => void tracked.rejected.push(e),
    );
  return tracked;
}

/** Good params for a nested call (from a getter or a callback), so it opens a window. */
export const goodParams = (api: Api, uid: string): Record<string, unknown> =>
  api === 'request_pay' ? { amount: 700, merchant_uid: uid, name: 'nested' } : { merchant_uid: uid };

export interface Surface {
  kind: 'iframe' | 'popup';
  url: string;
  channel: string;
  win: unknown;
  posted: [unknown, unknown][];
  standIn?: StandIn;
}

const realPosted = new WeakMap<object, [unknown, unknown][]>();

/** The checkout window of the open flow: the last stand-in still open, else the real iframe of the overlay. */
export function openSurface(): Surface | undefined {
  const last = windows.opened[windows.opened.length - 1];
  if (last && !last.closed) return { kind: last.kind, url: last.url, channel: channelOf(last.url), win: last, posted: last.posted, standIn: last };
  const frame = document.querySelector('iframe');
  const win = frame && frame.contentWindow;
  if (!frame || !win) return undefined;
  let posted = realPosted.get(win);
  if (!posted) {
    const list: [unknown, unknown][] = (posted = []);
    realPosted.set(win, list);
    (win as unknown as { postMessage: unknown }).postMessage = (message: unknown, origin: unknown) => void list.push([message, origin]);
  }
  return { kind: 'iframe', url: frame.src, channel: channelOf(frame.src), win, posted };
}

function channelOf(url: string): string {
  try {
    return new URL(url).searchParams.get('channel') ?? '';
  } catch {
    return '';
  }
}

/** The window URL is the service's checkout page with this flow's fresh channel. */
export function checkSurfaceUrl(surface: Surface): void {
  check(/^[0-9a-f]{32}$/.test(surface.channel), `channel ${surface.channel} is not 128 random bits in hex`);
  check(surface.url === `${SERVICE}/checkout/window?mode=${surface.kind}&channel=${surface.channel}`, `unexpected window URL ${surface.url}`);
}

const PAID = { success: true, imp_uid: 'imp_000000000001', paid_amount: 700, status: 'paid', pay_method: 'card' };

export interface Driven {
  /** The request the SDK posted on `ready`, once checked. */
  sentParams?: Record<string, unknown>;
  /** The response the fake checkout answered with, "$echo" resolved. */
  answered?: Record<string, unknown>;
  noise: number;
}

function deliverNoise(item: Noise, surface: Surface, reenter: (call: 'request_pay' | 'close' | 'deinit' | 'init') => void): void {
  const good = envelope<ResultMessage>('result', surface.channel, { response: { ...PAID } });
  switch (item.t) {
    case 'data':
      return deliver(item.data, surface.win, SERVICE);
    case 'wrongOrigin':
      return deliver(good, surface.win, 'http://evil.example');
    case 'wrongSource':
      return deliver(good, item.source === 'page' ? window : item.source === 'none' ? null : { postMessage() {} }, SERVICE);
    case 'wrongChannel':
      return deliver(envelope<ResultMessage>('result', 'f'.repeat(32), { response: { ...PAID } }), surface.win, SERVICE);
    case 'hostileData':
      return deliver(build(item.recipe, reenter), surface.win, SERVICE);
  }
}

/** End the open flow as `how` says, checking what the SDK posts on the way. */
export function drive(surface: Surface, how: Completion, expected: Expected, reenter: (call: 'request_pay' | 'close' | 'deinit' | 'init') => void): Driven {
  const driven: Driven = { noise: 0 };
  checkSurfaceUrl(surface);
  const ready = (): void => {
    const before = surface.posted.length;
    deliver(envelope('ready', surface.channel, {}), surface.win, SERVICE);
    check(surface.posted.length === before + 1, `ready was answered with ${surface.posted.length - before} message(s)`);
    const [message, origin] = surface.posted[before]!;
    driven.sentParams = checkRequest(message, origin, surface.channel, expected);
  };
  switch (how.t) {
    case 'result': {
      if (how.readyFirst) ready();
      const flow = state.flow;
      for (const item of how.noise) {
        const before = surface.posted.length;
        deliverNoise(item, surface, reenter);
        driven.noise++;
        check(state.flow === flow && surface.posted.length === before, `a foreign message was not dropped: ${short(item)}`);
      }
      const response = { ...how.response };
      if (response.merchant_uid === '$echo') response.merchant_uid = driven.sentParams ? driven.sentParams.merchant_uid : 'echo_unknown';
      driven.answered = response;
      const result = envelope<ResultMessage>('result', surface.channel, { response });
      deliver(result, surface.win, SERVICE);
      check(state.flow === null, 'the result did not end the flow');
      // A second result (a double click on the checkout page) must change nothing.
      deliver(result, surface.win, SERVICE);
      break;
    }
    case 'close':
      if (how.readyFirst) ready();
      IMP.close();
      break;
    case 'deinit':
      IMP.deinit();
      break;
    case 'timeout':
      vi.advanceTimersByTime(state.readyTimeoutMs);
      break;
    case 'userCloses':
      if (surface.kind === 'popup' && surface.standIn) {
        surface.standIn.closed = true;
        // Two polls (150 ms each) must see it closed before it counts as a cancel.
        vi.advanceTimersByTime(400);
      } else {
        IMP.close();
      }
      break;
  }
  check(state.flow === null, `the flow is still open after ${how.t}`);
  return driven;
}

/** Completion of flows opened by nested calls: the genuine checkout says ready, then answers success. */
export const NESTED: Completion = { t: 'result', readyFirst: true, noise: [], response: { ...PAID, merchant_uid: '$echo' } };
