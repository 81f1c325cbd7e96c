// Reading and normalising the merchant's params. Real merchant code sends
// numeric strings, numbers as ids, junk and unknown keys (merchant-patterns.md);
// all of that must work, and nothing the page passes may make the SDK throw.
import type { CheckoutAction } from './protocol';
import { httpUrl } from './service';

export interface Normalised {
  /** What is wrong, for the INVALID_PARAMS message; '' when the params are usable. */
  problem: string;
  /** The order id (generated when missing), or null when it could not be read or is refused. */
  merchantUid: string | null;
  /** JSON-only copy sent to the checkout (user_code / tier_code not yet attached). */
  params: Record<string, unknown>;
  /**
   * Shallow copy of what the merchant gave, before JSON (custom_data goes back from here, as given).
   * The fields checked above are normalised in it; custom_data never is.
   */
  given: Record<string, unknown>;
}

// V1 documents merchant_uid as "40자 이내"; the service keys orders by it, so a
// longer one would fail later, and less clearly. `name` is NOT limited here: V1's
// SDK never checked it (PG windows cut long names), and refusing would break
// shops that worked with V1.
const MERCHANT_UID_MAX = 40;
// Digits with an optional decimal part. "1,000" is refused rather than guessed:
// in some locales the comma is the decimal mark, and money is no place to guess.
const AMOUNT_TEXT = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Za-z]{3}$/;

const isMissing = (value: unknown): boolean => value == null || value === '';

/** Turn whatever the page passed into the request params, or say exactly what is wrong (the first problem wins). */
export function normalise(action: CheckoutAction, raw: unknown, baseHref?: string): Normalised {
  const p: Record<string, unknown> = {};
  const n: Normalised = { problem: '', merchantUid: null, params: {}, given: p };
  // The key being read: a getter, a Proxy trap or JSON.stringify that throws is reported by it.
  let key = '';
  const fail = (message: string): never => {
    throw (n.problem = message);
  };
  /** A string field: missing ("" too) takes `fallback` or goes; anything but a string is refused. */
  const stringField = (field: string, fallback?: string): void => {
    if (isMissing(p[field])) {
      if (fallback) p[field] = fallback;
      else delete p[field];
    } else if (typeof p[field] !== 'string') fail(`${field} must be a string`);
  };
  try {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('params must be an object');
    // Own enumerable keys only; assigning "__proto__" would set the copy's prototype (never a V1 param).
    for (key of Object.keys(raw as object)) if (key !== '__proto__') p[key] = (raw as Record<string, unknown>)[key];
    key = '';
    // V1 generated "nobody_<ms>" for a missing id; merchants find it echoed back.
    const uid = isMissing(p.merchant_uid) ? `nobody_${Date.now()}` : Number.isFinite(p.merchant_uid) ? String(p.merchant_uid) : p.merchant_uid;
    if (typeof uid !== 'string' || uid.length > MERCHANT_UID_MAX) fail(`merchant_uid must be a string of at most ${MERCHANT_UID_MAX} chars`);
    p.merchant_uid = n.merchantUid = uid as string;
    if (action === 'payment') {
      const given = p.amount;
      const amount = typeof given === 'string' && AMOUNT_TEXT.test(given.trim()) ? Number(given) : given;
      if (!((amount as number) >= 0 && Number.isFinite(amount))) fail(`amount must be a number >= 0 (got ${typeof given === 'string' ? `"${given}"` : typeof given})`);
      p.amount = amount;
      stringField('pay_method', 'card');
      stringField('currency', 'KRW');
      if (!CURRENCY.test(p.currency as string)) fail('currency must be like "KRW"');
      p.currency = (p.currency as string).toUpperCase();
    }
    stringField('pg');
    stringField('m_redirect_url');
    if (p.m_redirect_url) {
      // The service sends the browser back here: resolve relative URLs against
      // this page and allow only http(s), never javascript: and friends.
      const url = httpUrl(p.m_redirect_url, baseHref);
      p.m_redirect_url = url ? url.href : fail('m_redirect_url must be an http(s) URL');
    }
    // Only JSON travels: the same bytes work for postMessage and the redirect form,
    // and functions, DOM nodes or cycles cannot break the window at the other end.
    for (key of Object.keys(p)) {
      const json = JSON.stringify(p[key]);
      if (json !== undefined) n.params[key] = JSON.parse(json);
    }
  } catch {
    n.problem ||= key ? `params.${key} is not readable JSON` : 'params could not be read';
  }
  return n;
}
