// HTTP helpers for the sandbox tests: plain fetch against a listening sandbox.
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

export async function http<T = any>(base: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (options.raw !== undefined) {
    body = options.raw;
    if (options.contentType) headers['content-type'] = options.contentType;
  }
  const response = await fetch(base + path, { method, headers, body, redirect: options.redirect ?? 'follow' });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}_${Date.now()}_${++counter}`;

export interface SignedUp {
  merchant_code: string;
  api_key: string;
  api_secret: string;
  email: string;
  password: string;
  cookie: string;
}

/** The `name=value` part of the session cookie set by a response. */
export function sessionCookie(headers: Headers): string {
  const setCookie = headers.getSetCookie().find((c) => c.startsWith('imp_console_session='));
  if (!setCookie) throw new Error('no session cookie set');
  return setCookie.split(';')[0]!;
}

export async function signUp(base: string, overrides: Partial<{ email: string; password: string; name: string }> = {}): Promise<SignedUp> {
  const email = overrides.email ?? `${uniqueId('m')}@example.com`;
  const password = overrides.password ?? 'correct horse battery';
  const result = await http(base, 'POST', '/console/api/signup', { json: { email, password, name: overrides.name ?? '테스트 상점' } });
  if (result.status !== 200) throw new Error(`signup failed: ${result.status} ${result.text}`);
  return { ...result.body, email, password, cookie: sessionCookie(result.headers) };
}

export function consoleCall<T = any>(base: string, cookie: string, method: string, path: string, json?: unknown) {
  return http<T>(base, method, path, { json, headers: { cookie } });
}

export async function getToken(base: string, apiKey: string, apiSecret: string): Promise<string> {
  const result = await http(base, 'POST', '/users/getToken', { json: { imp_key: apiKey, imp_secret: apiSecret } });
  if (result.status !== 200) throw new Error(`getToken failed: ${result.status} ${result.text}`);
  return result.body.response.access_token;
}

export const demoToken = (base: string) => getToken(base, DEMO_MERCHANT.apiKey, DEMO_MERCHANT.apiSecret);

export type AuthForm = 'bearer' | 'raw' | 'legacy';
export const AUTH_FORMS: AuthForm[] = ['bearer', 'raw', 'legacy'];

export function authHeaders(token: string, form: AuthForm = 'bearer', tier?: string): Record<string, string> {
  const headers: Record<string, string> =
    form === 'bearer' ? { authorization: `Bearer ${token}` } : form === 'raw' ? { authorization: token } : { 'x-imptokenheader': token };
  if (tier) headers.tier = tier;
  return headers;
}

export function openPayment(base: string, params: Record<string, unknown>, mode = 'iframe', origin: string | null = 'http://shop.test') {
  return http(base, 'POST', '/checkout/api/payments', { json: { params, mode, origin } });
}

export function approve(base: string, impUid: string, checkoutToken: string, extra: Record<string, unknown> = {}) {
  return http(base, 'POST', `/checkout/api/payments/${impUid}/approve`, { json: { checkout_token: checkoutToken, ...extra } });
}

/** Opens and approves a card payment of the demo merchant (or `user_code` in params); returns the imp_uid. */
export async function pay(base: string, params: Record<string, unknown>, approveExtra: Record<string, unknown> = {}): Promise<string> {
  const opened = await openPayment(base, { user_code: DEMO_MERCHANT.merchantCode, amount: 1000, name: '테스트 주문', ...params });
  if (opened.body.code !== 0) throw new Error(`open failed: ${opened.text}`);
  const approved = await approve(base, opened.body.response.imp_uid, opened.body.response.checkout_token, approveExtra);
  if (approved.body.code !== 0) throw new Error(`approve failed: ${approved.text}`);
  return opened.body.response.imp_uid;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
