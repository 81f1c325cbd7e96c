// One fuzz run of request_pay / certification: set the merchant up, build the
// params and the callback, call the API, end every flow that opens, then check
// all seven properties (see README in this folder) plus, for inputs whose
// outcome is known in advance, the outcome itself.
import fc from 'fast-check';
import { types } from 'node:util';
import IMP from '../../../src/index';
import { CANCEL_CODE, CANCEL_MESSAGE, CERTIFICATION_CANCEL_MESSAGE } from '../../../src/errors';
import { state } from '../../../src/state';
import {
  callbackRecipe,
  completion,
  paramsInput,
  thrown,
  windowStep,
  type CallbackRecipe,
  type Completion,
  type ParamsInput,
} from './arbitraries';
import { check, SDK_CODES, checkPageClean, checkPayload, checkRefusal, checkResponse, short, SERVICE, type Expected, type Given } from './checks';
import { callSdk, drive, flush, goodParams, NESTED, openSurface, type Api, type Driven, type Surface, type Tracked } from './flows';
import { build, type Thrown } from './recipes';
import { pendingTimers, type FuzzContext } from './runner';
import { sameShot, snapshot } from './snapshot';
import { thrownBy, windows, type WindowStep } from './windows';

export const MERCHANT = 'imp12345678';
export const TIER = 'A01';

/** How the page set the SDK up before the call; the bad ones must win over any params. */
export type MerchantSetup = 'init' | 'agency' | 'none' | 'badCode' | 'badTier' | 'badService';

const SETUP_REFUSAL: Partial<Record<MerchantSetup, string>> = {
  none: 'NOT_INITIALIZED',
  badCode: 'INVALID_MERCHANT_CODE',
  badTier: 'INVALID_TIER_CODE',
  badService: 'INVALID_SERVICE_URL',
};

export interface RequestInput {
  api: Api;
  merchant: MerchantSetup;
  params: ParamsInput;
  callback: CallbackRecipe;
  browser: 'desktop' | 'phone';
  windowStep: WindowStep;
  /** form.submit() throws (a page that blocks navigation). */
  submitThrows: Thrown | null;
  /** Another checkout is already open when the call is made. */
  preopen: boolean;
  completion: Completion;
}

export function requestInput(api: Api, steps: fc.Arbitrary<WindowStep> = windowStep): fc.Arbitrary<RequestInput> {
  return fc.record({
    api: fc.constant(api),
    merchant: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<MerchantSetup>('init', 'agency') },
      { weight: 1, arbitrary: fc.constantFrom<MerchantSetup>('none', 'badCode', 'badTier', 'badService') },
    ),
    params: paramsInput(api === 'request_pay' ? 'payment' : 'certification'),
    callback: callbackRecipe,
    browser: fc.oneof({ weight: 4, arbitrary: fc.constant('desktop' as const) }, { weight: 1, arbitrary: fc.constant('phone' as const) }),
    windowStep: steps,
    submitThrows: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: thrown }),
    preopen: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    completion,
  });
}

function applyMerchant(setup: MerchantSetup): void {
  if (setup === 'agency') IMP.agency(MERCHANT, TIER);
  else if (setup === 'none') IMP.deinit();
  else if (setup === 'badCode') IMP.init('imp1234');
  else if (setup === 'badTier') IMP.agency(MERCHANT, 'a1');
  else IMP.init(MERCHANT);
  if (setup === 'badService') IMP.configure({ serviceUrl: `${SERVICE}/sandbox` });
}

/** An own data property of the merchant's params, without running any of its code. */
function ownData(params: unknown, key: string): { value: unknown } | undefined {
  if (params === null || typeof params !== 'object' || types.isProxy(params)) return undefined;
  const d = Object.getOwnPropertyDescriptor(params, key);
  return d && 'value' in d ? { value: d.value } : undefined;
}

