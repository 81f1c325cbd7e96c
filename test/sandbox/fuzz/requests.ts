// Request generators for the input fuzzer, per route and per family:
//
// Family "unauthorised": what a stranger can send. REST routes with missing,
// forged, expired or revoked tokens (or a valid token with a Tier it does not
// own); console routes with missing, forged or expired session cookies, or a
// valid cookie on a cross-site request (CSRF); checkout routes from another
// site, or with a wrong checkout token; the open endpoints (getToken, login,
// sign-up, checkout open, redirect POST) with credentials and params that
// can never be valid. Bodies are anything: malformed JSON, random JSON,
// form bodies, wrong content types, oversize.
//
// Family "authorised-invalid": merchant A's valid token or session (or the
// real checkout token), with input that must be refused before anything is
// written: unparsable or oversize bodies, bodies that violate the route's
// own JSON schema (derived from what Fastify registered), and path ids that
// belong to another merchant. Read-only routes (GET/HEAD) get any input.
import fc from 'fast-check';
import type { RouteEntry } from '../../../demo/sandbox/app';
import type { RawRequest } from '../../support/raw-http';
import { encodeText, nastyObject, nastyString, nastyValue, pathValue, queryString } from './values';
import type { FuzzWorld } from './world';

export type Family = 'unauthorised' | 'authorised-invalid';

export type RouteKind = 'rest' | 'getToken' | 'consoleAuth' | 'consolePublic' | 'console' | 'checkout' | 'redirectPost' | 'public';

export function kindOf(route: RouteEntry): RouteKind {
  const url = route.url;
  if (url === '/users/getToken') return 'getToken';
  if (url === '/console/api/signup' || url === '/console/api/login') return 'consoleAuth';
  if (url === '/console/api/session' || url === '/console/api/logout') return 'consolePublic';
  if (url.startsWith('/console/api/')) return 'console';
  if (url === '/checkout/redirect') return 'redirectPost';
  if (url.startsWith('/checkout/api/')) return 'checkout';
  if (/^\/(payments|certifications|tiers)(\/|$)/.test(url)) return 'rest';
  return 'public';
}

export const isReadOnly = (route: RouteEntry) => route.method === 'GET' || route.method === 'HEAD';

/** Routes where a refusal is HTTP 200 with a non-zero code (V1 business refusals, docs/errors.md). */
export const BUSINESS_REFUSAL_ROUTES = new Set(['/checkout/api/payments', '/checkout/api/certifications', '/payments/cancel', '/payments/prepare']);

/** Node refuses header values with control or non-Latin-1 characters; a client could not send them either. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').slice(0, 4000);

// ---------- bodies ----------

interface Body {
  contentType?: string;
  body?: string | Buffer;
}

const MALFORMED_JSON = ['', '{', '{"imp_key": ', '[1,2', '{"a": 1,}', "{'a': 1}", 'undefined', 'NaN', '{"a": "\\x"}', '\u0000', '{"a":1}{"b":2}', '"unterminated'];
const WRONG_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/jsonx',
  'json',
  ';;;',
];

const noBody: fc.Arbitrary<Body> = fc.constant({});
const malformedJson: fc.Arbitrary<Body> = fc.constantFrom(...MALFORMED_JSON).map((body) => ({ contentType: 'application/json', body }));
const wrongContentType: fc.Arbitrary<Body> = fc
  .tuple(fc.constantFrom(...WRONG_TYPES), fc.oneof(nastyString, nastyObject.map((o) => JSON.stringify(o))))
  .map(([contentType, body]) => ({ contentType, body }));
// Over the 256 KiB body limit.
const oversize: fc.Arbitrary<Body> = fc
  .constantFrom('application/json', 'application/x-www-form-urlencoded')
  .map((contentType) => ({ contentType, body: contentType === 'application/json' ? `{"a":"${'x'.repeat(300 * 1024)}"}` : `a=${'x'.repeat(300 * 1024)}` }));

const json = (value: unknown): Body => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' });
const form = (value: Record<string, unknown>): Body => ({
  contentType: 'application/x-www-form-urlencoded',
  body: Object.entries(value)
    .map(([key, v]) => `${encodeText(key)}=${encodeText(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`)
    .join('&'),
});

/** Any body at all: for requests that are refused before their body matters. */
const anyBody: fc.Arbitrary<Body> = fc.oneof(
  noBody,
  // Parsed as UTF-8 whatever the charset parameter says (any text is a form; JSON text is JSON).
  nastyString.map((body) => ({ contentType: 'application/x-www-form-urlencoded; charset=x-unknown', body })),
  nastyObject.map((o) => ({ contentType: 'application/json; charset=utf-16', body: JSON.stringify(o) })),
  malformedJson,
  fc.jsonValue({ maxDepth: 3 }).map(json),
  nastyObject.map(json),
  nastyObject.map(form),
  wrongContentType,
  oversize,
);

