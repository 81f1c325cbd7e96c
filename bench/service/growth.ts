// Suite `growth`: REST lookup latency with 1,000 and with 100,000 stored
// payments. Two database files are filled the same way (10 merchants, the
// payments spread over the last 60 days, 80% paid, 10% ready, 10% failed),
// a sandbox process runs on each, and one connection asks each in turn,
// alternating, for payments of the demo merchant (a tenth of the rows):
//   GET /payments/{imp_uid}               a different paid payment each time
//   GET /payments/find/{merchant_uid}     a different order each time
//   GET /payments/status/paid?page=P&limit=20, P cycling over 1-4 (pages
//                                         both sizes have), with `total`
// Indexes must keep these flat: 100k / 1k latency at most 1.5 (the median).
//
// The rows are copies of payments the sandbox itself opened and approved
// (in-process, through openPayment / approvePayment), inserted with the
// repository's column list in one transaction per 10,000 rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'autocannon';
import { approvePayment } from '../../demo/sandbox/checkout/approve-payment';
import { openPayment } from '../../demo/sandbox/checkout/open-payment';
import type { SandboxContext } from '../../demo/sandbox/context';
import { openDatabase } from '../../demo/sandbox/db/open';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { createMerchant } from '../../demo/sandbox/merchants/create-merchant';
import { createRepositories } from '../../demo/sandbox/repositories';
import type { PaymentRow } from '../../demo/sandbox/repositories/payments';
import { seedDemoMerchant } from '../../demo/sandbox/seed-demo';
import { spread, type Figure, type Suite } from '../lib/report';
import { getToken, SHOP_ORIGIN } from './fixture';
import { pairedSlices, runSlice, type SliceResult } from './load';
import { SANDBOX_LISTENING, SANDBOX_MAIN, startServerProcess, type ServerProcess } from './server-process';
import { LOG_LEVEL } from './throughput';

const SMALL = 1_000;
const LARGE = 100_000;
const MERCHANTS = 10;
const ROUNDS = 4;
const SLICE_S = 1;
const TARGET = 1.5;
const DAY_S = 24 * 60 * 60;

interface Sample {
  impUids: string[];
  merchantUids: string[];
}

