// The properties every fuzz run must keep, as plain checks that throw with a
// message saying what broke (much cheaper than expect() at 10,000 runs).
import { isRequestMessage } from '../../../src/protocol';
import { state, DEFAULT_SERVICE } from '../../../src/state';
import { VERSION } from '../../../src/version';
import type { Page } from './page';
import { changedBuiltins, type BuiltinsShot } from './snapshot';
import { windows } from './windows';

export const SERVICE = DEFAULT_SERVICE;

/** The SDK's closed list of its own codes (docs/errors.md), plus the user cancel. */
export const SDK_CODES = [
  'NOT_INITIALIZED',
  'INVALID_MERCHANT_CODE',
  'INVALID_TIER_CODE',
  'INVALID_SERVICE_URL',
  'INVALID_PARAMS',
  'FLOW_IN_PROGRESS',
  'NOT_SUPPORTED',
  'NO_BROWSER',
  'POPUP_BLOCKED',
  'CHECKOUT_TIMEOUT',
  'INTERNAL_ERROR',
];

export class PropertyFailure extends Error {}

export function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new PropertyFailure(what);
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Deep equality with JSON's view of data: own enumerable string keys, arrays, primitives by ===. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A short printable form of anything, hostile values included. */
export const short = (v: unknown): string => {
  try {
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    return JSON.stringify(v)?.slice(0, 300) ?? String(v);
  } catch {
    try {
      return String(v).slice(0, 300);
    } catch {
      return '(unprintable)';
    }
  }
};

export interface Given {
  /** The merchant's custom_data as an own data property; undefined when absent or not readable without running its code. */
  customData?: { value: unknown };
}

/**
 * The generated inputs hold this value (as merchant_uid, custom_data) only
 * where the SDK must not look: an inherited prototype or an own "__proto__"
 * key. Seeing it in a request or a response means the SDK read through the
 * prototype chain.
 */
export const FROM_PROTO = 'from_proto';

/** Property 3: the response is plain JSON data with the V1 shape. */
export function checkResponse(r: unknown, given: Given): asserts r is Record<string, unknown> {
  check(isPlain(r), `response is not a plain object: ${short(r)}`);
  check(typeof r.success === 'boolean' && r.imp_success === r.success, `success / imp_success not equal booleans: ${short(r)}`);
  check(r.imp_uid === null || typeof r.imp_uid === 'string', `imp_uid neither string nor null: ${short(r)}`);
  check(r.merchant_uid === null || typeof r.merchant_uid === 'string', `merchant_uid neither string nor null: ${short(r)}`);
  if (!r.success) {
    check(typeof r.error_code === 'string' && r.error_code !== '', `failure without an error_code: ${short(r)}`);
    check(typeof r.error_msg === 'string' && r.error_msg !== '', `failure without an error_msg: ${short(r)}`);
  }
  // custom_data goes back as the merchant gave it (the same value), so it is compared by identity, the rest as JSON.
  const { custom_data, ...rest } = r;
  let text: string | undefined;
  try {
    text = JSON.stringify(rest);
  } catch (error) {
    check(false, `JSON.stringify(response) threw ${short(error)}`);
  }
  check(jsonEqual(JSON.parse(text!), rest), `response does not round-trip through JSON: ${short(r)}`);
  if ('custom_data' in r && given.customData) check(Object.is(custom_data, given.customData.value), 'custom_data is not the value the merchant gave');
  check(r.merchant_uid !== FROM_PROTO && custom_data !== FROM_PROTO, 'the response carries a value read through the prototype chain');
}

/** A failure the SDK decided must be one of its codes, and be in the console (never silent). */
export function checkRefusal(r: Record<string, unknown>, page: Page): void {
  const code = r.error_code as string;
  if (code === 'F0000' || !SDK_CODES.includes(code)) return;
  const logged = page.consoleErrors.some(([first]) => typeof first === 'string' && first.startsWith(`[imp-checkout] ${code}: `));
  check(logged, `${code} was not logged to the console`);
}

