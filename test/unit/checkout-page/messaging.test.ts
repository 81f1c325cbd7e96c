// The checkout page's side of the handshake (demo/sandbox/web/checkout/
// messaging.ts): ready to the opener, one request accepted only from the
// opener, well-formed, for our channel, from an http(s) origin; the result
// to that origin only. jsdom leaves event.origin empty on postMessage, so the
// events are built by hand with origin and source.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { envelope, type RequestMessage } from '../../../src/protocol';
import { linkToMerchant } from '../../../demo/sandbox/web/checkout/messaging';

const CHANNEL = '0123456789abcdef0123456789abcdef';
const SHOP = 'https://shop.example';

let opener: Window;
let stranger: Window;
let posted: ReturnType<typeof vi.fn>;

function frameWindow(): Window {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  return frame.contentWindow!;
}

beforeEach(() => {
  vi.useFakeTimers();
  opener = frameWindow();
  stranger = frameWindow();
  posted = vi.fn();
  opener.postMessage = posted as never;
  (window as { opener: unknown }).opener = opener;
});

afterEach(() => {
  vi.useRealTimers();
  (window as { opener: unknown }).opener = null;
  document.body.innerHTML = '';
});

const request = (channel = CHANNEL, params: Record<string, unknown> = { amount: 1000, user_code: 'imp19424728' }) =>
  envelope<RequestMessage>('request', channel, { action: 'payment', params, sdk: '0.1.0' });

function deliver(data: unknown, source: Window | null, origin = SHOP): void {
  window.dispatchEvent(new MessageEvent('message', { data, source, origin }));
}

async function settled<T>(promise: Promise<T>): Promise<T | 'pending'> {
  let value: T | 'pending' = 'pending';
  void promise.then((v) => (value = v));
  await Promise.resolve();
  await Promise.resolve();
  return value;
}

describe('the checkout page and the window that opened it', () => {
  it("says ready to the opener at once, with nothing but the channel ('*' is safe for that alone)", () => {
    linkToMerchant('popup', CHANNEL);
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted).toHaveBeenCalledWith({ ns: 'imp-checkout', v: 1, type: 'ready', channel: CHANNEL, payload: {} }, '*');
  });

  it('takes the request from the opener and learns the merchant origin from it', async () => {
    const link = linkToMerchant('popup', CHANNEL)!;
    deliver(request(), opener);
    expect(await settled(link.request)).toEqual({ payload: request().payload, origin: SHOP });
  });

  it.each([
    ['another window', () => deliver(request(), stranger)],
    ['no window', () => deliver(request(), null)],
    ['another channel', () => deliver(request('f'.repeat(32)), opener)],
    ['an opaque origin', () => deliver(request(), opener, 'null')],
    ['a non-http origin', () => deliver(request(), opener, 'chrome-extension://abc')],
    ['another protocol version', () => deliver({ ...request(), v: 2 }, opener)],
    ['a ready or result look-alike', () => deliver(envelope('result', CHANNEL, { response: { success: true } }), opener)],
    ['JSON text', () => deliver(JSON.stringify(request()), opener)],
    ['junk', () => [null, 42, 'IS_NEED_PIXEL_INJECT', { ns: 'imp-checkout' }, []].forEach((junk) => deliver(junk, opener))],
  ])('ignores a request from %s, without throwing', async (_, send) => {
    const link = linkToMerchant('popup', CHANNEL)!;
    expect(send).not.toThrow();
    expect(await settled(link.request)).toBe('pending');
    deliver(request(), opener); // the real one still gets through
    expect(await settled(link.request)).toMatchObject({ origin: SHOP });
  });

  it('opens once per page: a later request (another origin, other params) changes nothing', async () => {
    const link = linkToMerchant('popup', CHANNEL)!;
    deliver(request(), opener);
    deliver(request(CHANNEL, { amount: 1 }), opener, 'https://evil.example');
    const accepted = await settled(link.request);
    expect(accepted).toMatchObject({ origin: SHOP, payload: { params: { amount: 1000 } } });
    link.postResult({ success: true, imp_uid: 'imp_1' });
    expect(posted).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'result' }), SHOP);
  });

  it('posts one result, to the merchant origin only, after the request', async () => {
    const link = linkToMerchant('popup', CHANNEL)!;
    link.postResult({ success: true }); // before any request: nowhere to send it
    expect(posted).toHaveBeenCalledTimes(1); // just the ready
    deliver(request(), opener);
    await settled(link.request);
    link.postResult({ success: false, error_code: 'F0000' });
    link.postResult({ success: true });
    const results = posted.mock.calls.filter(([message]) => (message as { type: string }).type === 'result');
    expect(results).toEqual([
      [{ ns: 'imp-checkout', v: 1, type: 'result', channel: CHANNEL, payload: { response: { success: false, error_code: 'F0000' } } }, SHOP],
    ]);
  });

  it('repeats ready a few times until a request comes, then stops', async () => {
    const link = linkToMerchant('popup', CHANNEL)!;
    vi.advanceTimersByTime(2_000);
    expect(posted).toHaveBeenCalledTimes(3);
    deliver(request(), opener);
    await settled(link.request);
    vi.advanceTimersByTime(10_000);
    expect(posted).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up repeating ready after a few tries', () => {
    linkToMerchant('popup', CHANNEL);
    vi.advanceTimersByTime(60_000);
    expect(posted).toHaveBeenCalledTimes(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('has no one to talk to when not framed or not opened by a page', () => {
    expect(linkToMerchant('iframe', CHANNEL)).toBeNull(); // top-level: window.parent is window
    (window as { opener: unknown }).opener = null;
    expect(linkToMerchant('popup', CHANNEL)).toBeNull();
  });
});