// The V1 window choice (v1-contract §4.3), restated for clean params.
const POPUP_PROVIDERS = ['payco', 'settle', 'smartro', 'tosspay', 'kcp_quick', 'daou', 'naverco', 'eximbay'];
function expectedMode(params: unknown, phone: boolean): 'redirect' | 'popup' | 'iframe' {
  const get = (key: string) => ownData(params, key)?.value;
  if (phone && get('m_redirect_url')) return 'redirect';
  const pg = get('pg');
  const provider = typeof pg === 'string' ? pg.split('.')[0]!.toLowerCase() : '';
  const popup = get('popup');
  return popup === true || (popup !== false && POPUP_PROVIDERS.includes(provider)) ? 'popup' : 'iframe';
}

/** The merchant_uid V1 sends for clean params: as given (numbers as text), or generated nobody_<ms>. */
function uidMatches(params: unknown, uid: unknown): boolean {
  const given = ownData(params, 'merchant_uid')?.value;
  if (given == null || given === '') return typeof uid === 'string' && /^nobody_\d+$/.test(uid);
  return uid === String(given);
}

interface Callback {
  args: unknown[];
  calls: unknown[] | null;
}

function makeCallback(recipe: CallbackRecipe, nested: (api: Api, label: string) => void): Callback {
  const calls: unknown[] = [];
  const counted = (fn: unknown): Callback => ({ args: [fn], calls });
  switch (recipe.t) {
    case 'omitted':
      return { args: [], calls: null };
    case 'value':
      return { args: [recipe.v], calls: null };
    case 'record':
      return counted((r: unknown) => void calls.push(r));
    case 'throws':
      return counted((r: unknown) => {
        calls.push(r);
        throw thrownBy(recipe.thrown);
      });
    case 'rejects':
      return counted(async (r: unknown) => {
        calls.push(r);
        throw new Error('async merchant bug');
      });
    case 'hostileThenable':
      return counted((r: unknown) => {
        calls.push(r);
        return Object.defineProperty({}, 'then', { get: () => { throw new Error('hostile then'); } });
      });
    case 'reentrant':
      return counted((r: unknown) => {
        calls.push(r);
        nested(recipe.api, 'callback re-entry');
      });
    case 'close':
      return counted((r: unknown) => {
        calls.push(r);
        IMP.close();
      });
    case 'trappedFunction':
      return counted(new Proxy(function merchantCallback() {}, {
        apply(_target, _this, args: unknown[]) {
          calls.push(args[0]);
          throw new Error('trapped');
        },
      }));
    case 'revokedFunction': {
      const { proxy, revoke } = Proxy.revocable(() => {}, {});
      revoke();
      return { args: [proxy], calls: null };
    }
  }
}

/** Properties 1-3 for one call: no throw, settled once (callback and promise, same object), a plain V1 response. */
function checkTracked(t: Tracked, ctx: FuzzContext): Record<string, unknown> | undefined {
  check(t.threw.length === 0, `${t.label}: the call threw ${short(t.threw[0])}`);
  check(t.returned instanceof Promise, `${t.label}: no promise returned`);
  check(t.rejected.length === 0, `${t.label}: the promise rejected with ${short(t.rejected[0])}`);
  if (t.redirected) {
    // V1 in redirect mode: the page navigates away; no callback, the promise stays pending.
    check(t.resolved.length === 0 && (t.calls === null || t.calls.length === 0), `${t.label}: settled in redirect mode`);
    return undefined;
  }
  check(t.resolved.length === 1, `${t.label}: the promise did not resolve`);
  const response = t.resolved[0];
  if (t.calls) {
    check(t.calls.length === 1, `${t.label}: callback called ${t.calls.length} times`);
    check(t.calls[0] === response, `${t.label}: callback and promise got different objects`);
  }
  checkResponse(response, t.given);
  checkRefusal(response, ctx.page);
  ctx.stats.responses++;
  return response;
}

/** The outcome's name for the figures: success, an SDK or V1 code, or "other service code". */
export function outcomeOf(response: Record<string, unknown>): string {
  const code = String(response.error_code);
  return response.success ? 'success' : SDK_CODES.includes(code) || /^F\d{4}$/.test(code) ? code : 'other service code';
}

