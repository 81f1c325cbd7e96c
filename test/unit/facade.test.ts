// The IMP facade: the V1 surface, misuse reported (never thrown, never an
// alert), callback + promise settled once with the same object.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import IMP, * as named from '../../src/index';
import { ImpError } from '../../src/errors';
import { state } from '../../src/state';
import { MERCHANT, SERVICE, captureConsoleError, recorder, useCleanSdk } from './helpers';

useCleanSdk();

let consoleError: ReturnType<typeof captureConsoleError>;
let alert: ReturnType<typeof vi.fn>;
beforeEach(() => {
  consoleError = captureConsoleError();
  alert = vi.fn();
  vi.stubGlobal('alert', alert);
});

const ORDER = { amount: 1000, merchant_uid: 'order_1' };

/** A refused request: same object to callback and promise, logged with its code, no window opened. */
async function expectRefused(run: (cb: (r: unknown) => void) => Promise<unknown>, code: string, logged: RegExp) {
  const { callback, calls } = recorder();
  const response = await run(callback as (r: unknown) => void);
  expect(calls).toEqual([response]);
  expect(calls[0]).toBe(response);
  expect(response).toMatchObject({ success: false, imp_success: false, imp_uid: null, error_code: code });
  expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(logged));
  expect(alert).not.toHaveBeenCalled();
  expect(document.querySelector('iframe')).toBeNull();
  return response as Record<string, unknown>;
}

describe('the V1 surface', () => {
  it('has every V1 method, detached-callable, and the named exports are the same functions', () => {
    for (const method of ['init', 'agency', 'request_pay', 'certification', 'close', 'deinit', 'communicate', 'naver_zzim', 'loadUI', 'updateLoadUIRequest', 'loadModule', 'configure'] as const) {
      expect(typeof IMP[method]).toBe('function');
      expect(named[method]).toBe(IMP[method]);
    }
    expect(named.IMP).toBe(IMP);
    expect(named.default).toBe(IMP);
    expect(Object.keys(IMP)).not.toContain('version');
  });

  it('works with methods pulled off the object (const { init, request_pay } = IMP)', () => {
    const { init, request_pay } = IMP;
    init(MERCHANT);
    void request_pay(ORDER);
    expect(document.querySelector('iframe')).not.toBeNull();
  });

  it('leaves host globals alone: never reads $ or jQuery, never replaces window.open', async () => {
    const reads: string[] = [];
    for (const name of ['$', 'jQuery']) Object.defineProperty(window, name, { configurable: true, get: () => void reads.push(name) });
    const open = window.open;
    try {
      IMP.init(MERCHANT);
      const promise = IMP.request_pay(ORDER);
      IMP.close();
      await promise;
      expect(reads).toEqual([]);
      expect(window.open).toBe(open);
    } finally {
      delete (window as { $?: unknown }).$;
      delete (window as { jQuery?: unknown }).jQuery;
    }
  });

  it('request_pay in the same tick as init opens the checkout', () => {
    IMP.init(MERCHANT);
    void IMP.request_pay(ORDER);
    expect(state.flow).not.toBeNull();
  });

  it('never calls the callback inside request_pay itself', async () => {
    const { callback, calls } = recorder();
    const promise = IMP.request_pay(ORDER, callback);
    expect(calls).toHaveLength(0);
    await promise;
    expect(calls).toHaveLength(1);
  });

  it('returns a promise even without a callback, and ignores a callback that is not a function', async () => {
    expect((await IMP.request_pay(ORDER)).error_code).toBe('NOT_INITIALIZED');
    expect((await IMP.request_pay(ORDER, 'done' as never)).error_code).toBe('NOT_INITIALIZED');
  });
});