/** Bodies refused by the content parser, whatever the route. */
const unparsableBody: fc.Arbitrary<Body> = fc.oneof(malformedJson, wrongContentType, oversize);

interface PropertySchema {
  type?: string | string[];
  maxLength?: number;
  minimum?: number;
  enum?: readonly unknown[];
}
interface ObjectSchema {
  type?: string | string[];
  required?: readonly string[];
  properties?: Record<string, PropertySchema>;
}

/**
 * A JSON body that breaks the route's own body schema: a non-object, a
 * missing required field, a field of a type Ajv cannot coerce to (objects
 * never coerce to scalars), a string over maxLength, a value outside an enum.
 */
function schemaViolation(schema: ObjectSchema): fc.Arbitrary<Body> {
  const properties = Object.entries(schema.properties ?? {});
  const options: Array<fc.Arbitrary<unknown>> = [fc.constantFrom(42, 'abc', [1, 2])];
  if (schema.required?.length) {
    options.push(nastyObject.map((o) => {
      const copy = { ...o };
      for (const name of schema.required!) delete copy[name];
      return copy;
    }));
  }
  for (const [name, property] of properties) {
    const types = [property.type ?? []].flat();
    const bad: unknown[] = [];
    if (types.some((t) => t !== 'object')) bad.push({ nested: { $ne: null } });
    if (types.includes('object')) bad.push('not an object');
    if (property.maxLength !== undefined) bad.push('x'.repeat(property.maxLength + 1));
    if (property.enum) bad.push('zz-not-in-enum');
    if (bad.length) options.push(fc.constantFrom(...bad).map((value) => ({ [name]: value })));
  }
  return fc.oneof(...options).map(json);
}

function failingBody(route: RouteEntry): fc.Arbitrary<Body> {
  const schema = (route.schema?.body ?? null) as ObjectSchema | null;
  return schema ? fc.oneof(unparsableBody, schemaViolation(schema)) : unparsableBody;
}

// ---------- paths ----------

const PARAM = /^:([A-Za-z_]+)(\?)?$/;

/** Real values to aim at, by parameter name (and route, where the name is ambiguous). */
function knownValues(world: FuzzWorld, route: RouteEntry, name: string, family: Family): string[] {
  const own = family === 'unauthorised' || isReadOnly(route);
  const ownOr = (values: string[]) => (own ? values : []);
  switch (name) {
    case 'imp_uid':
      return [world.foreign.paidImpUid, world.foreign.readyImpUid, ...ownOr([world.own.paidImpUid, world.own.readyImpUid, world.own.certImpUid])];
    case 'merchant_uid':
      return [world.foreign.merchantUid, ...ownOr(['fuzz-paid', 'fuzz-ready'])];
    case 'payment_status':
      return ['paid', 'ready', 'all', 'cancelled'];
    case 'tier_code':
      return [world.foreign.tierCode];
    case 'id':
      return route.url.includes('redirect-sessions') ? [world.own.redirectSession] : [world.foreign.channelId, ...ownOr([world.own.channelId])];
    default:
      return [];
  }
}