/** Fills `path` with `count` payments; returns ids of the demo merchant's paid payments to ask for. */
export async function populate(path: string, count: number): Promise<Sample> {
  const db = openDatabase(path);
  try {
    const repos = createRepositories(db);
    const ctx: SandboxContext = { db, repos, clock: Date.now, kickWebhooks: () => undefined };
    await seedDemoMerchant(ctx);
    const merchantIds = [repos.merchants.findByCode(DEMO_MERCHANT.merchantCode)!.id];
    for (let m = 1; m < MERCHANTS; m++) {
      merchantIds.push(createMerchant(ctx, { name: `상점 ${m}`, email: `growth-${m}@bench.test`, passwordHash: 'no-login' }).id);
    }
    // Templates: one paid, one ready, one failed card payment, made by the sandbox's own checkout code.
    const opening = { origin: SHOP_ORIGIN, mode: 'iframe' as const, userAgent: 'Mozilla/5.0 (bench)' };
    const params = (merchantUid: string) => ({ user_code: DEMO_MERCHANT.merchantCode, pg: 'html5_inicis', merchant_uid: merchantUid, name: '제주 녹차 2개', amount: 24000, buyer_email: 'buyer@example.com', buyer_name: '홍길동', buyer_tel: '010-1234-5678' });
    const serviceOrigin = 'http://127.0.0.1:4020';
    const paidOpen = openPayment(ctx, params('template_paid'), opening);
    const paid = approvePayment(ctx, paidOpen.payment.imp_uid, { checkoutToken: paidOpen.checkoutToken, serviceOrigin }).payment;
    const ready = openPayment(ctx, params('template_ready'), opening).payment;
    const failedOpen = openPayment(ctx, params('template_failed'), opening);
    const failed = approvePayment(ctx, failedOpen.payment.imp_uid, { checkoutToken: failedOpen.checkoutToken, cardNumber: '4000000000000002', serviceOrigin }).payment;
    db.prepare('DELETE FROM payments').run();

    const columns = Object.keys(paid).filter((c) => c !== 'id');
    const insert = db.prepare(`INSERT INTO payments (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    const nowS = Math.floor(Date.now() / 1000);
    const sample: Sample = { impUids: [], merchantUids: [] };
    const CHUNK = 10_000;
    for (let from = 0; from < count; from += CHUNK) {
      db.transaction(() => {
        for (let i = from; i < Math.min(count, from + CHUNK); i++) {
          const template: PaymentRow = i % 10 < 8 ? paid : i % 10 === 8 ? ready : failed;
          const startedAt = nowS - Math.floor(((count - i) / count) * 60 * DAY_S);
          const impUid = `imp_${String(100_000_000_000 + i)}`;
          const merchantUid = `order_${i}`;
          insert.run({
            ...template,
            imp_uid: impUid,
            merchant_uid: merchantUid,
            merchant_id: merchantIds[Math.floor(i / 10) % MERCHANTS]!,
            started_at: startedAt,
            paid_at: template.paid_at ? startedAt + 30 : 0,
            failed_at: template.failed_at ? startedAt + 30 : 0,
            updated_at_ms: startedAt * 1000,
            receipt_url: template.receipt_url ? `${serviceOrigin}/receipts/${impUid}` : null,
          });
          if (Math.floor(i / 10) % MERCHANTS === 0 && i % 10 < 8) {
            sample.impUids.push(impUid);
            sample.merchantUids.push(merchantUid);
          }
        }
      }).immediate();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return sample;
  } finally {
    db.close();
  }
}

/** Up to `n` entries spread evenly over `list` (old and new payments alike), shuffled by a fixed stride. */
function spreadPick(list: string[], n: number): string[] {
  const step = Math.max(1, Math.floor(list.length / n));
  const picked = list.filter((_, i) => i % step === 0).slice(0, n);
  return picked.map((_, i) => picked[(i * 7919) % picked.length]!);
}

function rotating(paths: string[], token: string): Request[] {
  let next = 0;
  return [
    {
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
    },
  ];
}

interface Endpoint {
  label: string;
  paths(sample: Sample): string[];
}

const ENDPOINTS: Endpoint[] = [
  { label: 'GET /payments/{imp_uid}', paths: (s) => spreadPick(s.impUids, 500).map((uid) => `/payments/${uid}`) },
  { label: 'GET /payments/find/{merchant_uid}', paths: (s) => spreadPick(s.merchantUids, 500).map((uid) => `/payments/find/${uid}`) },
  { label: 'GET /payments/status/paid?page=1…4&limit=20', paths: () => [1, 2, 3, 4].map((page) => `/payments/status/paid?page=${page}&limit=20`) },
];

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'imp-bench-growth-'));
  const servers: ServerProcess[] = [];
  try {
    const sizes = [SMALL, LARGE];
    const samples: Sample[] = [];
    for (const size of sizes) samples.push(await populate(join(dir, `${size}.db`), size));
    for (const size of sizes) {
      servers.push(
        await startServerProcess(
          SANDBOX_MAIN,
          { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', SANDBOX_DB: join(dir, `${size}.db`), SANDBOX_LOG_LEVEL: LOG_LEVEL },
          SANDBOX_LISTENING,
        ),
      );
    }
    const tokens = await Promise.all(servers.map(async (server) => (await getToken(server.url)).token));
    const figures: Figure[] = [];
    for (const endpoint of ENDPOINTS) {
      const slice = (k: number) => () =>
        runSlice({ url: servers[k]!.url, connections: 1, durationS: SLICE_S, requests: rotating(endpoint.paths(samples[k]!), tokens[k]!) });
      for (const k of [0, 1]) await runSlice({ url: servers[k]!.url, connections: 1, durationS: 1, requests: rotating(endpoint.paths(samples[k]!), tokens[k]!) });
      const paired = await pairedSlices(ROUNDS, slice(0), slice(1));
      const at = (results: SliceResult[], pick: (s: SliceResult) => number) => spread(results.map(pick));
      const p50 = at(paired.subject, (s) => s.p50Ms);
      const p99 = at(paired.subject, (s) => s.p99Ms);
      figures.push(
        {
          name: `${endpoint.label}: p50 latency, ${LARGE.toLocaleString('en-US')} payments`,
          ...p50,
          unit: 'ms',
          baseline: { name: `${SMALL.toLocaleString('en-US')} payments`, ...at(paired.baseline, (s) => s.p50Ms) },
          target: `≤ ${TARGET.toFixed(2)} × baseline`,
          met: p50.value / at(paired.baseline, (s) => s.p50Ms).value <= TARGET,
        },
        {
          name: `${endpoint.label}: p99 latency, ${LARGE.toLocaleString('en-US')} payments`,
          ...p99,
          unit: 'ms',
          baseline: { name: `${SMALL.toLocaleString('en-US')} payments`, ...at(paired.baseline, (s) => s.p99Ms) },
        },
      );
    }
    return figures;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const growthSuite: Suite = {
  id: 'growth',
  title: `Growth: REST lookup latency with ${LARGE.toLocaleString('en-US')} vs ${SMALL.toLocaleString('en-US')} stored payments (1 connection, ${ROUNDS} × ${SLICE_S} s each, alternating)`,
  run: measure,
};
