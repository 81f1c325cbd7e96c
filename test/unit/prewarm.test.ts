// Prewarming (src/prewarm.ts): after IMP.init, in idle time, a hidden overlay
// whose frame loads the checkout page; the next iframe flow shows it and posts
// its request at once. What is checked: nothing happens at init but
// scheduling; the hidden frame's `ready` passes the same filters as a flow's;
// its channel serves exactly one flow and is then replaced; a frame that is
// not ready is never used; between flows exactly the one container remains
// (no listener, no timer); IMP.deinit and a new service remove it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import IMP from '../../src/index';
import { checkoutWindowUrl } from '../../src/protocol';
import { state } from '../../src/state';
import {
  MERCHANT,
  PAID,
  SERVICE,
  UA,
  captureConsoleError,
  channelOf,
  deliver,
  pendingTimers,
  pretendBrowser,
  readyMessage,
  recorder,
  resultMessage,
  stubWindowOpen,
  trackListeners,
  useCleanSdk,
  type RequestMessage,
} from './helpers';

useCleanSdk();

let listeners: ReturnType<typeof trackListeners>;
beforeEach(() => {
  vi.useFakeTimers();
  listeners = trackListeners();
  captureConsoleError();
  state.prewarm = true;
});

const ORDER = { amount: 1000, merchant_uid: 'order_1', name: 'Tea' };

/** Elements the SDK hung off <html> (the page's own are <head> and <body>). */
const containers = (): HTMLElement[] =>
  Array.from(document.documentElement.children).filter((el) => el.localName !== 'head' && el.localName !== 'body') as HTMLElement[];

/** init, then let the idle-time prewarm run (jsdom has no requestIdleCallback: the timeout fallback). */
function initAndWarm(): { container: HTMLElement; frame: HTMLIFrameElement; win: Window; channel: string; sent: ReturnType<typeof vi.fn> } {
  IMP.init(MERCHANT);
  vi.advanceTimersByTime(100);
  const [container] = containers();
  if (!container) throw new Error('no prewarmed container');
  const frame = container.querySelector('iframe')!;
  const sent = vi.fn();
  vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(sent);
  return { container, frame, win: frame.contentWindow!, channel: channelOf(frame.src), sent };
}

/** Exactly the one hidden container, and nothing else of the SDK on the page. */
function expectOnlyTheWarmContainer(): HTMLElement {
  const found = containers();
  expect(found).toHaveLength(1);
  expect(listeners.count('message')).toBe(0);
  expect(listeners.count('focusin')).toBe(0);
  expect(pendingTimers()).toBe(0);
  expect(state.flow).toBeNull();
  return found[0]!;
}

function expectNothingOfTheSdk(): void {
  expect(containers()).toHaveLength(0);
  expect(listeners.count('message')).toBe(0);
  expect(pendingTimers()).toBe(0);
}

