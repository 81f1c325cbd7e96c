// GET /payments/status/{status} gives V1's `total` from per-day counts kept
// by triggers (migration 002) plus the partial days at the window's ends
// (repositories/payments.ts, countStarted). Whatever happens to the rows and
// whatever the window, that total must equal a plain COUNT(*).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../demo/sandbox/db/migrate';
import { MIGRATIONS } from '../../demo/sandbox/db/migrations';
import { openDatabase, type Db } from '../../demo/sandbox/db/open';
import { createRepositories } from '../../demo/sandbox/repositories';
import type { PaymentScope, PaymentStatus } from '../../demo/sandbox/repositories/payments';

const DAY = 86_400;
const STATUSES: PaymentStatus[] = ['ready', 'paid', 'cancelled', 'failed'];
const TIERS = ['', 'T01'];

function addMerchants(db: Db): Db {
  db.exec(`INSERT INTO merchants (id, merchant_code, name, email, password_hash, api_key, secret_hash, webhook_key, created_at_ms)
    VALUES (1, 'imp00000001', 'a', 'a@test', 'x', 'k1', 'h', 'w', 0), (2, 'imp00000002', 'b', 'b@test', 'x', 'k2', 'h', 'w', 0)`);
  return db;
}

let uid = 0;
function insertPayment(db: Db, merchantId: number, tierCode: string, status: PaymentStatus, startedAt: number): number {
  uid++;
  return Number(
    db
      .prepare(
        `INSERT INTO payments (imp_uid, merchant_id, tier_code, merchant_uid, channel, pay_method, pg_provider, pg_id, escrow,
           amount, currency, status, started_at, updated_at_ms)
         VALUES (?, ?, ?, ?, 'pc', 'card', 'html5_inicis', 'INIpayTest', 0, 1000, 'KRW', ?, ?, 0)`,
      )
      .run(`imp_${String(uid).padStart(12, '0')}`, merchantId, tierCode, `order_${uid}`, status, startedAt).lastInsertRowid,
  );
}

function plainCount(db: Db, scope: PaymentScope, status: PaymentStatus | 'all', from: number, to: number): number {
  const tier = scope.tierCode === null ? '' : ' AND tier_code = ?';
  const onStatus = status === 'all' ? '' : ' AND status = ?';
  const args = [scope.merchantId, ...(scope.tierCode === null ? [] : [scope.tierCode]), ...(status === 'all' ? [] : [status]), from, to];
  return (db.prepare(`SELECT COUNT(*) AS n FROM payments WHERE merchant_id = ?${tier}${onStatus} AND started_at BETWEEN ? AND ?`).get(...args) as { n: number }).n;
}

// Times within a few days of a day boundary, so windows start and end on, just before and just after midnights.
const BASE = 20_000 * DAY;
const time = fc.oneof(
  fc.integer({ min: BASE - 3 * DAY, max: BASE + 3 * DAY }),
  fc.constantFrom(BASE - 1, BASE, BASE + 1, BASE + DAY - 1, BASE + DAY, BASE + 2 * DAY),
);
const change = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), merchant: fc.constantFrom(1, 2), tier: fc.constantFrom(...TIERS), status: fc.constantFrom(...STATUSES), at: time }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);
const window = fc.tuple(time, time).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

describe('payment totals by status', () => {
  it('equal COUNT(*) after any inserts, status changes and deletes, for any window', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), fc.array(window, { minLength: 1, maxLength: 8 }), (changes, windows) => {
        const db = addMerchants(openDatabase(':memory:'));
        try {
          const payments = createRepositories(db).payments;
          const ids: number[] = [];
          for (const c of changes) {
            if (c.kind === 'insert') ids.push(insertPayment(db, c.merchant, c.tier, c.status, c.at));
            else if (ids.length > 0 && c.kind === 'status') payments.update(ids[c.pick % ids.length]!, { status: c.status });
            else if (ids.length > 0) db.prepare('DELETE FROM payments WHERE id = ?').run(ids.splice(c.pick % ids.length, 1)[0]);
          }
          for (const [from, to] of [...windows, [0, Number.MAX_SAFE_INTEGER] as const]) {
            for (const scope of [{ merchantId: 1, tierCode: '' }, { merchantId: 1, tierCode: 'T01' }, { merchantId: 2, tierCode: null }]) {
              for (const status of [...STATUSES, 'all' as const]) {
                expect(payments.listByStatus(scope, status, from, to, '-started', 1, 0).total).toBe(plainCount(db, scope, status, from, to));
              }
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts the payments stored before the migration that keeps the counts', () => {
    // A database at schema 1 with payments in it, then migrated to the newest.
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version === 1));
      addMerchants(db);
      for (let i = 0; i < 50; i++) insertPayment(db, 1, i % 3 === 0 ? 'T01' : '', STATUSES[i % 4]!, BASE + i * 7_001);
      migrate(db);
      const payments = createRepositories(db).payments;
      for (const status of [...STATUSES, 'all' as const]) {
        for (const [from, to] of [[BASE, BASE + 50 * 7_001], [BASE + DAY / 2, BASE + 3 * DAY + 5]] as const) {
          const scope = { merchantId: 1, tierCode: '' };
          expect(payments.listByStatus(scope, status, from, to, '-started', 1, 0).total).toBe(plainCount(db, scope, status, from, to));
        }
      }
    } finally {
      db.close();
    }
  });
});
