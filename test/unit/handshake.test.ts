// The iframe flow end to end against a fake checkout window: the handshake
// (ready → request → result), every message that must be dropped, the
// timeout, close(), and what is left on the page afterwards (nothing).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import IMP from '../../src/index';
import { state } from '../../src/state';
import type { ImpResponse } from '../../src/types';
import {
  MERCHANT,
  NAMESPACE,
  PAID,
  PROTOCOL_VERSION,
  SERVICE,
  captureConsoleError,
  checkoutFrame,
  deliver,
  expectNothingLeft,
  pendingTimers,
  readyMessage,
  recorder,
  resultMessage,
  trackListeners,
  useCleanSdk,
  type RequestMessage,
} from './helpers';

useCleanSdk();

let listeners: ReturnType<typeof trackListeners>;
let consoleError: ReturnType<typeof captureConsoleError>;
beforeEach(() => {
  vi.useFakeTimers();
  listeners = trackListeners();
  consoleError = captureConsoleError();
});

const ORDER = { amount: 1000, merchant_uid: 'order_1', name: 'Tea', pg: 'html5_inicis' };

function openPayment(params: Record<string, unknown> = ORDER) {
  const { callback, calls } = recorder();
  IMP.init(MERCHANT);
  const promise = IMP.request_pay(params as never, callback);
  return { calls, promise, ...checkoutFrame() };
}

/** The request envelopes the SDK posted to the checkout window. */
const requests = (sent: ReturnType<typeof vi.fn>) => sent.mock.calls.map(([message]) => message as RequestMessage);

describe('the iframe handshake', () => {
  it('opens the checkout window of the service with a fresh channel, answers ready with the request, settles on result', async () => {
    const { frame, win, channel, sent, calls, promise } = openPayment();
    expect(frame.src).toBe(`${SERVICE}/checkout/window?mode=iframe&channel=${channel}`);
    expect(channel).toMatch(/^[0-9a-f]{32}$/);

    deliver(readyMessage(channel), win);
    expect(sent).toHaveBeenCalledTimes(1);
    const [message, targetOrigin] = sent.mock.calls[0]!;
    expect(targetOrigin).toBe(SERVICE);
    expect(message).toEqual({
      ns: NAMESPACE,
      v: PROTOCOL_VERSION,
      type: 'request',
      channel,
      payload: {
        action: 'payment',
        sdk: '0.1.0',
        params: { amount: 1000, merchant_uid: 'order_1', name: 'Tea', pg: 'html5_inicis', pay_method: 'card', currency: 'KRW', user_code: MERCHANT },
      },
    });

    deliver(resultMessage(channel, PAID), win);
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(calls[0]).toBe(response);
    expect(response).toMatchObject({ success: true, imp_success: true, imp_uid: PAID.imp_uid, merchant_uid: 'order_1', paid_amount: 1000 });
    expectNothingLeft(listeners);
  });

  it('uses a new channel for every flow', async () => {
    const first = openPayment();
    deliver(resultMessage(first.channel, PAID), first.win);
    await first.promise;
    const second = openPayment();
    expect(second.channel).not.toBe(first.channel);
    // The old channel cannot answer for the new flow.
    deliver(resultMessage(first.channel, PAID), second.win);
    await Promise.resolve();
    expect(second.calls).toHaveLength(0);
  });

  it('re-sends the request once per ready (a reloaded checkout page)', () => {
    const { win, channel, sent } = openPayment();
    deliver(readyMessage(channel), win);
    deliver(readyMessage(channel), win);
    expect(requests(sent)).toHaveLength(2);
    expect(requests(sent)[1]).toEqual(requests(sent)[0]);
  });

  it('ignores a second result and anything after teardown', async () => {
    const { win, channel, sent, calls, promise } = openPayment();
    deliver(resultMessage(channel, PAID), win);
    deliver(resultMessage(channel, { success: false, error_code: 'X', error_msg: 'late' }), win);
    const response = await promise;
    deliver(readyMessage(channel), win);
    deliver(resultMessage(channel, { success: false }), win);
    await Promise.resolve();
    expect(calls).toEqual([response]);
    expect(response.success).toBe(true);
    expect(sent).not.toHaveBeenCalled();
    expectNothingLeft(listeners);
  });
});

