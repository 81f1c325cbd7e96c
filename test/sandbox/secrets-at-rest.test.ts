// Issue 6, "Secrets and sessions": API secrets, passwords, access tokens,
// console session ids, checkout tokens and redirect session ids never appear
// in the logs (captured at trace level, the most verbose, during a full
// scenario), never in an answer except the one that issues them, and never
// in clear in the database file (its bytes, the -wal and -shm files
// included, are scanned for each of them).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, tempDatabase, type RunningSandbox } from '../support/sandbox';
import { authHeaders, http, sessionCookie, waitFor, type HttpResult, type RequestOptions } from './helpers';
import { WebhookReceiver } from './webhook-receiver';

const db = tempDatabase();
const logLines: string[] = [];
let sandbox: RunningSandbox;
let receiver: WebhookReceiver;

/** Every secret the scenario handled, by what it is. */
const secrets = new Map<string, string>();
/** Every answer of the scenario, with whether it is allowed to carry an API secret (it issues one). */
const answers: Array<{ what: string; result: HttpResult; issuesSecret: boolean }> = [];

function remember(what: string, value: string): string {
  expect(value.length).toBeGreaterThanOrEqual(16);
  secrets.set(what, value);
  return value;
}

async function call(what: string, method: string, path: string, options: RequestOptions = {}, issuesSecret = false): Promise<HttpResult> {
  const result = await http(sandbox.url, method, path, options);
  answers.push({ what, result, issuesSecret });
  return result;
}

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  sandbox = await startTestSandbox({
    db: db.path,
    logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
  });

  // Sign-up: a password and a secret.
  const password = remember('console password', 'correct horse battery staple 42');
  const email = 'secrets-owner@example.com';
  const signup = await call('signup', 'POST', '/console/api/signup', { json: { email, password, name: '비밀 상점' } }, true);
  expect(signup.status).toBe(200);
  const firstSecret = remember('first API secret', signup.body.api_secret);
  const signupSession = remember('sign-up session id', sessionCookie(signup.headers).split('=')[1]!);
  const cookie = `imp_console_session=${signupSession}`;
  await call('webhook settings', 'PUT', '/console/api/webhook', { json: { url: receiver.url }, headers: { cookie } });

  // getToken with the right and a wrong secret; the token in all three header forms.
  const firstToken = await call('getToken', 'POST', '/users/getToken', { json: { imp_key: signup.body.api_key, imp_secret: firstSecret } });
  const token = remember('first access token', firstToken.body.response.access_token);
  await call('getToken (form)', 'POST', '/users/getToken', { form: { imp_key: signup.body.api_key, imp_secret: firstSecret } });
  await call('getToken wrong', 'POST', '/users/getToken', { json: { imp_key: signup.body.api_key, imp_secret: remember('mistyped secret', `${firstSecret.slice(0, 70)}0123456789`) } });
  for (const form of ['bearer', 'raw', 'legacy'] as const) {
    await call(`REST with token (${form})`, 'GET', '/payments/status/all', { headers: authHeaders(token, form) });
  }

  // A payment through the checkout API: its checkout token; a webhook that fails once, then is delivered.
  receiver.status = 500;
  const opened = await call('checkout open', 'POST', '/checkout/api/payments', {
    json: { params: { user_code: signup.body.merchant_code, merchant_uid: 'secret-order', amount: 5000 }, mode: 'iframe', origin: 'http://shop.test' },
  });
  const checkoutToken = remember('checkout token', opened.body.response.checkout_token);
  await call('checkout approve', 'POST', `/checkout/api/payments/${opened.body.response.imp_uid}/approve`, { json: { checkout_token: checkoutToken } });
  await waitFor(() => receiver.received.length >= 1, 5_000, 'a failed webhook attempt');
  receiver.status = 200;
  await waitFor(() => receiver.received.some((r) => r.answeredWith === 200), 5_000, 'the webhook delivery');

  // Redirect mode: the session id travels in a URL.
  const redirect = await call('redirect POST', 'POST', '/checkout/redirect', {
    form: { request: JSON.stringify({ action: 'payment', params: { user_code: signup.body.merchant_code, merchant_uid: 'r-1', amount: 100, m_redirect_url: 'http://shop.test/done' }, sdk: 't' }) },
    redirect: 'manual',
  });
  const redirectSession = remember('redirect session id', new URL(redirect.headers.get('location')!, sandbox.url).searchParams.get('session')!);
  await call('redirect session read', 'GET', `/checkout/api/redirect-sessions/${redirectSession}`);

  // Reissue: a second secret; the old token is refused; a token of the new secret.
  const reissued = await call('reissue', 'POST', '/console/api/keys/reissue', { headers: { cookie } }, true);
  const secondSecret = remember('second API secret', reissued.body.api_secret);
  await call('old token', 'GET', '/payments/status/all', { headers: authHeaders(token) });
  const second = await call('getToken new', 'POST', '/users/getToken', { json: { imp_key: signup.body.api_key, imp_secret: secondSecret } });
  remember('second access token', second.body.response.access_token);

  // Console login (wrong, then right), the session in use, logout.
  await call('login wrong', 'POST', '/console/api/login', { json: { email, password: remember('wrong password', 'correct horse battery staple 43') } });
  const login = await call('login', 'POST', '/console/api/login', { json: { email, password } });
  const loginSession = remember('login session id', sessionCookie(login.headers).split('=')[1]!);
  await call('console keys', 'GET', '/console/api/keys', { headers: { cookie: `imp_console_session=${loginSession}` } });
  await call('console payments', 'GET', '/console/api/payments', { headers: { cookie: `imp_console_session=${loginSession}` } });
  await call('logout', 'POST', '/console/api/logout', { headers: { cookie: `imp_console_session=${loginSession}` } });

  // The demo merchant's fixed secret and password go through too.
  await call('demo getToken', 'POST', '/users/getToken', { json: { imp_key: DEMO_MERCHANT.apiKey, imp_secret: DEMO_MERCHANT.apiSecret } });
  await call('demo login', 'POST', '/console/api/login', { json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password } });
  secrets.set('demo API secret', DEMO_MERCHANT.apiSecret);
  secrets.set('demo password', DEMO_MERCHANT.password);
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
  await receiver?.stop();
  db.cleanup();
});

