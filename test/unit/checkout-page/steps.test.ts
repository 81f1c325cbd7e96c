// The checkout API's one rule as the page applies it (demo/sandbox/web/
// checkout/steps.ts): an answer with sdk_response ends the checkout, except a
// 400 to an approval (the buyer's input, to fix in the window); a buyer who
// cancels gets out even when the service cannot be reached.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ending } from '../../../demo/sandbox/web/checkout/api';
import type { Run } from '../../../demo/sandbox/web/checkout/run';
import type { Sheet } from '../../../demo/sandbox/web/checkout/sheet';
import { decide, localCancel, openCheckout } from '../../../demo/sandbox/web/checkout/steps';
import { STRINGS } from '../../../demo/sandbox/web/checkout/strings';

const envelope = (status: number, code: number, response: unknown, message = '') =>
  new Response(JSON.stringify({ code, message, response }), { status, headers: { 'content-type': 'application/json' } });

let finished: Ending[];
let run: Run;
let sheet: Sheet & { errors: string[]; busy: boolean[] };
beforeEach(() => {
  finished = [];
  run = { mode: 'iframe', lang: 'ko', t: STRINGS.ko, finish: (ending) => void finished.push(ending), cancelOnLeave: vi.fn() };
  const errors: string[] = [];
  const busy: boolean[] = [];
  sheet = {
    body: document.createElement('div'),
    approve: document.createElement('button'),
    cancel: document.createElement('button'),
    setError: (message) => void errors.push(message),
    setBusy: (value) => void busy.push(value),
    errors,
    busy,
  };
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const GIVE_UP = localCancel('[결제포기] 사용자가 결제를 취소하셨습니다', 'imp_1', 'order-1');

describe('decide (approve / cancel)', () => {
  it('an ending finishes the checkout with the exact sdk_response and redirect_url', async () => {
    const ending = { sdk_response: { success: true, imp_uid: 'imp_1' }, redirect_url: 'https://shop.example/done?imp_uid=imp_1' };
    vi.stubGlobal('fetch', vi.fn(async () => envelope(200, 0, { status: 'paid', ...ending })));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([ending]);
  });

  it('a declined card is an ending too (code 0, success false)', async () => {
    const decline = { success: false, error_code: 'F2001', error_msg: '[잔액부족] …' };
    vi.stubGlobal('fetch', vi.fn(async () => envelope(200, 0, { status: 'failed', sdk_response: decline })));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([{ sdk_response: decline }]);
  });

  it('a 400 to an approval keeps the window open and says why', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => envelope(400, 1, { sdk_response: { success: false, error_code: 'F1006' } }, 'card_quota must be 0-36')));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([]);
    expect(sheet.errors.at(-1)).toBe('card_quota must be 0-36');
    expect(sheet.busy).toEqual([true, false]);
  });

  it('a wrong checkout token (403) ends the checkout with the service’s failure', async () => {
    const failure = { success: false, imp_uid: null, merchant_uid: null, error_code: 'F1008', error_msg: '결제창 정보가 유효하지 않습니다.' };
    vi.stubGlobal('fetch', vi.fn(async () => envelope(403, 1, { sdk_response: failure })));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([{ sdk_response: failure }]);
  });

  it('unreachable service: an approval stays open to retry; a cancel still lets the buyer out', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([]);
    expect(sheet.errors.at(-1)).toBe(STRINGS.ko.network_error);
    await decide(run, sheet, '/cancel', {}, 'cancel', GIVE_UP);
    expect(finished).toEqual([{ sdk_response: GIVE_UP }]);
    expect(GIVE_UP).toEqual({
      success: false,
      imp_success: false,
      imp_uid: 'imp_1',
      merchant_uid: 'order-1',
      error_code: 'F0000',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다',
    });
  });

  it('a rate limit or other answer without sdk_response keeps the window and shows the message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => envelope(429, -1, null, 'Too many requests')));
    await decide(run, sheet, '/approve', {}, 'approve', GIVE_UP);
    expect(finished).toEqual([]);
    expect(sheet.errors.at(-1)).toBe('Too many requests');
  });
});

describe('openCheckout', () => {
  it('a refusal at open ends the checkout at once', async () => {
    const refusal = { success: false, imp_uid: null, merchant_uid: 'o', error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' };
    vi.stubGlobal('fetch', vi.fn(async () => envelope(200, 1, { sdk_response: refusal })));
    const root = document.createElement('main');
    expect(await openCheckout(run, root, '/open', {}, GIVE_UP)).toBeNull();
    expect(finished).toEqual([{ sdk_response: refusal }]);
  });

  it('an open answer is handed back for the window to render', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => envelope(200, 0, { imp_uid: 'imp_9', checkout_token: 't' })));
    const opened = await openCheckout<{ imp_uid: string }>(run, document.createElement('main'), '/open', {}, GIVE_UP);
    expect(opened).toEqual({ imp_uid: 'imp_9', checkout_token: 't' });
    expect(finished).toEqual([]);
  });

  it('unreachable at open: the buyer may retry, then give up', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetch);
    const root = document.createElement('main');
    document.body.append(root);
    const opening = openCheckout(run, root, '/open', {}, GIVE_UP);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="retry"]')).not.toBeNull());
    (root.querySelector('[data-testid="retry"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="cancel"]')).not.toBeNull());
    (root.querySelector('[data-testid="cancel"]') as HTMLButtonElement).click();
    expect(await opening).toBeNull();
    expect(finished).toEqual([{ sdk_response: GIVE_UP }]);
  });
});
