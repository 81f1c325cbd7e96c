// Suite `service`: what a merchant server pays for the two REST calls it
// makes on every order, POST /users/getToken and GET /payments/{imp_uid},
// beside bare Fastify routes answering the same bytes (bare-server.ts):
// throughput and p50 / p99 latency at 1, 10 and 50 connections.
//
// Both servers run as their own processes (server-process.ts), the sandbox
// exactly as `npm run sandbox` starts it (main.ts, a database file, WAL,
// synchronous = FULL) with the log level `npm start` uses (warn; see
// LOG_LEVEL). Each measurement is ROUNDS slices of SLICE_S seconds per side,
// baseline and sandbox alternating, so 10 s of load per side per row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spread, type Figure, type Suite } from '../lib/report';
import { getToken, JSON_HEADERS, payOnce, restGet, TOKEN_REQUEST } from './fixture';
import { pairedSlices, runSlice, type LoadSpec, type SliceResult } from './load';
import { SANDBOX_LISTENING, SANDBOX_MAIN, startServerProcess, type ServerProcess } from './server-process';

/** `npm start`'s sandbox log level (demo/start.ts); `npm run sandbox` alone logs every request at info. */
export const LOG_LEVEL = 'warn';
const CONNECTIONS = [1, 10, 50] as const;
const ROUNDS = 5;
const SLICE_S = 2;
const WARMUP_S = 2;

const THROUGHPUT_TARGET = 0.5;
const P99_TARGET_MS = 20;

interface Route {
  label: string;
  spec(base: string): Omit<LoadSpec, 'connections' | 'durationS'>;
}

function routes(token: string, impUid: string): Route[] {
  return [
    {
      label: 'POST /users/getToken',
      spec: (base) => ({ url: `${base}/users/getToken`, method: 'POST', headers: JSON_HEADERS, body: TOKEN_REQUEST }),
    },
    {
      label: 'GET /payments/{imp_uid}',
      spec: (base) => ({ url: `${base}/payments/${impUid}`, headers: { authorization: `Bearer ${token}` } }),
    },
  ];
}

function figuresFor(label: string, connections: number, sandbox: SliceResult[], bare: SliceResult[]): Figure[] {
  const baseline = (pick: (s: SliceResult) => number) => ({ name: 'bare Fastify', ...spread(bare.map(pick)) });
  const rps = spread(sandbox.map((s) => s.rps));
  const bareRps = baseline((s) => s.rps);
  const p50 = spread(sandbox.map((s) => s.p50Ms));
  const p99 = spread(sandbox.map((s) => s.p99Ms));
  const at = `${label}, ${connections} conn`;
  const p99Target = connections === 50 ? { target: `< ${P99_TARGET_MS} ms`, met: p99.value < P99_TARGET_MS } : {};
  return [
    {
      name: `${at}: throughput`,
      ...rps,
      unit: 'req/s',
      baseline: bareRps,
      target: `≥ ${THROUGHPUT_TARGET.toFixed(2)} × baseline`,
      met: rps.value / bareRps.value >= THROUGHPUT_TARGET,
    },
    { name: `${at}: p50 latency`, ...p50, unit: 'ms', baseline: baseline((s) => s.p50Ms) },
    { name: `${at}: p99 latency`, ...p99, unit: 'ms', baseline: baseline((s) => s.p99Ms), ...p99Target },
  ];
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'imp-bench-service-'));
  const servers: ServerProcess[] = [];
  try {
    const sandbox = await startServerProcess(
      SANDBOX_MAIN,
      { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', SANDBOX_DB: join(dir, 'sandbox.db'), SANDBOX_LOG_LEVEL: LOG_LEVEL },
      SANDBOX_LISTENING,
    );
    servers.push(sandbox);
    // A paid card payment of the demo shop, and the two answers the bare routes will repeat byte for byte.
    const { token, answer: tokenAnswer } = await getToken(sandbox.url);
    const impUid = await payOnce(sandbox.url, `bench_order_${Date.now()}`);
    const paymentAnswer = await restGet(sandbox.url, token, `/payments/${impUid}`);
    const bodiesFile = join(dir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify({ token: JSON.parse(tokenAnswer), payment: JSON.parse(paymentAnswer) }));
    const bare = await startServerProcess(
      'bench/service/bare-server.ts',
      { BARE_BODIES: bodiesFile, BARE_LOG_LEVEL: LOG_LEVEL },
      /^bare fastify listening on (http:\/\/\S+)$/m,
    );
    servers.push(bare);

    const figures: Figure[] = [];
    const list = routes(token, impUid);
    // JIT warm-up of both servers on both routes; not counted.
    for (const route of list) {
      for (const server of [bare, sandbox]) await runSlice({ ...route.spec(server.url), connections: 50, durationS: WARMUP_S });
    }
    for (const route of list) {
      for (const connections of CONNECTIONS) {
        const slice = (base: string) => () => runSlice({ ...route.spec(base), connections, durationS: SLICE_S });
        const paired = await pairedSlices(ROUNDS, slice(bare.url), slice(sandbox.url));
        figures.push(...figuresFor(route.label, connections, paired.subject, paired.baseline));
      }
    }
    return figures;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const serviceSuite: Suite = {
  id: 'service',
  title: `Service: REST throughput and latency beside a bare Fastify route (sandbox as npm start runs it: SQLite file, log level ${LOG_LEVEL}; autocannon in its own process; ${ROUNDS} × ${SLICE_S} s per side, alternating)`,
  run: measure,
};
