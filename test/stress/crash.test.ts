// Issue 6, "Crash safety": kill -9 the sandbox while it approves payments
// (and refunds some) under load, restart it on the same database file, and
// check, three times over:
//  - every approval whose HTTP answer reached the client as "paid" is paid
//    (or refunded) in the REST API after the restart;
//  - every refund whose answer reached the client is in cancel_history;
//  - nothing is half-written: no payment in an impossible state (paid
//    without paid_at / pg_tid / apply_num, cancel_amount above amount or not
//    equal to the sum of its history, an order paid twice), every paid
//    payment has its 'paid' webhook in the outbox, PRAGMA integrity_check ok;
//  - webhooks pending at the kill are delivered after the restart: the
//    receiver verifies each signature and sees every paid imp_uid at least once.
// Bounded: 3 kill cycles of ~120 acknowledged approvals by 24 clients.
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../demo/sandbox/webhooks/signature';
import { databaseProblems, paymentProblems, type V1PaymentLike } from '../support/payment-invariants';
import { tempDatabase } from '../support/sandbox';
import { spawnSandbox, type SandboxProcess } from '../support/sandbox-process';
import { authHeaders, consoleCall, getToken, http, signUp } from '../sandbox/helpers';

const CYCLES = 3;
const CLIENTS = 24;
const ACKS_BEFORE_KILL = 120;

const db = tempDatabase();
let sandbox: SandboxProcess | null = null;
let receiver: Server | null = null;
afterAll(async () => {
  await sandbox?.stop('SIGKILL');
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  db.cleanup();
});