describe('misuse is reported through the callback, never thrown', () => {
  it('request_pay before init: NOT_INITIALIZED, telling what to call', async () => {
    const r = await expectRefused((cb) => IMP.request_pay(ORDER, cb), 'NOT_INITIALIZED', /NOT_INITIALIZED.*IMP\.init\(/);
    expect(r.merchant_uid).toBe('order_1');
  });

  it('certification before init: NOT_INITIALIZED too', async () => {
    await expectRefused((cb) => IMP.certification({ merchant_uid: 'c1' }, cb), 'NOT_INITIALIZED', /IMP\.certification/);
  });

  it('request_pay with no params: INVALID_PARAMS', async () => {
    IMP.init(MERCHANT);
    const r = await expectRefused((cb) => (IMP.request_pay as (p?: unknown, c?: unknown) => Promise<unknown>)(undefined, cb), 'INVALID_PARAMS', /INVALID_PARAMS.*params must be an object/);
    expect(r.merchant_uid).toBeNull();
  });

  it('request_pay with a bad amount: INVALID_PARAMS naming the field, merchant_uid echoed', async () => {
    IMP.init(MERCHANT);
    const r = await expectRefused((cb) => IMP.request_pay({ amount: '1,000', merchant_uid: 'order_9' }, cb), 'INVALID_PARAMS', /amount/);
    expect(r).toMatchObject({ merchant_uid: 'order_9', error_msg: expect.stringContaining('"1,000"') });
  });

  it.each([['imp1234'], ['IMP_12345678'], [''], [12345678], [undefined], [null], [{}]])(
    'init(%j): INVALID_MERCHANT_CODE on the next request',
    async (code) => {
      expect(() => IMP.init(code as string)).not.toThrow();
      await expectRefused((cb) => IMP.request_pay(ORDER, cb), 'INVALID_MERCHANT_CODE', /INVALID_MERCHANT_CODE.*imp12345678/);
    },
  );

  it.each([['a01'], ['A0'], ['A001'], ['A-1'], [''], [undefined], [101]])('agency(code, %j): INVALID_TIER_CODE', async (tier) => {
    expect(() => IMP.agency(MERCHANT, tier as string)).not.toThrow();
    await expectRefused((cb) => IMP.request_pay(ORDER, cb), 'INVALID_TIER_CODE', /INVALID_TIER_CODE/);
  });

  it.each([['IMP12345678', 'A01'], ['imp00000000', '001'], ['imp12345678', 'ZZZ']])('accepts %s / %s', (code, tier) => {
    IMP.agency(code, tier);
    void IMP.request_pay(ORDER);
    expect(state.flow).not.toBeNull();
    IMP.close();
  });

  it('a fixed init after a bad one works: nothing bad is remembered', () => {
    IMP.init('nope');
    IMP.init(MERCHANT);
    void IMP.request_pay(ORDER);
    expect(state.flow).not.toBeNull();
  });

  it('deinit closes an open window (F0000) and forgets the merchant', async () => {
    IMP.init(MERCHANT);
    const open = IMP.request_pay(ORDER);
    IMP.deinit();
    expect((await open).error_code).toBe('F0000');
    expect(document.querySelector('iframe')).toBeNull();
    await expectRefused((cb) => IMP.request_pay(ORDER, cb), 'NOT_INITIALIZED', /NOT_INITIALIZED/);
  });

  it('close() with nothing open does nothing', () => {
    expect(() => IMP.close()).not.toThrow();
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('configure({ serviceUrl })', () => {
  it('points the checkout at another service origin', () => {
    IMP.configure({ serviceUrl: 'https://pay.example.com/' });
    IMP.init(MERCHANT);
    void IMP.request_pay(ORDER);
    expect(document.querySelector('iframe')!.src).toMatch(/^https:\/\/pay\.example\.com\/checkout\/window\?mode=iframe&channel=/);
    expect(state.service).toBe('https://pay.example.com');
  });

  it.each([
    ['a path', 'https://pay.example.com/sandbox'],
    ['a query', 'https://pay.example.com/?x=1'],
    ['another scheme', 'ftp://pay.example.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['credentials', 'https://user:pw@pay.example.com'],
    ['junk', 'pay.example.com'],
    ['a non-string', 42],
  ])('refuses %s: logged now, INVALID_SERVICE_URL on requests until fixed', async (_, serviceUrl) => {
    IMP.configure({ serviceUrl: serviceUrl as string });
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('INVALID_SERVICE_URL'));
    IMP.init(MERCHANT);
    await expectRefused((cb) => IMP.request_pay(ORDER, cb), 'INVALID_SERVICE_URL', /INVALID_SERVICE_URL/);
    IMP.configure({ serviceUrl: 'http://127.0.0.1:4020' });
    void IMP.request_pay(ORDER);
    expect(document.querySelector('iframe')!.src.startsWith('http://127.0.0.1:4020/checkout/window')).toBe(true);
  });

  it('survives being called with nothing, or with options that throw', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); } });
    expect(() => IMP.configure(hostile as never)).not.toThrow();
    expect(() => (IMP.configure as (o?: unknown) => void)()).not.toThrow();
    expect(state.serviceError).not.toBe('');
    expect(state.service).toBe(SERVICE);
  });
});

