// Hostile values for the input fuzzer: injection-shaped strings (SQL,
// markup, templates, log4j, prototype keys), path traversal, control and
// odd Unicode characters, numbers that break parsers. None of them is a
// valid e-mail address, URL, card number or credential, so a request built
// from them can never be one the sandbox should accept.
import fc from 'fast-check';

export const NASTY_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "1; DROP TABLE payments; --",
  '" OR ""="',
  "admin'--",
  "x' UNION SELECT secret_hash FROM merchants --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '${jndi:ldap://127.0.0.1/a}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd\u0000.png',
  '\u0000',
  '\r\nSet-Cookie: injected=1',
  '__proto__',
  'constructor',
  'prototype',
  '{"$gt":""}',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9'.repeat(40),
  'null',
  'undefined',
  '[]',
  '한글 주문 💳',
  '\uFEFF\u202E\u200B',
  '\uD800',
  'imp_000000000000',
  'A'.repeat(300),
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
);

/** Any JSON-ish value a sloppy or hostile client might put in a field. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(-1, -0.5, 1.5, 1e13, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], [1, 2], { $ne: null }, { __proto__: { polluted: true } }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Field names the sandbox reads somewhere, plus prototype keys. */
export const FIELD_NAMES = [
  'imp_key', 'imp_secret', 'email', 'password', 'name', 'merchant_uid', 'amount', 'currency', 'imp_uid',
  'checkout_token', 'card_number', 'card_quota', 'bank_code', 'tier_code', 'url', 'content_type', 'pg_provider',
  'pg_id', 'kind', 'params', 'mode', 'origin', 'reason', 'checksum', 'enable_webhook', 'request', 'origins',
  '__proto__', 'constructor',
] as const;

export const nastyObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })),
  nastyValue,
  { maxKeys: 6 },
);

/** Request-target segments sent without encoding: traversal and broken escapes. */
export const RAW_PATH_SEGMENTS = [
  '..', '../..', '../../../../etc/passwd', '.%2e/.%2e/etc/passwd', '%2e%2e%2f', '..%2f..%2f', '%2F', '//', '%00',
  '%ZZ', '%', '%E0%A4%A', '%C0%AE%C0%AE%2F', ';', '?', '#',
] as const;

/** encodeURIComponent that survives lone surrogates (they become U+FFFD, as a browser would send them). */
export function encodeText(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** A path parameter value: encoded hostile text, a raw traversal segment, or one of `known` (real ids). */
export function pathValue(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyString.map(encodeText) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_PATH_SEGMENTS) },
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known.map(encodeText)) }] : []),
  );
}

export const QUERY_KEYS = [
  'limit', 'page', 'sorting', 'from', 'to', 'imp_uid[]', 'merchant_uid[]', 'imp_uid', 'lang', 'session', '__proto__', 'x',
] as const;

export const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })),
      fc.oneof(nastyString, fc.integer({ min: -5, max: 5000 }).map(String)),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&')}` : ''));