export interface Expected {
  /** 'any' for flows of nested calls, whose API the harness does not follow. */
  action: 'payment' | 'certification' | 'any';
  userCode: string;
  tierCode: string | undefined;
}

/** The request the SDK posts to the checkout window: to the service origin only, as an envelope of this channel. */
export function checkRequest(message: unknown, targetOrigin: unknown, channel: string, expected: Expected): Record<string, unknown> {
  check(targetOrigin === SERVICE, `request posted to ${short(targetOrigin)}, not the service origin`);
  check(isRequestMessage(message) && message.channel === channel, `not a request envelope of this channel: ${short(message)}`);
  return checkPayload(message.payload, expected);
}

/** A request payload (postMessage or the redirect form): JSON data only, V1 fields normalised, codes attached. */
export function checkPayload(payload: unknown, expected: Expected): Record<string, unknown> {
  check(isPlain(payload), 'payload is not a plain object');
  const { action, params, sdk } = payload;
  check((expected.action === 'any' ? action === 'payment' || action === 'certification' : action === expected.action) && sdk === VERSION, `wrong action or sdk: ${short(action)} ${short(sdk)}`);
  check(isPlain(params), 'params sent are not a plain object');
  check(!Object.prototype.hasOwnProperty.call(params, '__proto__'), 'params sent carry a "__proto__" key');
  check(jsonEqual(JSON.parse(JSON.stringify(params)), params), `params sent are not JSON data: ${short(params)}`);
  check(params.user_code === expected.userCode, `user_code ${short(params.user_code)} instead of ${expected.userCode}`);
  check(params.tier_code === expected.tierCode, `tier_code ${short(params.tier_code)} instead of ${short(expected.tierCode)}`);
  check(params.merchant_uid !== FROM_PROTO && params.custom_data !== FROM_PROTO, 'the request carries a value read through the prototype chain');
  check(typeof params.merchant_uid === 'string' && params.merchant_uid.length > 0 && params.merchant_uid.length <= 40, `bad merchant_uid sent: ${short(params.merchant_uid)}`);
  if (action === 'payment') {
    check(typeof params.amount === 'number' && isFinite(params.amount) && params.amount >= 0, `bad amount sent: ${short(params.amount)}`);
    check(typeof params.pay_method === 'string', 'pay_method sent is not a string');
    check(typeof params.currency === 'string' && /^[A-Z]{3}$/.test(params.currency), `bad currency sent: ${short(params.currency)}`);
  }
  if ('m_redirect_url' in params) check(/^https?:\/\//.test(String(params.m_redirect_url)), 'm_redirect_url sent is not an absolute http(s) URL');
  if ('pg' in params) check(typeof params.pg === 'string' && params.pg !== '', 'pg sent is not a non-empty string');
  return params;
}

/** Properties 4 and 6: nothing of the run is left on the page, and no built-in was touched. */
export function checkPageClean(page: Page, builtins: BuiltinsShot, pendingTimers: () => number): void {
  check(document.body.childNodes.length === 0, `${document.body.childNodes.length} node(s) left in <body>`);
  check(document.documentElement.getAttribute('style') === null && document.body.getAttribute('style') === null, 'a style attribute was left on <html> or <body>');
  check(page.listeners('message') === 0, `${page.listeners('message')} message listener(s) left`);
  check(page.listeners('focusin') === 0, `${page.listeners('focusin')} focusin listener(s) left`);
  check(pendingTimers() === 0, `${pendingTimers()} timer(s) left`);
  check(state.flow === null, 'a flow is still open');
  check(windows.opened.every((w) => w.closed), 'a checkout window was left open');
  const changed = changedBuiltins(builtins);
  check(changed.length === 0, `built-ins changed: ${changed.join(', ')}`);
  check(page.alerts === 0, 'alert() was called');
  check(page.pageErrors.length === 0, `the page saw an exception: ${short(page.pageErrors[0])}`);
}
