// Issue 6, "Secrets and sessions": getToken and console login resist brute
// force. Failed attempts are limited per client IP and per imp_key / e-mail
// (demo/sandbox/http/attempt-limits.ts): once locked, even the right
// credentials get 429 with Retry-After until the window ends; successful
// attempts are never counted; logins still running count, so guesses fired
// in parallel cannot slip past the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPT_LIMITS } from '../../demo/sandbox/http/attempt-limits';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, TestClock, type RunningSandbox } from '../support/sandbox';
import { http, signUp, type HttpResult, type SignedUp } from './helpers';

const MINUTE = 60_000;
const clock = new TestClock(Date.UTC(2025, 2, 1, 9, 0, 0));
let sandbox: RunningSandbox;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    clock: clock.now,
    webhooks: false,
    attemptLimits: {
      getTokenPerKey: { max: 5, windowMs: MINUTE },
      getTokenPerIp: { max: 12, windowMs: MINUTE },
      loginPerEmail: { max: 3, windowMs: 15 * MINUTE },
      loginPerIp: { max: 8, windowMs: 15 * MINUTE },
    },
  });
  [a, b] = await Promise.all([signUp(sandbox.url), signUp(sandbox.url)]);
});
afterAll(() => sandbox.close());

const getToken = (imp_key: string, imp_secret: string) => http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key, imp_secret } });
const login = (email: string, password: string) => http(sandbox.url, 'POST', '/console/api/login', { json: { email, password } });

function expectLocked(result: HttpResult, maxSeconds: number): void {
  expect(result.status).toBe(429);
  expect(result.body).toMatchObject({ code: -1, response: null });
  expect(result.body.message).toMatch(/Too many failed attempts/);
  const retryAfter = Number(result.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('getToken', () => {
  it('locks an imp_key after 5 failures, even for the right secret, until the window ends', async () => {
    for (let i = 0; i < 5; i++) expect((await getToken(a.api_key, `wrong-${i}`)).status).toBe(401);
    expectLocked(await getToken(a.api_key, a.api_secret), 60);
    // Another key from the same client is not locked (the IP has 5 of 12).
    expect((await getToken(b.api_key, b.api_secret)).status).toBe(200);

    clock.advance(MINUTE);
    expect((await getToken(a.api_key, a.api_secret)).status).toBe(200);
  });

  it('locks the client IP after 12 failures across keys', async () => {
    clock.advance(MINUTE);
    for (let i = 0; i < 12; i++) expect((await getToken(`99990000${String(i).padStart(8, '0')}`, 'guess')).status).toBe(401);
    expectLocked(await getToken(b.api_key, b.api_secret), 60);
    clock.advance(MINUTE);
    expect((await getToken(b.api_key, b.api_secret)).status).toBe(200);
  });

  it('never counts successful attempts: 600 right ones, 50 at a time, all 200', async () => {
    clock.advance(MINUTE);
    const statuses: number[] = [];
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(Array.from({ length: 50 }, () => getToken(a.api_key, a.api_secret)));
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    console.log(`[brute force] getToken: ${statuses.length} successful calls at 50 concurrent, 0 refused`);
  });
});

describe('console login', () => {
  it('locks an e-mail after 3 wrong passwords, even for the right one, for 15 minutes', async () => {
    for (let i = 0; i < 3; i++) expect((await login(a.email, `wrong password ${i}`)).status).toBe(401);
    // Same e-mail written differently is the same account.
    expectLocked(await login(` ${a.email.toUpperCase()} `, a.password), 15 * 60);
    expect((await login(b.email, b.password)).status).toBe(200);
    clock.advance(14 * MINUTE);
    expectLocked(await login(a.email, a.password), 60);
    clock.advance(MINUTE);
    expect((await login(a.email, a.password)).status).toBe(200);
  });

  it('counts guesses still running: 40 parallel wrong passwords get at most 3 checked', async () => {
    clock.advance(15 * MINUTE);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(b.email, `parallel guess ${i}`)));
    const checked = results.filter((r) => r.status === 401).length;
    const locked = results.filter((r) => r.status === 429).length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(checked + locked).toBe(40);
    console.log(`[brute force] login: 40 parallel wrong passwords → ${checked} checked, ${locked} refused with 429`);
  });

  it('locks the client IP after 8 failed logins across e-mails', async () => {
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 8; i++) expect((await login(`nobody-${i}@example.com`, 'whatever123')).status).toBe(401);
    expectLocked(await login(a.email, a.password), 15 * 60);
  });
});

describe('defaults', () => {
  it('are on without options: 20 failures lock an imp_key for a minute', async () => {
    expect(DEFAULT_ATTEMPT_LIMITS.getTokenPerKey).toEqual({ max: 20, windowMs: MINUTE });
    const plain = await startTestSandbox({ webhooks: false });
    try {
      const attempt = () => http(plain.url, 'POST', '/users/getToken', { json: { imp_key: DEMO_MERCHANT.apiKey, imp_secret: 'wrong' } });
      for (let i = 0; i < 20; i++) expect((await attempt()).status).toBe(401);
      const locked = await attempt();
      expectLocked(locked, 60);
    } finally {
      await plain.close();
    }
  });
});
