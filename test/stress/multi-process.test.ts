// Issue 6, "Concurrency", with TWO sandbox processes (demo/sandbox/main.ts,
// as `npm run sandbox` runs it) sharing one SQLite file, so the guarantees
// rest on the database (transactions, the payments_one_paid index), not on
// better-sqlite3 serialising calls within one process. Every request below
// alternates between the two processes; approvals go to the process that did
// NOT open the checkout.
//  - 1,000 payments opened at once across 10 merchants × 5 tiers, then
//    approved at once: every imp_uid unique, none lost, each visible to its
//    owner (merchant + Tier) and to no one else;
//  - 100 concurrent approvals of one merchant_uid: exactly one paid;
//  - partial cancels racing lookups: no negative balance ever shown;
//  - a secret reissued through one process is refused by the other at once.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { databaseProblems, paymentProblems, type V1PaymentLike } from '../support/payment-invariants';
import { tempDatabase } from '../support/sandbox';
import { spawnSandbox, type SandboxProcess } from '../support/sandbox-process';
import { approve, authHeaders, consoleCall, getToken, http, openPayment, signUp, type SignedUp } from '../sandbox/helpers';

const db = tempDatabase();
let processes: SandboxProcess[] = [];
const at = (i: number) => processes[i % processes.length]!.url;

beforeAll(async () => {
  processes = [await spawnSandbox({ db: db.path }), await spawnSandbox({ db: db.path })];
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  db.cleanup();
});

/** Runs `jobs` with at most `limit` in flight. */
async function inBatches<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

function readDb<T>(read: (db: Database.Database) => T): T {
  const reader = new Database(db.path, { readonly: true });
  try {
    return read(reader);
  } finally {
    reader.close();
  }
}

const MERCHANTS = 10;
const TIERS = ['T01', 'T02', 'T03', 'T04', 'T05'];
const PAYMENTS = 1000;