describe('configure({ readyTimeoutMs })', () => {
  it('sets how long the checkout window has to answer, leaving the service alone', async () => {
    vi.useFakeTimers();
    try {
      IMP.configure({ readyTimeoutMs: 1_500 });
      expect(state.readyTimeoutMs).toBe(1_500);
      expect(state.serviceError).toBe('');
      expect(consoleError).not.toHaveBeenCalled();
      IMP.init(MERCHANT);
      const pending = IMP.request_pay(ORDER);
      expect(document.querySelector('iframe')!.src.startsWith(`${SERVICE}/checkout/window`)).toBe(true);
      vi.advanceTimersByTime(1_499);
      expect(document.querySelector('iframe')).not.toBeNull();
      vi.advanceTimersByTime(1);
      expect((await pending).error_code).toBe('CHECKOUT_TIMEOUT');
      expect(document.querySelector('iframe')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes both options in one call', () => {
    IMP.configure({ serviceUrl: 'https://pay.example.com', readyTimeoutMs: 60_000 });
    expect(state.service).toBe('https://pay.example.com');
    expect(state.readyTimeoutMs).toBe(60_000);
  });

  it.each([['too short', 999], ['too long', 120_001], ['a fraction', 1_500.5], ['a string', '5000'], ['NaN', Number.NaN]])(
    'refuses %s: logged, the previous timeout kept, the service untouched',
    (_, value) => {
      IMP.configure({ readyTimeoutMs: value as number });
      expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/INVALID_PARAMS.*readyTimeoutMs.*keeping 20000/));
      expect(state.readyTimeoutMs).toBe(20_000);
      expect(state.serviceError).toBe('');
      expect(state.service).toBe(SERVICE);
    },
  );
});

describe('the V1 methods imp-checkout does not support', () => {
  it.each(['communicate', 'naver_zzim', 'updateLoadUIRequest'] as const)('%s logs NOT_SUPPORTED', (method) => {
    expect(() => (IMP[method] as (...a: unknown[]) => void)('x', {})).not.toThrow();
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`NOT_SUPPORTED.*IMP\\.${method}`)));
  });

  it('loadUI answers NOT_SUPPORTED through its callback and promise', async () => {
    await expectRefused((cb) => IMP.loadUI('paypal-spb', { pg: 'paypal_v2' }, cb), 'NOT_SUPPORTED', /IMP\.loadUI/);
  });

  it('loadModule rejects with an ImpError of code NOT_SUPPORTED', async () => {
    const error = await IMP.loadModule('toss-brandpay', { userCode: MERCHANT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImpError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ImpError', code: 'NOT_SUPPORTED', message: expect.stringContaining('IMP.loadModule') });
  });
});
