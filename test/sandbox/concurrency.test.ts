// Issue 6, "Concurrency", within one sandbox process over real HTTP (the
// stress suite repeats these with two processes sharing one SQLite file):
//  - 100 concurrent approvals of one merchant_uid: exactly one paid;
//  - partial cancels (REST and console) racing with lookups: no lookup ever
//    shows a negative balance, a history that does not add up, or a status
//    that does not match the refunds; the accepted cancels add up exactly.
// Seeded pseudo-random amounts; bounded counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { databaseProblems, paymentProblems, type V1PaymentLike } from '../support/payment-invariants';
import { startTestSandbox, tempDatabase, type RunningSandbox } from '../support/sandbox';
import { approve, authHeaders, consoleCall, demoToken, http, openPayment, pay, sessionCookie } from './helpers';

const db = tempDatabase();
let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox({ db: db.path, webhooks: false });
  token = await demoToken(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  db.cleanup();
});

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('concurrent approvals', () => {
  it('100 concurrent approvals of one merchant_uid: exactly one paid', async () => {
    const params = { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'race-100', amount: 25_000 };
    const opened = await Promise.all(Array.from({ length: 100 }, () => openPayment(sandbox.url, params)));
    const checkouts = opened.map((r) => r.body.response as { imp_uid: string; checkout_token: string });
    expect(new Set(checkouts.map((c) => c.imp_uid)).size).toBe(100);

    const results = await Promise.all(checkouts.map((c) => approve(sandbox.url, c.imp_uid, c.checkout_token)));
    const outcomes = results.map((r) => r.body.response.sdk_response as { success: boolean; error_code?: string; imp_uid: string });
    const winners = outcomes.filter((o) => o.success);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => !o.success).every((o) => o.error_code === 'F1002')).toBe(true);

    const paid = await http(sandbox.url, 'GET', '/payments/findAll/race-100/paid', { headers: authHeaders(token) });
    expect(paid.body.response.total).toBe(1);
    expect(paid.body.response.list[0].imp_uid).toBe(winners[0]!.imp_uid);
    const all = await http(sandbox.url, 'GET', '/payments/findAll/race-100?limit=1000', { headers: authHeaders(token) });
    expect(all.body.response.total).toBe(100);
    for (const payment of all.body.response.list as V1PaymentLike[]) expect(paymentProblems(payment)).toEqual([]);
    console.log(`[concurrency] 100 concurrent approvals of one merchant_uid: 1 paid, 99 refused with F1002, 100 records checked`);
  });
});

describe('cancels racing with lookups', () => {
  it('never shows a negative balance or a history that does not add up', async () => {
    const random = seeded(20_250_601);
    const cookie = sessionCookie(
      (await http(sandbox.url, 'POST', '/console/api/login', { json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password } })).headers,
    );
    const payments = [
      { impUid: await pay(sandbox.url, { merchant_uid: 'race-cancel-krw', amount: 100_000 }), amount: 100_000, currency: 'KRW' },
      { impUid: await pay(sandbox.url, { merchant_uid: 'race-cancel-usd', amount: 99.99, currency: 'USD', pg: 'paypal' }), amount: 99.99, currency: 'USD' },
    ];
    const lookups: V1PaymentLike[] = [];
    const accepted = new Map<string, number>();
    let refused = 0;

    const cancels = payments.flatMap((payment) =>
      Array.from({ length: 60 }, (_, i) => {
        // Amounts from 0.5% to 8% of the total: the balance runs out part-way, so refusals race acceptances.
        const raw = payment.amount * (0.005 + random() * 0.075);
        const amount = payment.currency === 'KRW' ? Math.max(1, Math.round(raw)) : Math.max(0.01, Math.round(raw * 100) / 100);
        const viaConsole = i % 5 === 0;
        return async () => {
          const result = viaConsole
            ? await consoleCall(sandbox.url, cookie, 'POST', `/console/api/payments/${payment.impUid}/cancel`, { amount })
            : await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: payment.impUid, amount }, headers: authHeaders(token) });
          const ok = viaConsole ? result.status === 200 : result.body.code === 0;
          if (ok) accepted.set(payment.impUid, Math.round(((accepted.get(payment.impUid) ?? 0) + amount) * 100) / 100);
          else refused++;
        };
      }),
    );
    const lookupsOf = payments.flatMap((payment) =>
      Array.from({ length: 150 }, () => async () => {
        const result = await http(sandbox.url, 'GET', `/payments/${payment.impUid}`, { headers: authHeaders(token) });
        lookups.push(result.body.response as V1PaymentLike);
      }),
    );
    // Interleave cancels and lookups, all in flight together.
    const jobs = [...cancels, ...lookupsOf].sort(() => random() - 0.5);
    await Promise.all(jobs.map((job) => job()));

    const problems = lookups.flatMap(paymentProblems);
    expect(problems).toEqual([]);
    for (const payment of payments) {
      const final = (await http(sandbox.url, 'GET', `/payments/${payment.impUid}`, { headers: authHeaders(token) })).body.response as V1PaymentLike;
      expect(paymentProblems(final)).toEqual([]);
      expect(final.cancel_amount).toBeCloseTo(accepted.get(payment.impUid) ?? 0, 2);
      expect(final.cancel_amount).toBeLessThanOrEqual(payment.amount);
    }
    expect(refused).toBeGreaterThan(0);
    expect(databaseProblems(sandbox.db)).toEqual([]);
    console.log(
      `[concurrency] ${cancels.length} partial cancels (REST and console) racing ${lookups.length} lookups on 2 payments (KRW, USD): ` +
        `${cancels.length - refused} accepted, ${refused} refused, 0 negative balances or mismatched histories`,
    );
  });
});