const ASSET_NAMES = ['console.js', 'console.css', '../package.json', '..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', '....//....//etc/passwd'];

function pathFor(route: RouteEntry, world: FuzzWorld, family: Family): fc.Arbitrary<string> {
  const segments = route.url.split('/').map((segment): fc.Arbitrary<string | null> => {
    if (segment === '*') return fc.oneof(fc.constantFrom(...ASSET_NAMES), pathValue([]));
    const param = PARAM.exec(segment);
    if (!param) return fc.constant(segment);
    const value = pathValue(knownValues(world, route, param[1]!, family));
    return param[2] ? fc.option(value, { nil: null }) : value;
  });
  return fc.tuple(...segments).map((parts) => parts.filter((part) => part !== null).join('/') || '/');
}

// ---------- credentials ----------

type Headers = Record<string, string>;

function badTokenHeaders(world: FuzzWorld): fc.Arbitrary<Headers> {
  const forms = (token: string) => fc.constantFrom<Headers>({ authorization: `Bearer ${token}` }, { authorization: token }, { 'x-imptokenheader': token });
  return fc.oneof(
    fc.constant({}),
    nastyString.map((t) => ({ authorization: `Bearer ${headerSafe(t)}` })),
    nastyString.map((t) => ({ authorization: headerSafe(t) })),
    nastyString.map((t) => ({ 'x-imptokenheader': headerSafe(t) })),
    fc.constantFrom<Headers>({ authorization: 'Bearer' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }, { authorization: `Bearer ${'a'.repeat(4000)}` }),
    forms(world.expiredToken),
    forms(world.revokedToken),
    forms(`${world.token}0`),
    forms(`x${world.token.slice(1)}`),
    // The right token, but for a sub-merchant it does not own, or a malformed Tier header
    // (never blank: a blank Tier header means "no tier", i.e. the merchant itself).
    fc
      .oneof(fc.constant(world.foreign.tierCode), fc.constant('ZZZ'), nastyString.map(headerSafe))
      .map((tier) => ({ authorization: `Bearer ${world.token}`, tier: tier.trim() === '' ? 'ZZZ' : tier })),
  );
}

const CROSS_SITE: Headers[] = [
  { origin: 'https://evil.example' },
  { origin: 'null' },
  { 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'same-site' },
  { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
];

function crossSite(extra: Headers): fc.Arbitrary<Headers> {
  return fc.constantFrom(...CROSS_SITE).map((headers) => ({ ...extra, ...headers }));
}

function badSessionHeaders(world: FuzzWorld, allowExpired = true): fc.Arbitrary<Headers> {
  const cookie = (value: string) => ({ cookie: `imp_console_session=${value}` });
  return fc.oneof(
    fc.constant({}),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => cookie(Buffer.from(bytes).toString('base64url'))),
    nastyString.map((value) => cookie(headerSafe(value))),
    fc.constantFrom<Headers>(cookie('%%%;;;'), cookie('a'.repeat(3000)), { cookie: 'imp_console_session' }, { cookie: '=;=;' }),
    ...(allowExpired ? [fc.constant(cookie(world.expiredCookie.split('=')[1]!))] : []),
    // CSRF: the real session cookie, but the browser says the request comes from another site.
    crossSite({ cookie: world.cookie }),
  );
}

// ---------- route-specific bodies ----------

const INVALID_AMOUNTS = [-1, -0.5, 1.5, 1e13, 'lots', '', '1,000', '1e309', 'Infinity', 'NaN', true, null, {}, [], [1000]];