describe('messages that must be dropped', () => {
  const drops: [string, (ctx: { win: Window; channel: string }) => void][] = [
    ['wrong origin', ({ win, channel }) => deliver(resultMessage(channel, PAID), win, 'http://evil.example')],
    ['origin that only starts like the service', ({ win, channel }) => deliver(resultMessage(channel, PAID), win, `${SERVICE}0`)],
    ['https instead of http', ({ win, channel }) => deliver(resultMessage(channel, PAID), win, SERVICE.replace('http:', 'https:'))],
    ['opaque origin', ({ win, channel }) => deliver(resultMessage(channel, PAID), win, 'null')],
    ['empty origin (jsdom postMessage)', ({ win, channel }) => deliver(resultMessage(channel, PAID), win, '')],
    ['wrong source: the merchant page itself', ({ channel }) => deliver(resultMessage(channel, PAID), window)],
    ['wrong source: another frame', ({ channel }) => {
      const other = document.createElement('iframe');
      document.body.appendChild(other);
      deliver(resultMessage(channel, PAID), other.contentWindow);
      other.remove();
    }],
    ['no source', ({ channel }) => deliver(resultMessage(channel, PAID), null)],
    ['wrong channel', ({ win }) => deliver(resultMessage('f'.repeat(32), PAID), win)],
    ['wrong protocol version', ({ win, channel }) => deliver({ ...resultMessage(channel, PAID), v: PROTOCOL_VERSION + 1 }, win)],
    ['wrong namespace (V1 iamport messages)', ({ win, channel }) => deliver({ ...resultMessage(channel, PAID), ns: 'iamport-sdk' }, win)],
    ['result without a boolean success', ({ win, channel }) => deliver(resultMessage(channel, { success: 'true' }), win)],
    ['a JSON string of a good message', ({ win, channel }) => deliver(JSON.stringify(resultMessage(channel, PAID)), win)],
    ['junk from extensions', ({ win }) => {
      for (const data of [null, undefined, 42, 'IS_NEED_PIXEL_INJECT', [], { action: 'done' }, new Date()]) deliver(data, win);
    }],
    ['a hostile object', ({ win }) => {
      deliver(new Proxy({}, { get() { throw new Error('boom'); }, getPrototypeOf() { throw new Error('boom'); } }), win);
      deliver(Object.defineProperty({}, 'ns', { get() { throw new Error('boom'); } }), win);
    }],
    ['a request echoed back', ({ win, channel }) =>
      deliver({ ns: NAMESPACE, v: PROTOCOL_VERSION, type: 'request', channel, payload: { action: 'payment', params: {}, sdk: 'x' } }, win)],
  ];

  it.each(drops)('%s: ignored without a throw, the flow stays open', async (_, send) => {
    const { win, channel, sent, calls } = openPayment();
    expect(() => send({ win, channel })).not.toThrow();
    // The same checks apply to `ready`: the request is never handed to a stranger.
    await Promise.resolve();
    expect(calls).toHaveLength(0);
    expect(sent).not.toHaveBeenCalled();
    expect(state.flow).not.toBeNull();
    // ...and the genuine window can still finish the flow.
    deliver(resultMessage(channel, PAID), win);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.success).toBe(true);
  });

  it('a ready from the wrong origin does not get the request', () => {
    const { win, channel, sent } = openPayment();
    deliver(readyMessage(channel), win, 'http://evil.example');
    deliver(readyMessage(channel), window);
    deliver(readyMessage('0'.repeat(32)), win);
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('the response', () => {
  it('gives back the merchant custom_data object, not the service copy', async () => {
    const custom_data = { order: 7, lines: [{ sku: 'a' }] };
    const { win, channel, promise } = openPayment({ ...ORDER, custom_data });
    deliver(resultMessage(channel, PAID), win);
    expect((await promise).custom_data).toBe(custom_data);
  });

  it('is a plain JSON object with both flags even when the service sends little', async () => {
    const { win, channel, promise } = openPayment();
    deliver(resultMessage(channel, { success: false, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' }), win);
    const response = await promise;
    expect(response).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'order_1',
      error_code: 'F1002',
      error_msg: '이미 결제가 이루어진 거래건입니다.',
    });
    expect(Object.getPrototypeOf(response)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(response))).toEqual(response);
  });

  it('keeps the service fields (vbank, customer_uid) and forces the flags to booleans', async () => {
    const { win, channel, promise } = openPayment();
    const vbank = { ...PAID, imp_success: 'yes', vbank_num: '123-456', vbank_date: 1_700_000_000, customer_uid: 'cu_1' };
    deliver(resultMessage(channel, vbank), win);
    const response = await promise;
    expect(response).toMatchObject({ success: true, imp_success: true, vbank_num: '123-456', vbank_date: 1_700_000_000, customer_uid: 'cu_1' });
  });
});

describe('ending a flow', () => {
  it('times out with CHECKOUT_TIMEOUT when the checkout page never says ready', async () => {
    state.readyTimeoutMs = 5_000;
    const { calls, promise } = openPayment();
    vi.advanceTimersByTime(4_999);
    expect(state.flow).not.toBeNull();
    vi.advanceTimersByTime(1);
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ success: false, imp_uid: null, merchant_uid: 'order_1', error_code: 'CHECKOUT_TIMEOUT' });
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('CHECKOUT_TIMEOUT'));
    expectNothingLeft(listeners);
  });

  it('does not time out once the page said ready (the buyer may take their time)', () => {
    const { win, channel, calls } = openPayment();
    deliver(readyMessage(channel), win);
    expect(pendingTimers()).toBe(0);
    vi.advanceTimersByTime(10 * 60_000);
    expect(calls).toHaveLength(0);
    expect(state.flow).not.toBeNull();
  });

  it('IMP.close() ends the flow as a user cancel (F0000)', async () => {
    const { win, channel, calls, promise } = openPayment();
    deliver(readyMessage(channel), win);
    IMP.close();
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'order_1',
      error_code: 'F0000',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
    expect(consoleError).not.toHaveBeenCalled();
    expectNothingLeft(listeners);
  });

  it('IMP.close() during a certification: F0000 with the certification text the service also records', async () => {
    IMP.init(MERCHANT);
    const promise = IMP.certification({ merchant_uid: 'cert_1' });
    const { win, channel } = checkoutFrame();
    deliver(readyMessage(channel), win);
    IMP.close();
    expect(await promise).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'cert_1',
      error_code: 'F0000',
      error_msg: '[본인인증포기] 사용자가 본인인증을 취소하셨습니다',
    });
    expect(consoleError).not.toHaveBeenCalled();
    expectNothingLeft(listeners);
  });

  it('a callback that throws is logged, and the SDK stays usable', async () => {
    const first = vi.fn(() => {
      throw new Error('merchant bug');
    });
    IMP.init(MERCHANT);
    const promise = IMP.request_pay(ORDER, first);
    const { win, channel } = checkoutFrame();
    deliver(resultMessage(channel, PAID), win);
    expect((await promise).success).toBe(true);
    expect(first).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('callback failed'), expect.objectContaining({ message: 'merchant bug' }));
    expectNothingLeft(listeners);
    const again = openPayment();
    deliver(resultMessage(again.channel, PAID), again.win);
    expect((await again.promise).success).toBe(true);
  });

  it('an async callback that rejects is logged, not left unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      IMP.init(MERCHANT);
      const promise = IMP.request_pay(ORDER, async () => {
        throw new Error('async merchant bug');
      });
      const { win, channel } = checkoutFrame();
      deliver(resultMessage(channel, PAID), win);
      await promise;
      await vi.waitFor(() =>
        expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('callback failed'), expect.objectContaining({ message: 'async merchant bug' })),
      );
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('calls the callback before the promise resolves, each once, with the same object', async () => {
    const order: string[] = [];
    let fromCallback: ImpResponse | undefined;
    IMP.init(MERCHANT);
    const promise = IMP.request_pay(ORDER, (r) => {
      order.push('callback');
      fromCallback = r;
    });
    void promise.then(() => order.push('promise'));
    const { win, channel } = checkoutFrame();
    deliver(resultMessage(channel, PAID), win);
    expect(order).toEqual([]); // never inside the message handler's stack
    const fromPromise = await promise;
    await Promise.resolve();
    expect(order).toEqual(['callback', 'promise']);
    expect(fromPromise).toBe(fromCallback);
  });
});