/** A merchant's webhook endpoint: checks every signature, counts deliveries per imp_uid. */
function startReceiver(secretOf: () => string, delivered: Map<string, number>, badSignatures: string[]): Promise<string> {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = request.headers['x-impcheckout-signature'];
      if (!verifySignature(secretOf(), typeof header === 'string' ? header : undefined, body, Math.floor(Date.now() / 1000))) {
        badSignatures.push(body);
        response.writeHead(400).end();
        return;
      }
      const { imp_uid: impUid, status } = JSON.parse(body) as { imp_uid: string; status: string };
      if (status === 'paid') delivered.set(impUid, (delivered.get(impUid) ?? 0) + 1);
      // A little slow, so deliveries are in flight when the sandbox is killed.
      setTimeout(() => response.writeHead(200).end(), 20);
    });
  });
  return new Promise((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(receiver!.address() as AddressInfo).port}/webhook`)));
}

function withDb<T>(read: (connection: Database.Database) => T): T {
  const connection = new Database(db.path);
  try {
    connection.pragma('busy_timeout = 5000');
    return read(connection);
  } finally {
    connection.close();
  }
}

async function lookUp(url: string, token: string, impUids: string[]): Promise<Map<string, V1PaymentLike>> {
  const found = new Map<string, V1PaymentLike>();
  for (let i = 0; i < impUids.length; i += 100) {
    const query = impUids.slice(i, i + 100).map((uid) => `imp_uid[]=${uid}`).join('&');
    const result = await http(url, 'GET', `/payments?${query}`, { headers: authHeaders(token) });
    for (const payment of (result.body?.response ?? []) as V1PaymentLike[]) found.set(payment.imp_uid, payment);
  }
  return found;
}

describe('kill -9 under load', () => {
  it(`${CYCLES} kill/restart cycles: every acknowledged approval and refund survives, nothing half-written, pending webhooks delivered`, async () => {
    sandbox = await spawnSandbox({ db: db.path });
    const merchant = await signUp(sandbox.url);
    const delivered = new Map<string, number>();
    const badSignatures: string[] = [];
    const receiverUrl = await startReceiver(() => merchant.api_secret, delivered, badSignatures);
    expect((await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: receiverUrl })).status).toBe(200);
    const token = await getToken(sandbox.url, merchant.api_key, merchant.api_secret);
    const merchantId = withDb((c) => (c.prepare('SELECT id FROM merchants WHERE merchant_code = ?').get(merchant.merchant_code) as { id: number }).id);

    const ackedPaid = new Set<string>();
    const ackedRefunds = new Map<string, number>();
    const figures = { inFlightAtKill: 0, pendingWebhooksAtKill: 0, unexpected: [] as string[] };

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const url = sandbox.url;
      let killed = false;
      let ackedThisCycle = 0;
      let inFlight = 0;
      const client = async (worker: number) => {
        for (let n = 0; !killed; n++) {
          inFlight++;
          try {
            const merchantUid = `crash-${cycle}-${worker}-${n}`;
            const opened = await http(url, 'POST', '/checkout/api/payments', {
              json: { params: { user_code: merchant.merchant_code, merchant_uid: merchantUid, amount: 10_000 }, mode: 'iframe', origin: null },
            });
            const { imp_uid: impUid, checkout_token: checkoutToken } = opened.body.response;
            const approved = await http(url, 'POST', `/checkout/api/payments/${impUid}/approve`, { json: { checkout_token: checkoutToken } });
            if (approved.status === 200 && approved.body.response.sdk_response.success && approved.body.response.status === 'paid') {
              ackedPaid.add(impUid);
              ackedThisCycle++;
            } else {
              figures.unexpected.push(`approve ${approved.status}: ${approved.text.slice(0, 200)}`);
            }
            // Every third payment gets a partial refund right away.
            if (n % 3 === 0) {
              const refund = await http(url, 'POST', '/payments/cancel', { json: { imp_uid: impUid, amount: 1_500, reason: 'crash test' }, headers: authHeaders(token) });
              if (refund.status === 200 && refund.body.code === 0) ackedRefunds.set(impUid, (ackedRefunds.get(impUid) ?? 0) + 1_500);
              else figures.unexpected.push(`refund ${refund.status}: ${refund.text.slice(0, 200)}`);
            }
          } catch (error) {
            // Only the kill may break a request; an error before it is a failure.
            if (!killed) figures.unexpected.push(`request failed before the kill: ${String(error)}`);
            return;
          } finally {
            inFlight--;
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, worker) => client(worker));
      // Kill after ACKS_BEFORE_KILL acknowledged approvals, or after 20 s on a slow machine.
      const killAt = Date.now() + 20_000;
      while (ackedThisCycle < ACKS_BEFORE_KILL && figures.unexpected.length === 0 && Date.now() < killAt) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(ackedThisCycle).toBeGreaterThan(0);
      // kill -9 with requests in flight.
      killed = true;
      figures.inFlightAtKill += inFlight;
      await sandbox.stop('SIGKILL');
      await Promise.all(clients);
      expect(figures.unexpected).toEqual([]);

      figures.pendingWebhooksAtKill += withDb(
        (c) => (c.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivered_at_ms IS NULL AND gave_up_at_ms IS NULL').get() as { n: number }).n,
      );
      expect(withDb((c) => c.pragma('integrity_check', { simple: true }))).toBe('ok');
      expect(withDb((c) => databaseProblems(c, [merchantId]))).toEqual([]);

      // Restart on the same file, a new port.
      sandbox = await spawnSandbox({ db: db.path });
      const payments = await lookUp(sandbox.url, token, [...ackedPaid]);
      const lost = [...ackedPaid].filter((uid) => !['paid', 'cancelled'].includes(payments.get(uid)?.status ?? 'missing'));
      expect(lost).toEqual([]);
      const problems = [...payments.values()].flatMap(paymentProblems);
      expect(problems).toEqual([]);
      const refundsLost = [...ackedRefunds].filter(([uid, amount]) => (payments.get(uid)?.cancel_amount ?? 0) < amount);
      expect(refundsLost).toEqual([]);
    }

    // Webhooks: every paid payment of the merchant reaches the receiver, signed, at least once.
    const paidUids = withDb((c) => (c.prepare("SELECT imp_uid FROM payments WHERE merchant_id = ? AND status IN ('paid', 'cancelled')").all(merchantId) as Array<{ imp_uid: string }>).map((r) => r.imp_uid));
    const deadline = Date.now() + 60_000;
    const outstanding = () =>
      withDb((c) => (c.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE delivered_at_ms IS NULL').get() as { n: number }).n);
    while ((paidUids.some((uid) => !delivered.has(uid)) || outstanding() > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(paidUids.filter((uid) => !delivered.has(uid))).toEqual([]);
    expect(outstanding()).toBe(0);
    expect(badSignatures).toEqual([]);
    const duplicates = [...delivered.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(withDb((c) => c.pragma('integrity_check', { simple: true }))).toBe('ok');

    console.log(
      `[stress] crash: ${CYCLES} × kill -9 under load (${CLIENTS} clients): ${ackedPaid.size} acknowledged approvals and ${ackedRefunds.size} acknowledged refunds all intact after restart; ` +
        `${figures.inFlightAtKill} requests in flight at the kills; ${paidUids.length} paid payments checked, 0 half-written; ` +
        `${figures.pendingWebhooksAtKill} webhooks pending at the kills, all ${paidUids.length} 'paid' webhooks delivered and verified (${duplicates} duplicate deliveries, at-least-once); integrity_check ok`,
    );
  }, 180_000);
});