function invalidCheckoutParams(world: FuzzWorld, certification: boolean): fc.Arbitrary<Record<string, unknown>> {
  const userCode = fc.oneof(fc.constant(world.merchantCode), fc.constant(world.merchantCode.toUpperCase()), nastyString, fc.constant(undefined));
  const decisive = certification
    ? fc.record({ merchant_uid: fc.oneof(fc.constant('c-1'), nastyString), min_age: fc.constantFrom(-1, 151, 'abc', 1.5, {}, 'NaN') })
    : fc.record({ merchant_uid: fc.oneof(fc.constant('o-1'), nastyString), amount: fc.constantFrom(...INVALID_AMOUNTS) });
  return fc.tuple(nastyObject, userCode, decisive).map(([noise, user_code, fields]) => ({ ...noise, user_code, ...fields }));
}

function openBody(world: FuzzWorld, certification: boolean): fc.Arbitrary<Body> {
  return fc.oneof(
    anyBody,
    fc
      .record({
        params: fc.oneof(invalidCheckoutParams(world, certification), nastyValue),
        mode: fc.oneof(fc.constantFrom('iframe', 'popup', 'redirect'), nastyValue),
        origin: fc.oneof(fc.constant('http://shop.test'), fc.constant(null), nastyValue),
      })
      .map(json),
  );
}

function redirectBody(world: FuzzWorld): fc.Arbitrary<Body> {
  const request = fc.oneof(
    nastyString,
    fc
      .record({
        action: fc.oneof(fc.constantFrom('payment', 'certification'), nastyValue),
        params: fc.oneof(
          nastyValue,
          fc.record({
            user_code: fc.constant(world.merchantCode),
            merchant_uid: fc.constant('r-1'),
            amount: fc.constant(1000),
            // Never an absolute http(s) URL, so no session may be stored.
            m_redirect_url: fc.oneof(fc.constantFrom('javascript:alert(1)', '/relative/done', 'ftp://shop.test/x', 'data:text/html,x', '//evil.example'), nastyValue),
          }),
        ),
        sdk: fc.oneof(fc.constant('fuzz'), nastyValue),
      })
      .map((value) => JSON.stringify(value)),
  );
  return fc.oneof(anyBody, request.map((r) => form({ request: r })), request.map((r) => json({ request: r })));
}

function credentialBody(world: FuzzWorld, route: RouteEntry): fc.Arbitrary<Body> {
  const fields =
    route.url === '/users/getToken'
      ? fc.record({
          imp_key: fc.oneof(fc.constant(world.apiKey), fc.constant(world.revokedApiKey), nastyValue),
          // The revoked (pre-reissue) secret of its own key, or junk: never a current secret.
          imp_secret: fc.oneof(fc.constant(world.revokedSecret), nastyValue),
        })
      : fc.record({
          email: fc.oneof(fc.constant(world.email), nastyValue),
          password: nastyValue,
          name: nastyValue,
        });
  return fc.oneof(anyBody, fields.map(json), fields.map(form));
}

function wrongCheckoutTokenBody(world: FuzzWorld, route: RouteEntry): fc.Arbitrary<Body> {
  // The other checkout's real token: valid-looking, but not this checkout's.
  const otherToken = route.url.includes('certifications') ? world.own.readyCheckoutToken : world.own.certCheckoutToken;
  return fc.oneof(
    anyBody,
    fc.tuple(fc.oneof(fc.constant(otherToken), nastyValue), nastyObject).map(([checkout_token, extra]) => json({ ...extra, checkout_token })),
  );
}

/** With the checkout's real token: input the sandbox must refuse without touching the checkout. */
function invalidWithRealToken(world: FuzzWorld, route: RouteEntry): fc.Arbitrary<Body> {
  const certification = route.url.includes('certifications');
  const token = certification ? world.own.certCheckoutToken : world.own.readyCheckoutToken;
  if (route.url.endsWith('/cancel')) return failingBody(route);
  const invalid = certification
    ? fc.constantFrom({ phone: 'abc' }, { birthday: '2020-13-45' }, { gender: 'x' }, { carrier: 'ZZZ' }, { name: '  ' }, { phone: '0101234' })
    : fc.constantFrom({ card_quota: -1 }, { card_quota: 37 }, { card_quota: 99 }, { card_quota: 'abc' }, { card_quota: 1.5 });
  return fc.oneof(failingBody(route), invalid.map((fields) => json({ checkout_token: token, ...fields })));
}