describe('state while a flow is open', () => {
  it('a second request_pay gets FLOW_IN_PROGRESS; the open flow keeps running', async () => {
    const open = openPayment();
    const second = recorder();
    const refused = await IMP.request_pay({ amount: 5, merchant_uid: 'order_2' }, second.callback);
    expect(second.calls).toEqual([refused]);
    expect(refused).toMatchObject({ success: false, error_code: 'FLOW_IN_PROGRESS', merchant_uid: 'order_2', imp_uid: null });
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('FLOW_IN_PROGRESS'));
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    const certification = await IMP.certification({ merchant_uid: 'c1' });
    expect(certification.error_code).toBe('FLOW_IN_PROGRESS');
    deliver(resultMessage(open.channel, PAID), open.win);
    expect((await open.promise).success).toBe(true);
  });

  it('init with the same code while open leaves the flow running and stacks nothing', async () => {
    const { win, channel, sent, promise } = openPayment();
    for (let i = 0; i < 3; i++) IMP.init(MERCHANT);
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(listeners.count('message')).toBe(1);
    deliver(readyMessage(channel), win);
    expect(requests(sent)[0]!.payload.params.user_code).toBe(MERCHANT);
    deliver(resultMessage(channel, PAID), win);
    expect((await promise).success).toBe(true);
  });

  it('init with another code while open: the open flow keeps its merchant, the next request uses the new one', async () => {
    const { win, channel, sent, promise } = openPayment();
    IMP.agency('imp99999999', 'B02');
    deliver(readyMessage(channel), win);
    expect(requests(sent)[0]!.payload.params).toMatchObject({ user_code: MERCHANT });
    expect(requests(sent)[0]!.payload.params).not.toHaveProperty('tier_code');
    deliver(resultMessage(channel, PAID), win);
    await promise;
    IMP.request_pay(ORDER);
    const next = checkoutFrame();
    deliver(readyMessage(next.channel), next.win);
    expect(requests(next.sent)[0]!.payload.params).toMatchObject({ user_code: 'imp99999999', tier_code: 'B02' });
  });
});

