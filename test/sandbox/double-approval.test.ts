// Only one approval can ever win for a merchant_uid: many checkouts opened
// for the same order and approved at once end with exactly one paid.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, tempDatabase, type RunningSandbox } from '../support/sandbox';
import { approve, authHeaders, demoToken, http, openPayment } from './helpers';

let sandbox: RunningSandbox;
const db = tempDatabase();
beforeAll(async () => {
  sandbox = await startTestSandbox({ db: db.path });
});
afterAll(async () => {
  await sandbox.close();
  db.cleanup();
});

describe('double approval', () => {
  it('lets exactly one of many concurrent approvals of one merchant_uid win', async () => {
    const params = { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'race-order', amount: 9900 };
    // All windows are opened before anyone pays, as with several tabs.
    const opened = await Promise.all(Array.from({ length: 12 }, () => openPayment(sandbox.url, params)));
    const checkouts = opened.map((r) => r.body.response as { imp_uid: string; checkout_token: string });
    expect(new Set(checkouts.map((c) => c.imp_uid)).size).toBe(12);

    const results = await Promise.all(checkouts.map((c) => approve(sandbox.url, c.imp_uid, c.checkout_token)));
    const winners = results.filter((r) => r.body.response.sdk_response.success);
    const losers = results.filter((r) => !r.body.response.sdk_response.success);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(11);
    for (const loser of losers) {
      expect(loser.body.response.sdk_response).toMatchObject({ error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' });
    }

    const token = await demoToken(sandbox.url);
    const paid = await http(sandbox.url, 'GET', '/payments/findAll/race-order/paid', { headers: authHeaders(token) });
    expect(paid.body.response.total).toBe(1);
    expect(paid.body.response.list[0].imp_uid).toBe(winners[0]!.body.response.sdk_response.imp_uid);
    const failed = await http(sandbox.url, 'GET', '/payments/findAll/race-order/failed?limit=100', { headers: authHeaders(token) });
    expect(failed.body.response.total).toBe(11);
  });

  it('is enforced by the database itself, even for a second process writing the same file', () => {
    const other = new Database(db.path);
    try {
      other.pragma('busy_timeout = 5000');
      const paid = other.prepare("SELECT * FROM payments WHERE merchant_uid = 'race-order' AND status = 'paid'").get() as { id: number };
      const loser = other.prepare("SELECT id FROM payments WHERE merchant_uid = 'race-order' AND status = 'failed' LIMIT 1").get() as { id: number };
      expect(paid).toBeDefined();
      expect(() => other.prepare("UPDATE payments SET status = 'paid' WHERE id = ?").run(loser.id)).toThrow(/UNIQUE/);
      // Another order of the same merchant, or the same order of a sub-merchant, is a different key.
      expect(() =>
        other.prepare("UPDATE payments SET status = 'paid', tier_code = 'A01' WHERE id = ?").run(loser.id),
      ).not.toThrow();
    } finally {
      other.close();
    }
  });
});
