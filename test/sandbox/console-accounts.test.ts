// The console (the seed): sign-up issues a merchant code, API key and secret;
// login/logout; sessions in HttpOnly SameSite cookies; reissue makes the old
// secret and its tokens stop working at once; cross-site requests refused;
// secrets and passwords never stored or answered in clear.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, tempDatabase, type RunningSandbox } from '../support/sandbox';
import { consoleCall, getToken, http, sessionCookie, signUp, uniqueId } from './helpers';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('sign-up', () => {
  it('issues a merchant code, a 16-digit API key and a secret, and starts a session', async () => {
    const result = await http(sandbox.url, 'POST', '/console/api/signup', {
      json: { email: `  ${uniqueId('Owner')}@Example.COM `, password: 'long enough pw', name: '나의 상점' },
    });
    expect(result.status).toBe(200);
    expect(result.body.merchant_code).toMatch(/^imp\d{8}$/);
    expect(result.body.api_key).toMatch(/^[1-9]\d{15}$/);
    expect(result.body.api_secret).toMatch(/^[0-9a-f]{80}$/);
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('imp_console_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    const keys = await consoleCall(sandbox.url, sessionCookie(result.headers), 'GET', '/console/api/keys');
    expect(keys.status).toBe(200);
    expect(keys.body).toMatchObject({ merchant_code: result.body.merchant_code, api_key: result.body.api_key, tiers: [] });
    expect(keys.text).not.toContain(result.body.api_secret);
    expect(keys.headers.get('cache-control')).toBe('no-store');
  });

  it('gives every merchant its own code and key', async () => {
    const [a, b] = await Promise.all([signUp(sandbox.url), signUp(sandbox.url)]);
    expect(a.merchant_code).not.toBe(b.merchant_code);
    expect(a.api_key).not.toBe(b.api_key);
    expect(a.api_secret).not.toBe(b.api_secret);
  });

  it('refuses a duplicate e-mail (after normalising case and spaces) with 409', async () => {
    const first = await signUp(sandbox.url);
    const again = await http(sandbox.url, 'POST', '/console/api/signup', {
      json: { email: ` ${first.email.toUpperCase()} `, password: 'another password', name: 'x' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 1, response: null });
  });

  it('refuses short passwords and bad e-mails with 400', async () => {
    const short = await http(sandbox.url, 'POST', '/console/api/signup', { json: { email: 'a@b.co', password: 'short', name: 'x' } });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/at least 8/);
    const badEmail = await http(sandbox.url, 'POST', '/console/api/signup', { json: { email: 'nope', password: 'long enough', name: 'x' } });
    expect(badEmail.status).toBe(400);
  });
});

describe('login and sessions', () => {
  it('logs in with the password, and logout ends the session', async () => {
    const merchant = await signUp(sandbox.url);
    const wrong = await http(sandbox.url, 'POST', '/console/api/login', { json: { email: merchant.email, password: 'wrong password' } });
    expect(wrong.status).toBe(401);
    const unknown = await http(sandbox.url, 'POST', '/console/api/login', { json: { email: 'nobody@example.com', password: 'whatever123' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);

    const login = await http(sandbox.url, 'POST', '/console/api/login', { json: { email: merchant.email, password: merchant.password } });
    expect(login.status).toBe(200);
    expect(login.body.merchant_code).toBe(merchant.merchant_code);
    expect(login.text).not.toContain(merchant.api_secret);
    const cookie = sessionCookie(login.headers);
    expect((await consoleCall(sandbox.url, cookie, 'GET', '/console/api/keys')).status).toBe(200);

    expect((await consoleCall(sandbox.url, cookie, 'POST', '/console/api/logout')).status).toBe(200);
    expect((await consoleCall(sandbox.url, cookie, 'GET', '/console/api/keys')).status).toBe(401);
  });

  it('tells the page whether it is signed in without a 401', async () => {
    const anonymous = await http(sandbox.url, 'GET', '/console/api/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ signed_in: false });
    const merchant = await signUp(sandbox.url);
    const signedIn = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/session');
    expect(signedIn.body).toMatchObject({ signed_in: true, merchant_code: merchant.merchant_code, email: merchant.email });
  });

  it('refuses a missing, forged or unknown session cookie with 401', async () => {
    expect((await http(sandbox.url, 'GET', '/console/api/keys')).status).toBe(401);
    const forged = await consoleCall(sandbox.url, 'imp_console_session=forged-session-value', 'GET', '/console/api/keys');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: -1, response: null });
    const reissue = await consoleCall(sandbox.url, 'imp_console_session=x', 'POST', '/console/api/keys/reissue');
    expect(reissue.status).toBe(401);
  });

  it('refuses cross-site requests even with a valid session', async () => {
    const merchant = await signUp(sandbox.url);
    const evil = await http(sandbox.url, 'POST', '/console/api/keys/reissue', {
      headers: { cookie: merchant.cookie, origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.body).toMatchObject({ code: -1, response: null });
    const crossSite = await http(sandbox.url, 'POST', '/console/api/tiers', {
      json: { name: 'x' },
      headers: { cookie: merchant.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const signupFromElsewhere = await http(sandbox.url, 'POST', '/console/api/signup', {
      json: { email: `${uniqueId('x')}@example.com`, password: 'long enough', name: 'x' },
      headers: { origin: 'http://evil.example' },
    });
    expect(signupFromElsewhere.status).toBe(403);
    // The same origin is fine.
    const sameOrigin = await http(sandbox.url, 'GET', '/console/api/keys', {
      headers: { cookie: merchant.cookie, origin: sandbox.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('secret reissue', () => {
  it('makes the old secret and every token issued with it stop working at once', async () => {
    const merchant = await signUp(sandbox.url);
    const oldToken = await getToken(sandbox.url, merchant.api_key, merchant.api_secret);
    expect((await http(sandbox.url, 'GET', '/payments/status/all', { headers: { authorization: oldToken } })).status).toBe(200);

    const reissue = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/keys/reissue');
    expect(reissue.status).toBe(200);
    const newSecret: string = reissue.body.api_secret;
    expect(newSecret).toMatch(/^[0-9a-f]{80}$/);
    expect(newSecret).not.toBe(merchant.api_secret);

    const oldTokenUse = await http(sandbox.url, 'GET', '/payments/status/all', { headers: { authorization: oldToken } });
    expect(oldTokenUse.status).toBe(401);
    expect(oldTokenUse.body.message).toMatch(/재발급/);
    const oldSecret = await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: merchant.api_key, imp_secret: merchant.api_secret } });
    expect(oldSecret.status).toBe(401);
    expect(oldSecret.body).toMatchObject({ code: -1, response: null });

    const newToken = await getToken(sandbox.url, merchant.api_key, newSecret);
    expect(newToken).not.toBe(oldToken);
    expect((await http(sandbox.url, 'GET', '/payments/status/all', { headers: { authorization: newToken } })).status).toBe(200);
    // The key and code stay; only the secret changed.
    const keys = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/keys');
    expect(keys.body.api_key).toBe(merchant.api_key);
  });
});

describe('secrets at rest', () => {
  it('never stores the API secret, the password or a session id in clear', async () => {
    const db = tempDatabase();
    const fileSandbox = await startTestSandbox({ db: db.path });
    try {
      const merchant = await signUp(fileSandbox.url, { password: 'a memorable passphrase 42' });
      const token = await getToken(fileSandbox.url, merchant.api_key, merchant.api_secret);
      const reissued = await consoleCall(fileSandbox.url, merchant.cookie, 'POST', '/console/api/keys/reissue');
      fileSandbox.db.pragma('wal_checkpoint(TRUNCATE)');
      const sessionId = merchant.cookie.split('=')[1]!;
      const bytes = Buffer.concat([readFileSync(db.path), ...['-wal', '-shm'].map((s) => { try { return readFileSync(db.path + s); } catch { return Buffer.alloc(0); } })]);
      for (const secret of [merchant.api_secret, reissued.body.api_secret, 'a memorable passphrase 42', token, sessionId]) {
        expect(bytes.includes(Buffer.from(secret)), `found ${secret.slice(0, 8)}… in the database`).toBe(false);
      }
      // The key and code are not secrets: they are there.
      expect(bytes.includes(Buffer.from(merchant.api_key))).toBe(true);
    } finally {
      await fileSandbox.close();
      db.cleanup();
    }
  });
});
