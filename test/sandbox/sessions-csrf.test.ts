// Issue 6, "Secrets and sessions": console sessions are bound to HttpOnly
// SameSite cookies, unforgeable, renewed at every login (no fixation), ended
// server-side by logout, and CSRF-safe: every state-changing console route
// (enumerated from Fastify, so new ones are covered) refuses a request the
// browser marks as cross-site, even with the real cookie, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, dumpDatabase } from '../support/db-dump';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { consoleCall, http, sessionCookie, signUp, type SignedUp } from './helpers';

let sandbox: RunningSandbox;
let merchant: SignedUp;
beforeAll(async () => {
  sandbox = await startTestSandbox({ webhooks: false });
  merchant = await signUp(sandbox.url);
});
afterAll(() => sandbox.close());

const login = (cookie?: string) =>
  http(sandbox.url, 'POST', '/console/api/login', { json: { email: merchant.email, password: merchant.password }, headers: cookie ? { cookie } : {} });

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, path /, 12 hours, a 256-bit random id', async () => {
    const result = await login();
    const header = result.headers.getSetCookie().find((c) => c.startsWith('imp_console_session='))!;
    const attributes = header.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain(`max-age=${12 * 60 * 60}`);
    expect(sessionCookie(result.headers).split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is renewed at every login, and a cookie planted before login is never adopted', async () => {
    const planted = 'imp_console_session=attacker-chosen-session-id-0123456789abcdefg';
    const first = sessionCookie((await login(planted)).headers);
    const second = sessionCookie((await login(first)).headers);
    expect(first).not.toBe(planted);
    expect(second).not.toBe(first);
    expect((await consoleCall(sandbox.url, planted, 'GET', '/console/api/keys')).status).toBe(401);
    // Both real sessions work until they are ended.
    expect((await consoleCall(sandbox.url, first, 'GET', '/console/api/keys')).status).toBe(200);
    expect((await consoleCall(sandbox.url, first, 'POST', '/console/api/logout')).status).toBe(200);
    expect((await consoleCall(sandbox.url, first, 'GET', '/console/api/keys')).status).toBe(401);
    expect((await consoleCall(sandbox.url, second, 'GET', '/console/api/keys')).status).toBe(200);
  });

  it('cannot be forged: ids of the right shape, other merchants\u2019 hashes, or tampered ids are refused', async () => {
    const row = sandbox.db.prepare('SELECT session_hash FROM console_sessions LIMIT 1').get() as { session_hash: string };
    for (const value of ['A'.repeat(43), row.session_hash, `${sessionCookie((await login()).headers).split('=')[1]!.slice(0, -1)}A`, '']) {
      expect((await consoleCall(sandbox.url, `imp_console_session=${value}`, 'GET', '/console/api/keys')).status).toBe(401);
    }
  });
});

describe('CSRF', () => {
  const CROSS_SITE: Array<Record<string, string>> = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: 'http://localhost:1' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];

  it('refuses every state-changing console request marked cross-site, with the real cookie, and writes nothing', async () => {
    const routes = sandbox.app.sandbox.routes.filter((r) => r.url.startsWith('/console/api/') && r.method !== 'GET' && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const paid = sandbox.db.prepare("SELECT imp_uid FROM payments LIMIT 1").get() as { imp_uid: string } | undefined;
    const before = dumpDatabase(sandbox.db);
    let tried = 0;
    for (const route of routes) {
      const path = route.url.replace(':imp_uid', paid?.imp_uid ?? 'imp_000000000000').replace(':tier_code', 'A01').replace(':id', '1');
      for (const headers of CROSS_SITE) {
        // A cross-site HTML form can send only "simple" bodies: form-encoded is the dangerous one.
        for (const body of [{ form: { name: 'x', url: 'http://evil.example/', email: merchant.email, password: merchant.password } }, { json: { name: 'x' } }]) {
          const result = await http(sandbox.url, route.method, path, { ...body, headers: { cookie: merchant.cookie, ...headers } });
          tried++;
          expect(result.status, `${route.method} ${path} ${JSON.stringify(headers)}`).toBe(403);
          expect(result.body).toMatchObject({ code: -1, response: null });
          expect(result.body.message).toMatch(/Cross-site request refused/);
        }
      }
    }
    expect(changedTables(before, dumpDatabase(sandbox.db))).toEqual([]);
    console.log(`[csrf] ${routes.length} state-changing console routes × ${CROSS_SITE.length} cross-site markers × 2 bodies = ${tried} requests: all 403, database unchanged`);
  });

  it('accepts the same requests from the console page itself (same origin)', async () => {
    const result = await http(sandbox.url, 'POST', '/console/api/tiers', {
      json: { name: '본점', tier_code: 'S01' },
      headers: { cookie: merchant.cookie, origin: sandbox.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(result.status).toBe(200);
  });
});