export async function runRequest(input: RequestInput, ctx: FuzzContext): Promise<void> {
  const { page, stats } = ctx;
  page.browser = input.browser;
  page.submitThrows = input.submitThrows;
  windows.step = { t: 'ok' };
  applyMerchant(input.merchant);
  const expected: Expected = {
    action: input.api === 'request_pay' ? 'payment' : 'certification',
    userCode: MERCHANT,
    tierCode: input.merchant === 'agency' ? TIER : undefined,
  };
  const tracked: Tracked[] = [];
  let nestedCount = 0;
  const nested = (api: Api, label: string): void => {
    const calls: unknown[] = [];
    tracked.push(callSdk(api, [goodParams(api, `nested_${++nestedCount}`), (r: unknown) => void calls.push(r)], calls, label));
  };
  if (input.preopen) nested('request_pay', 'already open');
  windows.step = input.windowStep;

  let reentered = false;
  const reenter = (call: 'request_pay' | 'close' | 'deinit' | 'init'): void => {
    reentered = true;
    if (call === 'request_pay') nested('request_pay', 'getter re-entry');
    else if (call === 'close') IMP.close();
    else if (call === 'deinit') IMP.deinit();
    else applyMerchant(input.merchant);
  };
  const params = input.params.recipe === 'omitted' ? undefined : build(input.params.recipe, reenter);
  const before = snapshot(params);
  const given: Given = { customData: ownData(params, 'custom_data') };
  const callback = makeCallback(input.callback, nested);
  const submissionsBefore = page.submissions.length;
  const openBefore = state.flow ? openSurface()?.url : undefined;
  const args = input.params.recipe === 'omitted' && callback.args.length === 0 ? [] : [params, ...callback.args];
  const main = callSdk(input.api, args, callback.calls, 'main', given);
  tracked.push(main);
  main.redirected = page.submissions.length > submissionsBefore;
  // The window the call opened (with a getter re-entering, possibly a nested call's: then no outcome is checked).
  const openAfter = state.flow ? openSurface() : undefined;
  const mainSurface: Surface | undefined = openAfter && openAfter.url !== openBefore ? openAfter : undefined;
  if (!input.preopen && !reentered) check(!!state.flow === !!mainSurface, 'a flow is open without a window');

  // End every flow that opens (the main one, then any a callback opens), one at a time.
  await flush();
  let mainDriven: Driven | undefined;
  for (let i = 0; state.flow; i++) {
    check(i < 8, 'flows keep opening');
    const surface = openSurface();
    check(surface, 'a flow is open but no checkout window can be found');
    stats.count(stats.flows, surface.kind);
    const isMain = surface.url === mainSurface?.url;
    // With a re-entering getter, the window the call left open may be the nested call's.
    const exact = isMain && !reentered;
    const driven = drive(surface, isMain ? input.completion : NESTED, exact ? expected : { ...expected, action: 'any' }, reenter);
    if (isMain) mainDriven = driven;
    if (driven.sentParams) stats.requests++;
    stats.noise += driven.noise;
    await flush();
  }
  if (main.redirected) {
    stats.count(stats.flows, 'redirect');
    check(page.submissions.length === submissionsBefore + 1, 'more than one redirect form was submitted');
    const form = page.submissions[submissionsBefore]!;
    check(form.action === `${SERVICE}/checkout/redirect` && form.method === 'post' && form.connected, `bad redirect form ${short(form)}`);
    checkPayload(JSON.parse(form.request ?? 'null'), expected);
    stats.requests++;
  }
  if (input.merchant === 'badService') IMP.configure({ serviceUrl: SERVICE });

  // Properties 1-3 for every call made in the run, nested ones included.
  const responses = tracked.map((t) => checkTracked(t, ctx));
  const response = responses[tracked.indexOf(main)];
  stats.count(stats.outcomes, main.redirected ? 'redirect' : outcomeOf(response!));

  // The outcome itself, where the input decides it: no re-entry, nothing already open.
  if (!input.preopen && !reentered) checkOutcome(input, params, main, response, mainSurface, mainDriven);

  // Property 7: the merchant's params are as they were (a Proxy counts as its identity: reading it would run its traps).
  check(sameShot(before, snapshot(params)), 'the params object was changed');
  stats.snapshots++;
  // Properties 4 and 6.
  checkPageClean(page, ctx.builtins, pendingTimers);
  stats.builtinChecks++;
}