describe('secrets', () => {
  it('never appear in the log, at trace level', () => {
    const log = logLines.join('');
    expect(logLines.length).toBeGreaterThan(40);
    // The log did record the scenario: request URLs and the webhook failure.
    expect(log).toContain('/users/getToken');
    expect(log).toContain('webhook failed, will retry');
    const leaked = [...secrets].filter(([, value]) => log.includes(value)).map(([what]) => what);
    expect(leaked).toEqual([]);
    console.log(`[secrets] log: ${logLines.length} lines at trace level scanned for ${secrets.size} secrets: 0 found`);
  });

  it('never appear in an answer, except the one that issues an API secret', () => {
    const apiSecrets = [...secrets].filter(([what]) => /API secret/.test(what));
    const leaks: string[] = [];
    for (const { what, result, issuesSecret } of answers) {
      const text = `${result.text}\n${[...result.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
      for (const [name, value] of apiSecrets) if (text.includes(value) && !issuesSecret) leaks.push(`${name} in ${what}`);
      for (const [name, value] of secrets) if (/password/.test(name) && text.includes(value)) leaks.push(`${name} in ${what}`);
    }
    expect(leaks).toEqual([]);
    console.log(`[secrets] answers: ${answers.length} scanned: no secret outside its issuing answer, no password anywhere`);
  });

  it('are not stored in clear: the database file, -wal and -shm hold none of them', () => {
    sandbox.db.pragma('wal_checkpoint(PASSIVE)');
    const files = [db.path, `${db.path}-wal`, `${db.path}-shm`].filter((file) => existsSync(file));
    expect(files[0]).toBe(db.path);
    const bytes = files.map((file) => readFileSync(file));
    const found: string[] = [];
    for (const [what, value] of secrets) {
      for (const [i, content] of bytes.entries()) if (content.includes(Buffer.from(value, 'utf8'))) found.push(`${what} in ${files[i]}`);
    }
    expect(found).toEqual([]);
    // The scan does see stored text: the SHA-256 of the current secret is there.
    const secondHash = createHash('sha256').update(secrets.get('second API secret')!).digest('hex');
    expect(bytes.some((content) => content.includes(Buffer.from(secondHash)))).toBe(true);
    console.log(`[secrets] database: ${bytes.reduce((n, b) => n + b.length, 0)} bytes in ${files.length} files scanned for ${secrets.size} secrets: 0 found`);
  });
});

describe('log URL redaction', () => {
  it('masks the redirect session id wherever a URL carries it', async () => {
    const { redactUrl } = await import('../../demo/sandbox/http/log-redaction');
    expect(redactUrl('/checkout/window?mode=redirect&session=abcDEF123_-')).toBe('/checkout/window?mode=redirect&session=[redacted]');
    expect(redactUrl('/checkout/api/redirect-sessions/abcDEF123_-?x=1')).toBe('/checkout/api/redirect-sessions/[redacted]?x=1');
    expect(redactUrl('/payments/imp_123456789012?token=t0k&limit=5')).toBe('/payments/imp_123456789012?token=[redacted]&limit=5');
    expect(redactUrl('/payments/status/paid?limit=5')).toBe('/payments/status/paid?limit=5');
  });
});
