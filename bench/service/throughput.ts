// Suite `service`: what a merchant server pays for the two REST calls it
// makes on every order, POST /users/getToken and GET /payments/{imp_uid},
// beside bare Fastify routes answering the same bytes (bare-server.ts):
// throughput and p50 / p99 latency at 1, 10 and 50 connections.
//
// Both servers run as their own processes (server-process.ts), the sandbox
// exactly as `npm run sandbox` starts it (main.ts, a database file, WAL,
// synchronous = FULL) with the log level `npm start` uses (warn; see
// LOG_LEVEL). Each measurement is ROUNDS slices of SLICE_S seconds per side,
// baseline and sandbox alternating, so 10 s of load per side per row. At 50
// connections the servers' CPU time per answered request is reported too:
// unlike throughput it does not depend on how fast the load generator, which
// shares the machine, can send. Then both again at log level info, the
// default of `npm run sandbox`, at 50 connections (6 × 1 s per side).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spread, type Figure, type Suite } from '../lib/report';
import { getToken, JSON_HEADERS, payOnce, restGet, TOKEN_REQUEST } from './fixture';
import { pairedSlices, runSlice, type LoadSpec, type SliceResult } from './load';
import { SANDBOX_LISTENING, SANDBOX_MAIN, startServerProcess, type ServerProcess } from './server-process';

/** `npm start`'s sandbox log level (demo/start.ts); `npm run sandbox` alone logs every request at info. */
export const LOG_LEVEL = 'warn';
/** `npm run sandbox`'s default (main.ts): every request logged. Measured at 50 connections only. */
const INFO_LEVEL = 'info';
const INFO_ROUNDS = 6;
const BARE_LISTENING = /^bare fastify listening on (http:\/\/\S+)$/m;
const CONNECTIONS = [1, 10, 50] as const;
const ROUNDS = 10;
const SLICE_S = 1;
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

const baselineOf = (bare: SliceResult[], pick: (s: SliceResult) => number) => ({ name: 'bare Fastify', ...spread(bare.map(pick)) });

function throughputFigure(name: string, sandbox: SliceResult[], bare: SliceResult[]): Figure {
  const rps = spread(sandbox.map((s) => s.rps));
  const baseline = baselineOf(bare, (s) => s.rps);
  return {
    name,
    ...rps,
    unit: 'req/s',
    baseline,
    target: `≥ ${THROUGHPUT_TARGET.toFixed(2)} × baseline`,
    met: rps.value / baseline.value >= THROUGHPUT_TARGET,
  };
}

function figuresFor(label: string, connections: number, sandbox: SliceResult[], bare: SliceResult[]): Figure[] {
  const at = `${label}, ${connections} conn`;
  const p50 = spread(sandbox.map((s) => s.p50Ms));
  const p99 = spread(sandbox.map((s) => s.p99Ms));
  const p99Target = connections === 50 ? { target: `< ${P99_TARGET_MS} ms`, met: p99.value < P99_TARGET_MS } : {};
  const figures: Figure[] = [
    throughputFigure(`${at}: throughput`, sandbox, bare),
    { name: `${at}: p50 latency`, ...p50, unit: 'ms', baseline: baselineOf(bare, (s) => s.p50Ms) },
    { name: `${at}: p99 latency`, ...p99, unit: 'ms', baseline: baselineOf(bare, (s) => s.p99Ms), ...p99Target },
  ];
  if (connections === 50) {
    // What each answer costs the machine, whatever the load generator managed to send.
    const cpu = spread(sandbox.map((s) => s.serverCpuUs));
    figures.push({ name: `${at}: server CPU per request`, ...cpu, unit: 'µs', baseline: baselineOf(bare, (s) => s.serverCpuUs) });
  }
  return figures;
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'imp-bench-service-'));
  const servers: ServerProcess[] = [];
  const sandboxAt = async (level: string) => {
    const server = await startServerProcess(
      SANDBOX_MAIN,
      { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', SANDBOX_DB: join(dir, 'sandbox.db'), SANDBOX_LOG_LEVEL: level },
      SANDBOX_LISTENING,
    );
    servers.push(server);
    return server;
  };
  const bareAt = async (level: string, bodiesFile: string) => {
    const server = await startServerProcess('bench/service/bare-server.ts', { BARE_BODIES: bodiesFile, BARE_LOG_LEVEL: level }, BARE_LISTENING);
    servers.push(server);
    return server;
  };
  try {
    const sandbox = await sandboxAt(LOG_LEVEL);
    // A paid card payment of the demo shop, and the two answers the bare routes will repeat byte for byte.
    const { token, answer: tokenAnswer } = await getToken(sandbox.url);
    const impUid = await payOnce(sandbox.url, `bench_order_${Date.now()}`);
    const paymentAnswer = await restGet(sandbox.url, token, `/payments/${impUid}`);
    const bodiesFile = join(dir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify({ token: JSON.parse(tokenAnswer), payment: JSON.parse(paymentAnswer) }));
    const bare = await bareAt(LOG_LEVEL, bodiesFile);

    const figures: Figure[] = [];
    const list = routes(token, impUid);
    const slice = (server: ServerProcess, route: Route, connections: number, durationS = SLICE_S) => () =>
      runSlice({ ...route.spec(server.url), connections, durationS, serverPid: server.pid });
    // JIT warm-up of both servers on both routes; not counted.
    for (const route of list) for (const server of [bare, sandbox]) await slice(server, route, 50, WARMUP_S)();
    for (const route of list) {
      for (const connections of CONNECTIONS) {
        const paired = await pairedSlices(ROUNDS, slice(bare, route, connections), slice(sandbox, route, connections));
        figures.push(...figuresFor(route.label, connections, paired.subject, paired.baseline));
      }
    }

    // `npm run sandbox` (main.ts without SANDBOX_LOG_LEVEL) logs one line per request at info,
    // redacted (http/request-log.ts); the bare routes log Fastify's default two at info.
    // Both to a file (server-process.ts).
    const [sandboxInfo, bareInfo] = [await sandboxAt(INFO_LEVEL), await bareAt(INFO_LEVEL, bodiesFile)];
    for (const route of list) for (const server of [bareInfo, sandboxInfo]) await slice(server, route, 50, WARMUP_S)();
    for (const route of list) {
      const paired = await pairedSlices(INFO_ROUNDS, slice(bareInfo, route, 50), slice(sandboxInfo, route, 50));
      figures.push(throughputFigure(`${route.label}, 50 conn, log level info (npm run sandbox): throughput`, paired.subject, paired.baseline));
      figures.push({
        name: `${route.label}, 50 conn, log level info: server CPU per request`,
        ...spread(paired.subject.map((s) => s.serverCpuUs)),
        unit: 'µs',
        baseline: baselineOf(paired.baseline, (s) => s.serverCpuUs),
      });
    }
    return figures;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const serviceSuite: Suite = {
  id: 'service',
  title: `Service: REST API beside bare Fastify routes answering the same bytes (log level ${LOG_LEVEL} as npm start unless said; ${ROUNDS} × ${SLICE_S} s per side, alternating)`,
  run: measure,
};
