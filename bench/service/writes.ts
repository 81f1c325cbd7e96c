// Suite `writes`: card payments opened and approved per second through the
// checkout API, over HTTP (POST /checkout/api/payments, then
// POST /checkout/api/payments/:imp_uid/approve, as the checkout page sends
// them), beside raw INSERTs of a payment-sized row into the same SQLite
// file with the same pragmas (openDatabase: WAL, synchronous = FULL), one
// transaction per insert, for the same time, alternating.
//
// A payment is two write transactions (open, approve), each fsynced; the raw
// baseline is one. The sandbox runs as `npm run sandbox` starts it, at the
// log level of `npm start` (warn). The demo merchant has no webhook URL and
// the requests carry no notice_url, so approvals queue no webhooks.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'autocannon';
import { openDatabase } from '../../demo/sandbox/db/open';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { spread, type Figure, type Suite } from '../lib/report';
import { approveBody, BROWSER_HEADERS, openBody, payOnce } from './fixture';
import { pairedSlices, runSlice, type SliceResult } from './load';
import { SANDBOX_LISTENING, SANDBOX_MAIN, startServerProcess } from './server-process';
import { LOG_LEVEL } from './throughput';

const CONNECTIONS = 10;
const ROUNDS = 8;
const SLICE_S = 1;
const TARGET = 0.3;
const WARMUP_SLICES = 2;

/** Open then approve, on each connection in turn; counts the approvals that answered `paid`. */
function checkoutSequence(runId: string, paid: { count: number }): Request[] {
  let orders = 0;
  return [
    {
      method: 'POST',
      path: '/checkout/api/payments',
      headers: BROWSER_HEADERS,
      setupRequest: (request) => ({ ...request, body: openBody(`w_${runId}_${++orders}`) }),
      onResponse: (_status, body, context) => {
        const opened = JSON.parse(body).response as { imp_uid: string; checkout_token: string };
        context.impUid = opened.imp_uid;
        context.checkoutToken = opened.checkout_token;
      },
    },
    {
      method: 'POST',
      headers: BROWSER_HEADERS,
      setupRequest: (request, context) => ({
        ...request,
        path: `/checkout/api/payments/${String(context.impUid)}/approve`,
        body: approveBody(String(context.checkoutToken)),
      }),
      onResponse: (_status, body) => {
        if ((JSON.parse(body) as { response?: { status?: string } }).response?.status === 'paid') paid.count++;
      },
    },
  ];
}

/** Inserts payment rows shaped like an approved card payment, one autocommit INSERT each, for `seconds`. */
function rawInsertSlice(dbPath: string, seconds: number): SliceResult {
  const db = openDatabase(dbPath);
  try {
    const merchantId = (db.prepare('SELECT id FROM merchants WHERE merchant_code = ?').get(DEMO_MERCHANT.merchantCode) as { id: number }).id;
    // A copy of a paid card payment the sandbox stored, with fresh ids (imp_uid and the paid merchant_uid are unique).
    const template = db.prepare("SELECT * FROM payments WHERE status = 'paid' LIMIT 1").get() as Record<string, unknown>;
    const columns = Object.keys(template).filter((c) => c !== 'id');
    const insert = db.prepare(`INSERT INTO payments (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    const runId = randomUUID().slice(0, 8);
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(seconds * 1e9);
    let inserted = 0;
    while (process.hrtime.bigint() < deadline) {
      inserted++;
      insert.run({ ...template, imp_uid: `raw_${runId}_${inserted}`, merchant_uid: `raw_${runId}_${inserted}`, merchant_id: merchantId });
    }
    const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
    return { rps: inserted / elapsedS, p50Ms: Number.NaN, p99Ms: Number.NaN, answered: inserted, serverCpuUs: Number.NaN };
  } finally {
    db.close();
  }
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'imp-bench-writes-'));
  const dbPath = join(dir, 'sandbox.db');
  const sandbox = await startServerProcess(
    SANDBOX_MAIN,
    { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', SANDBOX_DB: dbPath, SANDBOX_LOG_LEVEL: LOG_LEVEL },
    SANDBOX_LISTENING,
  );
  try {
    await payOnce(sandbox.url, `w_template_${Date.now()}`); // the row the raw baseline copies
    const runId = randomUUID().slice(0, 8);
    let slices = 0;
    const service = async (): Promise<SliceResult> => {
      const paid = { count: 0 };
      const started = process.hrtime.bigint();
      await runSlice({ url: sandbox.url, connections: CONNECTIONS, durationS: SLICE_S, requests: checkoutSequence(`${runId}_${++slices}`, paid) });
      const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
      return { rps: paid.count / elapsedS, p50Ms: Number.NaN, p99Ms: Number.NaN, answered: paid.count, serverCpuUs: Number.NaN };
    };
    // Warm-up, not counted: the JIT is still compiling the open and approve paths for seconds.
    for (let i = 0; i < WARMUP_SLICES; i++) await service();
    const paired = await pairedSlices(ROUNDS, async () => rawInsertSlice(dbPath, SLICE_S), service);
    // Each payment is two write transactions (open, approve), each beside one raw insert transaction.
    const writes = spread(paired.subject.map((s) => 2 * s.rps));
    const payments = spread(paired.subject.map((s) => s.rps));
    const raw = { name: 'raw INSERT, 1 per transaction', ...spread(paired.baseline.map((s) => s.rps)) };
    return [
      {
        name: `open + approve write transactions, checkout API over HTTP, ${CONNECTIONS} conn`,
        ...writes,
        unit: 'writes/s',
        baseline: raw,
        target: `≥ ${TARGET.toFixed(2)} × baseline`,
        met: writes.value / raw.value >= TARGET,
      },
      { name: 'the same as card payments (open + approve)', ...payments, unit: 'payments/s', baseline: raw },
    ];
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const writesSuite: Suite = {
  id: 'writes',
  title: 'Writes: payments opened and approved per second beside raw SQLite inserts into the same file (WAL, synchronous = FULL)',
  run: measure,
};