describe('merchant and tier codes on the wire', () => {
  const paramsSent = (): Record<string, unknown> => {
    const { win, channel, sent } = checkoutFrame();
    deliver(readyMessage(channel), win);
    const params = requests(sent)[0]!.payload.params;
    IMP.close();
    return params;
  };

  it('agency attaches tier_code to payments and certifications; init after agency drops it', async () => {
    IMP.agency(MERCHANT, 'A01');
    void IMP.request_pay(ORDER);
    expect(paramsSent()).toMatchObject({ user_code: MERCHANT, tier_code: 'A01' });
    void IMP.certification({ merchant_uid: 'c1' });
    expect(paramsSent()).toMatchObject({ user_code: MERCHANT, tier_code: 'A01', merchant_uid: 'c1' });
    IMP.init(MERCHANT);
    void IMP.request_pay({ ...ORDER, tier_code: 'ZZZ' });
    const params = paramsSent();
    expect(params.user_code).toBe(MERCHANT);
    expect(params).not.toHaveProperty('tier_code');
  });

  it('sends the merchant code trimmed and in lower case', () => {
    IMP.init(' IMP12345678 ');
    void IMP.request_pay(ORDER);
    expect(paramsSent().user_code).toBe('imp12345678');
  });

  it('certification sends its own params: no amount, pay_method or currency added', () => {
    IMP.init(MERCHANT);
    void IMP.certification({ merchant_uid: 'c1', pg: 'danal', min_age: 19 });
    expect(document.querySelector('[role=dialog]')!.getAttribute('aria-label')).toBe('본인인증');
    const { win, channel, sent } = checkoutFrame();
    deliver(readyMessage(channel), win);
    expect(requests(sent)[0]!.payload).toEqual({
      action: 'certification',
      sdk: '0.1.0',
      params: { merchant_uid: 'c1', pg: 'danal', min_age: 19, user_code: MERCHANT },
    });
  });
});