describe('prewarming after IMP.init', () => {
  it('does nothing inside init but schedule: no node, no listener; the frame comes in idle time', () => {
    IMP.init(MERCHANT);
    expect(containers()).toHaveLength(0);
    expect(listeners.count('message')).toBe(0);
    expect(pendingTimers()).toBe(1); // the idle-time fallback
    vi.advanceTimersByTime(100);
    expect(containers()).toHaveLength(1);
  });

  it('uses requestIdleCallback where the browser has it (no timer at all)', () => {
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    IMP.init(MERCHANT);
    expect(idle).toHaveBeenCalledTimes(1);
    expect(pendingTimers()).toBe(0);
    expect(containers()).toHaveLength(0);
    idle.mock.calls[0]![0]();
    expect(containers()).toHaveLength(1);
    vi.unstubAllGlobals();
  });

  it('waits for the page load event before scheduling (a new frame would delay the merchant\'s own load)', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    IMP.init(MERCHANT);
    expect(listeners.count('load')).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(containers()).toHaveLength(0);
    window.dispatchEvent(new Event('load'));
    window.dispatchEvent(new Event('load')); // a once listener: the second does nothing
    vi.advanceTimersByTime(100);
    expect(containers()).toHaveLength(1);
  });

  it('builds the overlay hidden: no role, not visible, loading the checkout window with a fresh channel', () => {
    const { container, frame, channel } = initAndWarm();
    expect(container.hasAttribute('role')).toBe(false);
    expect(container.hasAttribute('aria-modal')).toBe(false);
    expect([container.style.getPropertyValue('visibility'), container.style.getPropertyPriority('visibility')]).toEqual(['hidden', 'important']);
    // The frame and the focus guards inherit it: nothing of it is painted, clickable or focusable.
    for (const child of Array.from(container.children) as HTMLElement[]) expect(getComputedStyle(child).visibility).toBe('hidden');
    expect(container.style.getPropertyValue('position')).toBe('fixed');
    expect(frame.src).toBe(checkoutWindowUrl(SERVICE, channel, 'iframe'));
    expect(channel).toMatch(/^[0-9a-f]{32}$/);
    // Until its frame says ready: one message listener and the give-up timer.
    expect(listeners.count('message')).toBe(1);
    expect(pendingTimers()).toBe(1);
    expect(document.activeElement).toBe(document.body);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('schedules one prewarm however often init is called, and keeps it across init calls', () => {
    IMP.init(MERCHANT);
    IMP.init(MERCHANT);
    IMP.agency(MERCHANT, 'A01');
    expect(pendingTimers()).toBe(1);
    vi.advanceTimersByTime(100);
    const [first] = containers();
    IMP.init(MERCHANT);
    vi.advanceTimersByTime(100);
    expect(containers()).toEqual([first]);
  });

  it('after its ready: exactly the hidden container remains, no listener and no timer', () => {
    const { win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    expectOnlyTheWarmContainer();
  });

  it.each([
    ['the wrong origin', (win: Window, channel: string) => deliver(readyMessage(channel), win, 'http://evil.example')],
    ['the wrong source', (_: Window, channel: string) => deliver(readyMessage(channel), window)],
    ['the wrong channel', (win: Window) => deliver(readyMessage('f'.repeat(32)), win)],
    ['a malformed message', (win: Window, channel: string) => deliver({ ...readyMessage(channel), v: 2 }, win)],
  ])('a ready from %s does not count: the frame is not used', async (_, send) => {
    const { win, channel, sent } = initAndWarm();
    send(win, channel);
    expect(listeners.count('message')).toBe(1);
    IMP.request_pay(ORDER);
    // Not ready: dropped, and the flow opens its own frame on a new channel.
    expect(sent).not.toHaveBeenCalled();
    const frames = document.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    expect(channelOf(frames[0]!.src)).not.toBe(channel);
  });
});

describe('a flow that takes the prewarmed checkout', () => {
  it('shows the same frame as the modal dialog and posts the request at once, on the prewarm channel, to the service only', async () => {
    const { container, frame, win, channel, sent } = initAndWarm();
    deliver(readyMessage(channel), win);
    const { callback, calls } = recorder();
    const promise = IMP.request_pay(ORDER, callback);
    expect(containers()).toEqual([container]);
    expect(container.getAttribute('role')).toBe('dialog');
    expect(container.getAttribute('aria-modal')).toBe('true');
    expect(container.getAttribute('aria-label')).toBe('결제');
    expect(container.style.getPropertyValue('visibility')).toBe('visible');
    expect(getComputedStyle(frame).visibility).toBe('visible');
    expect(container.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(document.activeElement).toBe(frame);
    expect([document.documentElement.style.getPropertyValue('overflow'), document.documentElement.style.getPropertyPriority('overflow')]).toEqual(['hidden', 'important']);
    expect(sent).toHaveBeenCalledTimes(1);
    const [message, target] = sent.mock.calls[0]! as [RequestMessage, string];
    expect(target).toBe(SERVICE);
    expect(message).toMatchObject({ type: 'request', channel, payload: { action: 'payment', params: { amount: 1000, user_code: MERCHANT } } });

    deliver(resultMessage(channel, PAID), win);
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ success: true, imp_uid: PAID.imp_uid });
    // The used frame is gone with its channel; a new one is warmed in idle time, on a new channel.
    expect(container.isConnected).toBe(false);
    expect(containers()).toHaveLength(0);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    vi.advanceTimersByTime(100);
    const [next] = containers();
    expect(next).toBeDefined();
    expect(channelOf(next!.querySelector('iframe')!.src)).not.toBe(channel);
  });

  it('filters the flow\'s messages as a cold flow does: the result must come from that frame, origin and channel', async () => {
    const { win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    const { callback, calls } = recorder();
    IMP.request_pay(ORDER, callback);
    deliver(resultMessage(channel, PAID), win, 'http://evil.example');
    deliver(resultMessage(channel, PAID), window);
    deliver(resultMessage('0'.repeat(32), PAID), win);
    await Promise.resolve();
    expect(calls).toHaveLength(0);
    deliver(resultMessage(channel, PAID), win);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
  });

  it('has no ready timeout (the page is known to listen); IMP.close() still cancels it', async () => {
    const { win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    const { callback, calls } = recorder();
    IMP.request_pay(ORDER, callback);
    expect(pendingTimers()).toBe(0);
    IMP.close();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ error_code: 'F0000', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' });
  });

  it('leaves the page as before after every flow: the one hidden container, nothing else', async () => {
    for (let i = 0; i < 5; i++) {
      const { win, channel } = i === 0 ? initAndWarm() : warmedAgain();
      deliver(readyMessage(channel), win);
      expectOnlyTheWarmContainer();
      const promise = IMP.request_pay({ ...ORDER, merchant_uid: `order_${i}` });
      deliver(resultMessage(channel, PAID), win);
      await promise;
      vi.advanceTimersByTime(100);
    }
    function warmedAgain() {
      const [container] = containers();
      const frame = container!.querySelector('iframe')!;
      return { win: frame.contentWindow!, channel: channelOf(frame.src) };
    }
  });

  it('posts the request before it shows the dialog (the page starts while the merchant page lays out)', () => {
    const { container, win, channel, sent } = initAndWarm();
    deliver(readyMessage(channel), win);
    let roleWhenPosted: string | null = 'not posted';
    sent.mockImplementation(() => (roleWhenPosted = container.getAttribute('role')));
    IMP.request_pay(ORDER);
    expect(roleWhenPosted).toBeNull();
    expect(container.getAttribute('role')).toBe('dialog');
  });

  it('a page whose focus() throws: INTERNAL_ERROR, and the prewarmed dialog is gone with its channel', async () => {
    const { container, win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(() => {
      throw new Error('focus is managed elsewhere');
    });
    const { callback, calls } = recorder();
    IMP.request_pay(ORDER, callback);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ error_code: 'INTERNAL_ERROR', error_msg: expect.stringContaining('focus is managed elsewhere') });
    expect(container.isConnected).toBe(false);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(listeners.count('focusin')).toBe(0);
    // What remains is at most the next prewarm (scheduled when the flow ended), hidden, on a new channel.
    for (const next of containers()) {
      expect(next.hasAttribute('role')).toBe(false);
      expect(channelOf(next.querySelector('iframe')!.src)).not.toBe(channel);
    }
  });

  it('is not used for a popup flow, and stays for the next overlay', async () => {
    const { container, win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    const { popups } = stubWindowOpen();
    IMP.request_pay({ ...ORDER, popup: true });
    expect(popups).toHaveLength(1);
    expect(channelOf(popups[0]!.url)).not.toBe(channel);
    expect(containers()).toEqual([container]);
    expect(container.hasAttribute('role')).toBe(false);
    IMP.close();
  });

  it('is not used, but removed, when the page put the container elsewhere or removed it', () => {
    const { container, win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    container.remove();
    IMP.request_pay(ORDER);
    const frames = document.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    expect(channelOf(frames[0]!.src)).not.toBe(channel);
  });
});

describe('undoing it', () => {
  it('a frame that never says ready is dropped after readyTimeoutMs, leaving nothing', () => {
    initAndWarm();
    vi.advanceTimersByTime(state.readyTimeoutMs);
    expectNothingOfTheSdk();
    expect(state.warm).toBeNull();
  });

  it('IMP.deinit removes the prewarmed checkout', () => {
    const { win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    IMP.deinit();
    expectNothingOfTheSdk();
  });

  it('IMP.deinit before the idle time comes: nothing is built', () => {
    IMP.init(MERCHANT);
    IMP.deinit();
    vi.advanceTimersByTime(100);
    expectNothingOfTheSdk();
  });

  it('IMP.deinit while it is loading removes its listener and timer too', () => {
    initAndWarm();
    IMP.deinit();
    expectNothingOfTheSdk();
  });

  it('a new service drops the frame of the old one and warms the new one', () => {
    const { win, channel } = initAndWarm();
    deliver(readyMessage(channel), win);
    IMP.configure({ serviceUrl: 'https://pay.example.com' });
    expect(containers()).toHaveLength(0);
    vi.advanceTimersByTime(100);
    const frame = containers()[0]!.querySelector('iframe')!;
    expect(frame.src.startsWith('https://pay.example.com/checkout/window?mode=iframe&channel=')).toBe(true);
  });

  it('is never used for another service', () => {
    const { win, channel, sent } = initAndWarm();
    deliver(readyMessage(channel), win);
    state.service = 'https://pay.example.com'; // as if set without configure (the script tag of a second copy)
    IMP.request_pay(ORDER);
    expect(sent).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')!.src.startsWith('https://pay.example.com/')).toBe(true);
  });
});

describe('where it does not happen', () => {
  it('on phones and tablets', () => {
    pretendBrowser(UA.iphone, 5);
    IMP.init(MERCHANT);
    vi.advanceTimersByTime(1000);
    expectNothingOfTheSdk();
  });

  it('when prewarming is off', () => {
    state.prewarm = false;
    IMP.init(MERCHANT);
    vi.advanceTimersByTime(1000);
    expectNothingOfTheSdk();
  });

  it('while a flow is open (it is scheduled when the flow ends)', async () => {
    state.prewarm = false;
    IMP.init(MERCHANT);
    const { callback, calls } = recorder();
    IMP.request_pay(ORDER, callback);
    state.prewarm = true;
    IMP.init(MERCHANT);
    vi.advanceTimersByTime(100);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    IMP.close();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    vi.advanceTimersByTime(100);
    expect(containers()).toHaveLength(1);
    expect(containers()[0]!.hasAttribute('role')).toBe(false);
  });
});