// ---------- requests ----------

export interface FuzzRequest extends RawRequest {
  headers: Record<string, string>;
}

function build(route: RouteEntry, path: fc.Arbitrary<string>, headers: fc.Arbitrary<Headers>, body: fc.Arbitrary<Body>): fc.Arbitrary<FuzzRequest> {
  return fc.record({ path, query: queryString, headers, body }).map(({ path: p, query, headers: h, body: b }) => ({
    method: route.method,
    path: p + query,
    headers: { ...h, ...(b.contentType !== undefined ? { 'content-type': b.contentType } : {}) },
    ...(b.body !== undefined && route.method !== 'GET' && route.method !== 'HEAD' ? { body: b.body } : {}),
  }));
}

/** The generator of one family for one route, or null when the family does not apply to it. */
export function requestsFor(route: RouteEntry, world: FuzzWorld, family: Family): fc.Arbitrary<FuzzRequest> | null {
  const kind = kindOf(route);
  const path = pathFor(route, world, family);
  const sameOrigin: Headers = { origin: world.url, 'sec-fetch-site': 'same-origin' };

  if (family === 'unauthorised') {
    switch (kind) {
      case 'rest':
        return build(route, path, badTokenHeaders(world), anyBody);
      case 'getToken':
      case 'consoleAuth':
        return build(route, path, fc.constant({}), credentialBody(world, route));
      case 'console':
        return build(route, path, badSessionHeaders(world), anyBody);
      case 'consolePublic':
        // Logout deletes the session it is given: only forged ones here (a real one would legitimately end).
        return build(route, path, badSessionHeaders(world, route.url !== '/console/api/logout'), anyBody);
      case 'checkout': {
        if (isReadOnly(route)) return build(route, path, fc.oneof(fc.constant({}), crossSite({})), anyBody);
        const isOpen = route.url === '/checkout/api/payments' || route.url === '/checkout/api/certifications';
        const body = isOpen ? openBody(world, route.url.endsWith('certifications')) : wrongCheckoutTokenBody(world, route);
        return fc.oneof(build(route, path, fc.constant(sameOrigin), body), build(route, path, crossSite({}), anyBody));
      }
      case 'redirectPost':
        return build(route, path, fc.oneof(fc.constant({}), fc.constant({ origin: 'https://evil.example' })), redirectBody(world));
      case 'public':
        return build(route, path, fc.oneof(fc.constant({}), badSessionHeaders(world)), anyBody);
    }
  }

  // authorised-invalid: only where there is a credential to hold.
  const readOnly = isReadOnly(route);
  const hasParams = route.url.includes('/:');
  const body = readOnly ? anyBody : hasParams ? fc.oneof(noBody, failingBody(route)) : failingBody(route);
  switch (kind) {
    case 'rest': {
      const auth = fc.constantFrom<Headers>({ authorization: `Bearer ${world.token}` }, { authorization: world.token }, { 'x-imptokenheader': world.token });
      return build(route, path, auth, body);
    }
    case 'console':
      return build(route, path, fc.constantFrom<Headers>({ cookie: world.cookie, ...sameOrigin }, { cookie: world.cookie }, { cookie: world.cookie, 'sec-fetch-site': 'none' }), body);
    case 'checkout': {
      if (readOnly || !hasParams) return null;
      // The real checkout (own ready payment / certification) with invalid input, or another merchant's id.
      const ownId = route.url.includes('certifications') ? world.own.certImpUid : world.own.readyImpUid;
      const ownPath = fc.constant(route.url.replace(':imp_uid', ownId));
      return fc.oneof(
        build(route, ownPath, fc.constant(sameOrigin), invalidWithRealToken(world, route)),
        build(route, path, fc.constant(sameOrigin), wrongCheckoutTokenBody(world, route)),
      );
    }
    default:
      return null;
  }
}