function checkOutcome(
  input: RequestInput,
  params: unknown,
  main: Tracked,
  response: Record<string, unknown> | undefined,
  surface: Surface | undefined,
  driven: Driven | undefined,
): void {
  // A failure no checkout answered is the SDK's own: a code from its closed list (docs/errors.md) or the V1 cancel.
  if (response && !response.success && !driven?.answered)
    check(SDK_CODES.includes(String(response.error_code)) || response.error_code === CANCEL_CODE, `unknown SDK code ${short(response.error_code)}`);
  const refusal = SETUP_REFUSAL[input.merchant];
  if (refusal) {
    check(response?.error_code === refusal, `expected ${refusal}, got ${short(response)}`);
    check(!surface && !main.redirected, `${refusal} but a window opened`);
  } else if (input.params.clean) {
    const mode = expectedMode(params, input.browser === 'phone');
    const step = input.windowStep.t;
    if (mode === 'redirect') {
      if (input.submitThrows) check(response?.error_code === 'INTERNAL_ERROR', `a failed redirect gave ${short(response)}`);
      else check(main.redirected, `clean params on a phone with m_redirect_url did not redirect: ${short(response)}`);
    } else if (mode === 'popup' && step !== 'ok' && step !== 'focusThrows') {
      check(response?.error_code === 'POPUP_BLOCKED', `a refused popup gave ${short(response)}`);
    } else if (mode === 'iframe' && (step === 'throws' || step === 'focusThrows')) {
      check(response?.error_code === 'INTERNAL_ERROR', `a failed overlay gave ${short(response)}`);
    } else {
      check(surface?.kind === mode, `clean params opened ${surface ? surface.kind : 'no window'} instead of ${mode}: ${short(response)}`);
    }
    if (response && typeof driven?.answered?.merchant_uid !== 'string')
      check(uidMatches(params, response.merchant_uid), `merchant_uid ${short(response.merchant_uid)} is not the one given`);
    if (driven?.sentParams) {
      check(uidMatches(params, driven.sentParams.merchant_uid), 'the merchant_uid sent is not the one given');
      const amount = ownData(params, 'amount');
      if (input.api === 'request_pay') check(driven.sentParams.amount === Number(amount?.value), 'the amount sent is not the one given');
      const custom = ownData(params, 'custom_data');
      if (custom) check(JSON.stringify(driven.sentParams.custom_data) === JSON.stringify(custom.value), 'custom_data sent is not the one given');
    }
  } else if (response?.error_code === 'INVALID_PARAMS') {
    check(!surface && !main.redirected, 'INVALID_PARAMS but a window opened');
  }
  if (!surface || !response) return;
  const how = input.completion;
  if (how.t === 'result') {
    const answered = driven!.answered!;
    check(response.success === (answered.success === true), `success ${short(response.success)} but the checkout said ${short(answered.success)}`);
    check(response.imp_uid === (typeof answered.imp_uid === 'string' ? answered.imp_uid : null), 'imp_uid is not the checkout\'s');
    if (typeof answered.merchant_uid === 'string') check(response.merchant_uid === answered.merchant_uid, 'merchant_uid is not the checkout\'s');
    for (const key of ['error_code', 'error_msg'] as const)
      if (!response.success && typeof answered[key] === 'string' && answered[key] !== '') check(response[key] === answered[key], `${key} is not the checkout's`);
  } else if (how.t === 'timeout') {
    check(response.error_code === 'CHECKOUT_TIMEOUT', `a silent checkout gave ${short(response)}`);
  } else {
    const cancelText = input.api === 'request_pay' ? CANCEL_MESSAGE : CERTIFICATION_CANCEL_MESSAGE;
    check(response.error_code === CANCEL_CODE && response.error_msg === cancelText, `${how.t} gave ${short(response)}, not the V1 cancel`);
  }
}
