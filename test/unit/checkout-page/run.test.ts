// One checkout per page load (demo/sandbox/web/checkout/run.ts): the ending
// is delivered once, and a page that goes away before it sends the cancel
// as a beacon (the popup closed, the iframe removed by IMP.close()).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRun } from '../../../demo/sandbox/web/checkout/run';

let beacon: ReturnType<typeof vi.fn>;
beforeEach(() => {
  beacon = vi.fn(() => true);
  Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: beacon });
});
afterEach(() => {
  delete (navigator as { sendBeacon?: unknown }).sendBeacon;
});

const ENDING = { sdk_response: { success: true, imp_uid: 'imp_1' } };

describe('a checkout run', () => {
  it('delivers its ending once', () => {
    const deliver = vi.fn();
    const run = startRun({ mode: 'iframe', lang: 'ko', deliver });
    run.finish(ENDING);
    run.finish({ sdk_response: { success: false } });
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith(ENDING);
    expect(run.t.cancel).toBe('취소');
  });

  it('sends the cancel as a form-encoded beacon when the page goes away unfinished, once', () => {
    const run = startRun({ mode: 'popup', lang: 'en', deliver: vi.fn() });
    run.cancelOnLeave('/checkout/api/payments/imp_1/cancel', 'token-1');
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledTimes(1);
    const [path, body] = beacon.mock.calls[0]!;
    expect(path).toBe('/checkout/api/payments/imp_1/cancel');
    expect(body).toBeInstanceOf(URLSearchParams);
    expect(String(body)).toBe('checkout_token=token-1');
    run.finish(ENDING);
  });

  it('sends nothing when the checkout already ended (the SDK closing the window after the result)', () => {
    const run = startRun({ mode: 'iframe', lang: 'ko', deliver: vi.fn() });
    run.cancelOnLeave('/checkout/api/payments/imp_2/cancel', 'token-2');
    run.finish(ENDING);
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).not.toHaveBeenCalledWith('/checkout/api/payments/imp_2/cancel', expect.anything());
  });

  it('sends nothing before the checkout was opened (nothing to cancel yet)', () => {
    const run = startRun({ mode: 'iframe', lang: 'ko', deliver: vi.fn() });
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).not.toHaveBeenCalled();
    run.finish(ENDING);
  });
});
