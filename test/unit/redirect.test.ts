// Redirect mode (mobile + m_redirect_url): a top-level form POST to the
// service's /checkout/redirect with the request as JSON; no callback (V1), and
// nothing left behind should the navigation not happen.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import IMP from '../../src/index';
import { state } from '../../src/state';
import {
  MERCHANT,
  SERVICE,
  UA,
  captureConsoleError,
  expectNothingLeft,
  pretendBrowser,
  recorder,
  trackListeners,
  useCleanSdk,
} from './helpers';

useCleanSdk();

interface Submitted {
  method: string;
  action: string;
  target: string;
  fields: Record<string, string>;
  inDocument: boolean;
}

let submitted: Submitted[];
let listeners: ReturnType<typeof trackListeners>;
beforeEach(() => {
  vi.useFakeTimers();
  listeners = trackListeners();
  captureConsoleError();
  submitted = [];
  // jsdom cannot navigate; record what the browser would have sent.
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    const fields = Object.fromEntries([...new FormData(this)].map(([k, v]) => [k, String(v)]));
    submitted.push({ method: this.method, action: this.action, target: this.target, fields, inDocument: this.isConnected });
  });
  pretendBrowser(UA.iphone, 5);
  IMP.init(MERCHANT);
});

const requestOf = (s: Submitted) => JSON.parse(s.fields.request!) as { action: string; params: Record<string, unknown>; sdk: string };

describe('redirect mode', () => {
  it('posts the request to the service, with m_redirect_url made absolute', async () => {
    const { callback, calls } = recorder();
    void IMP.request_pay({ amount: '1000', merchant_uid: 'order_1', m_redirect_url: '/order/done?x=1#top', custom_data: { a: 1 } }, callback);
    expect(submitted).toHaveLength(1);
    const form = submitted[0]!;
    expect(form).toMatchObject({ method: 'post', action: `${SERVICE}/checkout/redirect`, target: '', inDocument: true });
    expect(Object.keys(form.fields)).toEqual(['request']);
    expect(requestOf(form)).toEqual({
      action: 'payment',
      sdk: '0.1.0',
      params: {
        amount: 1000,
        merchant_uid: 'order_1',
        m_redirect_url: new URL('/order/done?x=1#top', location.href).href,
        custom_data: { a: 1 },
        pay_method: 'card',
        currency: 'KRW',
        user_code: MERCHANT,
      },
    });
    // V1 calls no callback in redirect mode; the page is about to unload.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(0);
  });

  it('leaves no form, listener, timer or open flow behind (a cancelled navigation changes nothing)', () => {
    void IMP.request_pay({ amount: 1000, m_redirect_url: 'https://shop.example.com/done' });
    expect(submitted).toHaveLength(1);
    expectNothingLeft(listeners);
    void IMP.request_pay({ amount: 1000, m_redirect_url: 'https://shop.example.com/done' });
    expect(submitted).toHaveLength(2);
  });

  it('carries the tier code in agency mode, and works for certification', () => {
    IMP.agency(MERCHANT, 'A01');
    void IMP.certification({ merchant_uid: 'c1', m_redirect_url: 'https://shop.example.com/cert' });
    expect(requestOf(submitted[0]!)).toEqual({
      action: 'certification',
      sdk: '0.1.0',
      params: { merchant_uid: 'c1', m_redirect_url: 'https://shop.example.com/cert', user_code: MERCHANT, tier_code: 'A01' },
    });
  });

  it('uses the configured service', () => {
    IMP.configure({ serviceUrl: 'https://pay.example.com' });
    void IMP.request_pay({ amount: 1, m_redirect_url: '/done' });
    expect(submitted[0]!.action).toBe('https://pay.example.com/checkout/redirect');
  });

  it('a mobile page without m_redirect_url stays in the iframe overlay', () => {
    void IMP.request_pay({ amount: 1000 });
    expect(submitted).toHaveLength(0);
    expect(document.querySelector('iframe')!.src).toContain('mode=iframe');
    expect(state.flow).not.toBeNull();
  });

  it('a page that cannot build the form gets INTERNAL_ERROR, not an exception', async () => {
    vi.spyOn(document, 'createElement').mockImplementation(() => {
      throw new Error('DOM locked down');
    });
    const response = await IMP.request_pay({ amount: 1, merchant_uid: 'o1', m_redirect_url: '/done' });
    expect(response).toMatchObject({ success: false, error_code: 'INTERNAL_ERROR', merchant_uid: 'o1' });
  });

  it.each([
    ['an Error', () => new Error('navigation blocked')],
    ['a value String() cannot convert', () => Object.create(null) as unknown],
  ])('a page whose form.submit() throws %s gets INTERNAL_ERROR, and no form is left (found by the fuzz suite)', async (_, thrown) => {
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {
      throw thrown();
    });
    const { callback, calls } = recorder();
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = IMP.request_pay({ amount: 1, merchant_uid: 'o1', m_redirect_url: '/done' }, callback))).not.toThrow();
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ success: false, error_code: 'INTERNAL_ERROR', merchant_uid: 'o1', error_msg: expect.stringContaining('could not open the checkout') });
    expect(document.querySelector('form')).toBeNull();
    expectNothingLeft(listeners);
  });
});