describe('two sandbox processes, one SQLite file', () => {
  it(`${PAYMENTS} payments opened at once across ${MERCHANTS} merchants × ${TIERS.length} tiers: none lost, none cross-owned, every imp_uid unique`, async () => {
    const merchants: Array<SignedUp & { token: string }> = [];
    for (let m = 0; m < MERCHANTS; m++) {
      const merchant = await signUp(at(m));
      for (const [t, code] of TIERS.entries()) {
        const tier = await consoleCall(at(m + t), merchant.cookie, 'POST', '/console/api/tiers', { name: `지점 ${code}`, tier_code: code });
        expect(tier.status).toBe(200);
      }
      merchants.push({ ...merchant, token: await getToken(at(m + 1), merchant.api_key, merchant.api_secret) });
    }
    const specs = Array.from({ length: PAYMENTS }, (_, i) => ({
      merchant: i % MERCHANTS,
      tier: Math.floor(i / MERCHANTS) % TIERS.length,
      merchantUid: `stress-${i}`,
      amount: 1000 + i,
    }));

    const openStarted = performance.now();
    const opened = await Promise.all(
      specs.map((spec, i) =>
        openPayment(at(i), { user_code: merchants[spec.merchant]!.merchant_code, tier_code: TIERS[spec.tier], merchant_uid: spec.merchantUid, amount: spec.amount, name: 'stress' }),
      ),
    );
    const openMs = performance.now() - openStarted;
    expect(opened.filter((r) => r.status !== 200 || r.body.code !== 0).map((r) => r.text)).toEqual([]);
    const checkouts = opened.map((r) => r.body.response as { imp_uid: string; checkout_token: string; tier: { code: string } });
    expect(new Set(checkouts.map((c) => c.imp_uid)).size).toBe(PAYMENTS);
    expect(checkouts.every((c, i) => c.tier.code === TIERS[specs[i]!.tier])).toBe(true);

    const approveStarted = performance.now();
    const approved = await Promise.all(checkouts.map((c, i) => approve(at(i + 1), c.imp_uid, c.checkout_token)));
    const approveMs = performance.now() - approveStarted;
    expect(approved.filter((r) => r.body.response?.status !== 'paid').map((r) => r.text)).toEqual([]);

    // Each payment: its owner sees it (right merchant_uid, amount, tier); another merchant, a
    // sibling tier and the parent without Tier do not.
    let lookups = 0;
    const problems = (
      await inBatches(
        specs.map((spec, i) => async () => {
          const found: string[] = [];
          const owner = merchants[spec.merchant]!;
          const impUid = checkouts[i]!.imp_uid;
          const mine = await http(at(i), 'GET', `/payments/${impUid}`, { headers: authHeaders(owner.token, 'bearer', TIERS[spec.tier]) });
          const payment = mine.body?.response as (V1PaymentLike & { merchant_uid: string; tier_code: string }) | undefined;
          if (mine.status !== 200 || payment?.merchant_uid !== spec.merchantUid || payment.amount !== spec.amount || payment.tier_code !== TIERS[spec.tier] || payment.status !== 'paid') {
            found.push(`${impUid}: owner lookup ${mine.status} ${mine.text.slice(0, 200)}`);
          } else {
            found.push(...paymentProblems(payment));
          }
          const stranger = merchants[(spec.merchant + 1) % MERCHANTS]!;
          const others = [
            authHeaders(stranger.token, 'bearer', TIERS[spec.tier]),
            authHeaders(owner.token, 'bearer', TIERS[(spec.tier + 1) % TIERS.length]),
            authHeaders(owner.token),
          ];
          for (const headers of others) {
            const result = await http(at(i + 1), 'GET', `/payments/${impUid}`, { headers });
            if (result.status !== 404) found.push(`${impUid}: visible to a non-owner (${JSON.stringify(headers)}): ${result.status}`);
          }
          lookups += 1 + others.length;
          return found;
        }),
        100,
      )
    ).flat();
    expect(problems).toEqual([]);

    // Each owner's list holds exactly its payments.
    for (const [m, merchant] of merchants.entries()) {
      for (const tier of TIERS) {
        const list = await http(at(m), 'GET', '/payments/status/paid?limit=1000&from=0', { headers: authHeaders(merchant.token, 'bearer', tier) });
        const expected = checkouts.filter((_, i) => specs[i]!.merchant === m && TIERS[specs[i]!.tier] === tier).map((c) => c.imp_uid).sort();
        expect(list.body.response.total).toBe(PAYMENTS / MERCHANTS / TIERS.length);
        expect((list.body.response.list as Array<{ imp_uid: string }>).map((p) => p.imp_uid).sort()).toEqual(expected);
      }
    }
    const stored = readDb((reader) => ({
      rows: (reader.prepare("SELECT COUNT(*) AS n FROM payments WHERE merchant_uid LIKE 'stress-%' AND status = 'paid'").get() as { n: number }).n,
      problems: databaseProblems(reader),
      integrity: reader.pragma('integrity_check', { simple: true }),
    }));
    expect(stored).toEqual({ rows: PAYMENTS, problems: [], integrity: 'ok' });
    console.log(
      `[stress] 2 processes, 1 SQLite file: ${PAYMENTS} payments (${MERCHANTS} merchants × ${TIERS.length} tiers) opened at once in ${Math.round(openMs)} ms, ` +
        `approved at once in ${Math.round(approveMs)} ms; ${PAYMENTS} unique imp_uids, ${lookups} lookups (owner + 3 non-owners each): 0 lost, 0 cross-owned; ` +
        `${MERCHANTS * TIERS.length} owner lists exact; integrity_check ok`,
    );
  });

  it('100 concurrent approvals of one merchant_uid, split across both processes: exactly one paid', async () => {
    const params = { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'stress-race', amount: 30_000 };
    const opened = await Promise.all(Array.from({ length: 100 }, (_, i) => openPayment(at(i), params)));
    const checkouts = opened.map((r) => r.body.response as { imp_uid: string; checkout_token: string });
    const results = await Promise.all(checkouts.map((c, i) => approve(at(i + 1), c.imp_uid, c.checkout_token)));
    const outcomes = results.map((r) => r.body.response.sdk_response as { success: boolean; error_code?: string });
    expect(outcomes.filter((o) => o.success)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.success).every((o) => o.error_code === 'F1002')).toBe(true);
    expect(readDb((reader) => reader.prepare("SELECT status, COUNT(*) AS n FROM payments WHERE merchant_uid = 'stress-race' GROUP BY status ORDER BY status").all())).toEqual([
      { status: 'failed', n: 99 },
      { status: 'paid', n: 1 },
    ]);
    console.log('[stress] 100 concurrent approvals of one merchant_uid over 2 processes: 1 paid, 99 refused with F1002');
  });

  it('partial cancels through both processes racing lookups never show a negative balance', async () => {
    const token = await getToken(at(0), DEMO_MERCHANT.apiKey, DEMO_MERCHANT.apiSecret);
    const opened = await openPayment(at(0), { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'stress-cancel', amount: 50_000 });
    await approve(at(1), opened.body.response.imp_uid, opened.body.response.checkout_token);
    const impUid = opened.body.response.imp_uid as string;
    const seen: V1PaymentLike[] = [];
    let accepted = 0;
    let acceptedAmount = 0;
    const jobs = [
      ...Array.from({ length: 80 }, (_, i) => async () => {
        const amount = 500 + ((i * 7919) % 2500);
        const result = await http(at(i), 'POST', '/payments/cancel', { json: { imp_uid: impUid, amount }, headers: authHeaders(token) });
        if (result.body.code === 0) {
          accepted++;
          acceptedAmount += amount;
        }
      }),
      ...Array.from({ length: 300 }, (_, i) => async () => {
        const result = await http(at(i), 'GET', `/payments/${impUid}`, { headers: authHeaders(token) });
        seen.push(result.body.response as V1PaymentLike);
      }),
    ];
    // Interleaved deterministically: a cancel every few lookups.
    const order = jobs.map((job, i) => ({ job, key: (i * 2654435761) % 4093 })).sort((a, b) => a.key - b.key);
    await Promise.all(order.map(({ job }) => job()));
    expect(seen.flatMap(paymentProblems)).toEqual([]);
    const final = (await http(at(1), 'GET', `/payments/${impUid}`, { headers: authHeaders(token) })).body.response as V1PaymentLike;
    expect(final.cancel_amount).toBe(acceptedAmount);
    expect(paymentProblems(final)).toEqual([]);
    expect(readDb((reader) => databaseProblems(reader))).toEqual([]);
    console.log(`[stress] 80 partial cancels over 2 processes racing ${seen.length} lookups: ${accepted} accepted (${acceptedAmount} of 50000), 0 negative balances`);
  });

  it('a secret reissued through one process is refused by the other at once', async () => {
    const merchant = await signUp(at(0));
    const token = await getToken(at(1), merchant.api_key, merchant.api_secret);
    expect((await http(at(1), 'GET', '/payments/status/all', { headers: authHeaders(token) })).status).toBe(200);
    const reissued = await consoleCall(at(0), merchant.cookie, 'POST', '/console/api/keys/reissue');
    expect(reissued.status).toBe(200);
    const results = await Promise.all(Array.from({ length: 50 }, () => http(at(1), 'GET', '/payments/status/all', { headers: authHeaders(token) })));
    expect(results.map((r) => r.status)).toEqual(new Array(50).fill(401));
    const oldSecret = await http(at(1), 'POST', '/users/getToken', { json: { imp_key: merchant.api_key, imp_secret: merchant.api_secret } });
    expect(oldSecret.status).toBe(401);
    console.log('[stress] reissue through process 1: old token (50 requests) and old secret refused by process 2 right after');
  });
});
