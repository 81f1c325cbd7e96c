// Popup mode: window.open in the caller's stack, a blocked popup reported,
// a user-closed popup turned into the F0000 cancel, the same handshake with
// the popup as the only trusted source. window.open is stubbed in the test only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import IMP from '../../src/index';
import { state } from '../../src/state';
import {
  MERCHANT,
  PAID,
  SERVICE,
  captureConsoleError,
  channelOf,
  deliver,
  expectNothingLeft,
  readyMessage,
  recorder,
  resultMessage,
  stubWindowOpen,
  trackListeners,
  useCleanSdk,
  type FakePopup,
} from './helpers';

useCleanSdk();

let listeners: ReturnType<typeof trackListeners>;
let consoleError: ReturnType<typeof captureConsoleError>;
beforeEach(() => {
  vi.useFakeTimers();
  listeners = trackListeners();
  consoleError = captureConsoleError();
  IMP.init(MERCHANT);
});

const ORDER = { amount: 1000, merchant_uid: 'order_1', pg: 'payco' };
const asWindow = (popup: FakePopup) => popup as unknown as Window;

describe('popup mode', () => {
  it('opens the popup synchronously inside request_pay, centred, at the popup checkout URL', () => {
    const { open, popups } = stubWindowOpen();
    void IMP.request_pay(ORDER);
    // Still inside the click handler's stack: the browser allows the popup.
    expect(open).toHaveBeenCalledTimes(1);
    const [url, name, features] = open.mock.calls[0]!;
    expect(url).toBe(`${SERVICE}/checkout/window?mode=popup&channel=${channelOf(String(url))}`);
    expect(name).toBe('_blank'); // a fresh window: never one another page opened under a known name
    expect(features).toMatch(/^popup,width=500,height=720,left=\d+,top=\d+$/);
    expect(popups).toHaveLength(1);
    expect(document.querySelector('[role="dialog"]')).toBeNull(); // no overlay behind a popup
  });

  it('runs the handshake with the popup as the only trusted source and closes it at the end', async () => {
    const { popups } = stubWindowOpen();
    const { callback, calls } = recorder();
    const promise = IMP.request_pay(ORDER, callback);
    const popup = popups[0]!;
    const channel = channelOf(popup.url);
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    deliver(readyMessage(channel), frame.contentWindow); // wrong source
    frame.remove();
    expect(popup.postMessage).not.toHaveBeenCalled();
    deliver(readyMessage(channel), asWindow(popup));
    expect(popup.postMessage).toHaveBeenCalledTimes(1);
    expect(popup.postMessage.mock.calls[0]![1]).toBe(SERVICE);
    expect(popup.postMessage.mock.calls[0]![0]).toMatchObject({ type: 'request', channel, payload: { action: 'payment' } });
    deliver(resultMessage(channel, PAID), asWindow(popup));
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response.success).toBe(true);
    expect(popup.closed).toBe(true);
    expectNothingLeft(listeners);
  });

  it('a blocked popup (null) ends with POPUP_BLOCKED, logged, nothing left', async () => {
    stubWindowOpen('blocked');
    const { callback, calls } = recorder();
    const response = await IMP.request_pay(ORDER, callback);
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ success: false, imp_success: false, imp_uid: null, merchant_uid: 'order_1', error_code: 'POPUP_BLOCKED' });
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/POPUP_BLOCKED.*click handler, before any await/));
    expectNothingLeft(listeners);
    // The next request is not refused as FLOW_IN_PROGRESS.
    stubWindowOpen();
    void IMP.request_pay(ORDER);
    expect(state.flow).not.toBeNull();
  });

  it.each(['throws', 'closed'] as const)('a window.open that %s is a blocked popup too', async (how) => {
    stubWindowOpen(how);
    expect((await IMP.request_pay(ORDER)).error_code).toBe('POPUP_BLOCKED');
    expectNothingLeft(listeners);
  });

  it('a popup the user closes becomes the F0000 cancel', async () => {
    const { popups } = stubWindowOpen();
    const { callback, calls } = recorder();
    const promise = IMP.request_pay(ORDER, callback);
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(0);
    popups[0]!.closed = true;
    vi.advanceTimersByTime(400);
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ error_code: 'F0000', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다', imp_uid: null });
    expect(consoleError).not.toHaveBeenCalled();
    expectNothingLeft(listeners);
  });

  it('a result queued just behind the popup closing still wins over the cancel', async () => {
    const { popups } = stubWindowOpen();
    const promise = IMP.request_pay(ORDER);
    const popup = popups[0]!;
    popup.closed = true;
    vi.advanceTimersByTime(150); // first poll sees it closed
    deliver(resultMessage(channelOf(popup.url), PAID), asWindow(popup));
    vi.advanceTimersByTime(1_000);
    expect((await promise).success).toBe(true);
  });

  it('IMP.close() closes the popup and reports the cancel', async () => {
    const { popups } = stubWindowOpen();
    const promise = IMP.request_pay(ORDER);
    IMP.close();
    expect(popups[0]!.closed).toBe(true);
    expect((await promise).error_code).toBe('F0000');
    expectNothingLeft(listeners);
  });

  it('times out when the popup page never says ready, and closes the popup', async () => {
    const { popups } = stubWindowOpen();
    state.readyTimeoutMs = 3_000;
    const promise = IMP.request_pay(ORDER);
    vi.advanceTimersByTime(3_000);
    expect((await promise).error_code).toBe('CHECKOUT_TIMEOUT');
    expect(popups[0]!.closed).toBe(true);
    expectNothingLeft(listeners);
  });

  it('certification with popup: true opens a popup', async () => {
    const { open } = stubWindowOpen();
    void IMP.certification({ merchant_uid: 'c1', popup: true });
    expect(String(open.mock.calls[0]![0])).toContain('mode=popup');
  });
});
