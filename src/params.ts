// Reading and normalising the merchant's params. Real merchant code sends
// numeric strings, numbers as ids, junk and unknown keys (merchant-patterns.md);
// all of that must work, and nothing the page passes may make the SDK throw.
import type { CheckoutAction } from './protocol';

export type Normalised =
  | {
      ok: true;
      /** JSON-only copy sent to the checkout (user_code / tier_code not yet attached). */
      params: Record<string, unknown>;
      merchantUid: string;
      /** Shallow copy of what the merchant gave, original values (custom_data goes back from here). */
      given: Record<string, unknown>;
    }
  | { ok: false; error: string; merchantUid: string | null };

// V1 documents merchant_uid as "40자 이내"; the service keys orders by it, so a
// longer one would fail later, and less clearly. `name` is NOT limited here: V1's
// SDK never checked it (PG windows cut long names), and refusing would break
// shops that worked with V1.
const MERCHANT_UID_MAX = 40;
// Digits with an optional decimal part. "1,000" is refused rather than guessed:
// in some locales the comma is the decimal mark, and money is no place to guess.
const AMOUNT_TEXT = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Za-z]{3}$/;

const describe = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : typeof value);
const isMissing = (value: unknown): boolean => value == null || value === '';

/** Copy own enumerable string keys, never letting a getter, Proxy trap or `__proto__` key reach the page. */
function readGiven(raw: unknown): Record<string, unknown> | string {
  let key = '';
  try {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'params must be an object';
    const given: Record<string, unknown> = {};
    for (key of Object.keys(raw)) {
      // Assigning "__proto__" would set the copy's prototype; it is never a V1 param.
      if (key !== '__proto__') given[key] = (raw as Record<string, unknown>)[key];
    }
    return given;
  } catch {
    return key ? `params.${key} could not be read` : 'params could not be read';
  }
}

function merchantUidOf(value: unknown): string | undefined {
  // V1 generated "nobody_<ms>" for a missing id; merchants find it echoed back.
  if (isMissing(value)) return `nobody_${Date.now()}`;
  const uid = typeof value === 'number' && isFinite(value) ? String(value) : value;
  return typeof uid === 'string' && uid.length <= MERCHANT_UID_MAX ? uid : undefined;
}

function amountOf(value: unknown): number | undefined {
  const amount = typeof value === 'string' && AMOUNT_TEXT.test(value.trim()) ? Number(value) : value;
  return typeof amount === 'number' && isFinite(amount) && amount >= 0 ? amount : undefined;
}

/** Fill V1's defaults and check the fields the SDK relies on; the first problem wins. */
function normaliseFields(action: CheckoutAction, p: Record<string, unknown>, baseHref?: string): string {
  if (action === 'payment') {
    const amount = amountOf(p.amount);
    if (amount === undefined) return `amount must be a number >= 0 like 1000 (got ${describe(p.amount)})`;
    p.amount = amount;
    if (isMissing(p.pay_method)) p.pay_method = 'card';
    if (isMissing(p.currency)) p.currency = 'KRW';
    if (typeof p.pay_method !== 'string') return 'pay_method must be a string';
    if (typeof p.currency !== 'string' || !CURRENCY.test(p.currency)) return 'currency must be a code like "KRW"';
    p.currency = p.currency.toUpperCase();
  }
  if (isMissing(p.pg)) delete p.pg;
  else if (typeof p.pg !== 'string') return 'pg must be a string';
  if (isMissing(p.m_redirect_url)) delete p.m_redirect_url;
  else {
    // The service sends the browser back here: resolve relative URLs against
    // this page and allow only http(s), never javascript: and friends.
    let url: URL | undefined;
    try {
      url = new URL(String(p.m_redirect_url), baseHref);
    } catch {
      // reported below
    }
    if (typeof p.m_redirect_url !== 'string' || !url || !/^https?:$/.test(url.protocol))
      return 'm_redirect_url must be an http(s) URL';
    p.m_redirect_url = url.href;
  }
  return '';
}

/** Turn whatever the page passed into the request params, or say exactly what is wrong. */
export function normalise(action: CheckoutAction, raw: unknown, baseHref?: string): Normalised {
  const given = readGiven(raw);
  if (typeof given === 'string') return { ok: false, error: given, merchantUid: null };
  const merchantUid = merchantUidOf(given.merchant_uid);
  if (merchantUid === undefined)
    return { ok: false, error: `merchant_uid must be a string of at most ${MERCHANT_UID_MAX} characters`, merchantUid: null };
  const fields: Record<string, unknown> = { ...given, merchant_uid: merchantUid };
  const error = normaliseFields(action, fields, baseHref);
  if (error) return { ok: false, error, merchantUid };
  // Only JSON travels: the same bytes work for postMessage and the redirect form,
  // and functions, DOM nodes or cycles cannot break the window at the other end.
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    let json: string | undefined;
    try {
      json = JSON.stringify(fields[key]);
    } catch {
      return { ok: false, error: `params.${key} is not JSON data`, merchantUid };
    }
    if (json !== undefined) params[key] = JSON.parse(json);
  }
  return { ok: true, params, merchantUid, given };
}
