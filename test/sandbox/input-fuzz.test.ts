// Issue 6, "Service input": generated requests to EVERY route of the sandbox
// (enumerated from Fastify's own onRoute hook, so a route added later is
// fuzzed without touching this file) over real HTTP. Fixed seed, bounded runs.
//
// What is asserted, precisely, for every generated request:
//  1. never a 5xx, never a stack trace or source path in the answer;
//  2. the JSON APIs (REST, console API, checkout API, redirect POST) answer
//     with the V1 envelope {code, message, response}; refused requests carry
//     a non-zero code and a 4xx status, or HTTP 200 with code 1 on the four
//     routes whose refusals are V1 business refusals (checkout open,
//     certification open, /payments/cancel, /payments/prepare);
//  3. the database is unchanged: a dump of every table, every row in rowid
//     order, equals the dump taken before the run.
// Property 3 holds because the generators make only requests that must be
// refused (fuzz/requests.ts): unauthorised ones with any input, and
// authorised ones whose input is unparsable, breaks the route's schema, or
// aims at another merchant's records; plus read-only routes with any input.
// The public pages (/, /console, /assets/*, /v1/iamport.js, /receipts/*)
// and the two public console calls (session probe, logout with a forged
// cookie) may answer 2xx/3xx but must still obey 1 and 3.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../demo/sandbox/app';
import { changedTables, dumpDatabase } from '../support/db-dump';
import { RawHttpClient, type RawResponse } from '../support/raw-http';
import { startTestSandbox, TestClock, type RunningSandbox } from '../support/sandbox';
import { BUSINESS_REFUSAL_ROUTES, isReadOnly, kindOf, requestsFor, type Family } from './fuzz/requests';
import { buildWorld, type FuzzWorld } from './fuzz/world';

const SEED = 4020;
const RUNS: Record<Family, number> = { unauthorised: 30, 'authorised-invalid': 20 };

const clock = new TestClock(Date.UTC(2025, 5, 1, 0, 0, 0));
let sandbox: RunningSandbox;
let world: FuzzWorld;
let client: RawHttpClient;
let baseline: Map<string, string>;

beforeAll(async () => {
  // No webhook worker (it writes on its own schedule) and no attempt limits
  // (they would answer 429 before the credential checks the fuzzer aims at;
  // test/sandbox/brute-force.test.ts covers them).
  sandbox = await startTestSandbox({ clock: clock.now, webhooks: false, attemptLimits: false });
  world = await buildWorld(sandbox, clock);
  client = new RawHttpClient(sandbox.url);
  baseline = dumpDatabase(sandbox.db);
});
afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+:\d+|(?:Type|Reference|Syntax|Range)Error:/;
const JSON_API = new Set(['rest', 'getToken', 'consoleAuth', 'consolePublic', 'console', 'checkout', 'redirectPost']);
const PUBLIC_OK = new Set(['consolePublic', 'public']);

/** Problems with one answer (empty when it is acceptable). */
function problemsWith(route: RouteEntry, family: Family, response: RawResponse): string[] {
  const problems: string[] = [];
  const kind = kindOf(route);
  if (response.status >= 500) problems.push(`status ${response.status}`);
  if (STACK_TRACE.test(response.text)) problems.push('stack trace or source path in the answer');
  if (route.url === '/assets/*' && response.status === 200 && /"devDependencies"|root:x:0:0/.test(response.text)) {
    problems.push('path traversal served a file outside the asset directories');
  }
  if (route.method === 'HEAD' || response.status === 304) return problems;

  const mayAccept = PUBLIC_OK.has(kind) || (family === 'authorised-invalid' && isReadOnly(route)) || (kind === 'checkout' && isReadOnly(route));
  // Answers whose route did not match (a traversal segment, an over-long id) come from the not-found handler: envelope too.
  const isJsonApi = JSON_API.has(kind) || response.status === 404;
  if (isJsonApi && !(response.status >= 300 && response.status < 400)) {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      problems.push(`not JSON: ${response.text.slice(0, 120)}`);
      return problems;
    }
    const envelope = body as { code?: unknown; message?: unknown; response?: unknown };
    const isEnvelope = typeof envelope === 'object' && envelope !== null && typeof envelope.code === 'number' && 'message' in envelope && 'response' in envelope;
    const refused = response.status >= 400 || (isEnvelope && envelope.code !== 0);
    if (refused) {
      if (!isEnvelope) problems.push(`refusal without the V1 envelope: ${response.text.slice(0, 120)}`);
      else if (envelope.code === 0) problems.push('refusal with code 0');
      else if (typeof envelope.message !== 'string' || envelope.message === '') problems.push('refusal without a message');
    }
    if (!mayAccept && !refused) problems.push(`accepted (${response.status}): ${response.text.slice(0, 160)}`);
    if (!mayAccept && refused && response.status === 200 && !BUSINESS_REFUSAL_ROUTES.has(route.url)) {
      problems.push('refused with HTTP 200 on a route whose refusals are 4xx');
    }
  }
  if (!mayAccept && response.status < 400 && !(response.status === 200 && BUSINESS_REFUSAL_ROUTES.has(route.url))) {
    problems.push(`status ${response.status} for a request that must be refused`);
  }
  return problems;
}

interface Figures {
  requests: number;
  byStatus: Map<number, number>;
  routes: number;
  dumps: number;
}

async function fuzz(family: Family): Promise<Figures> {
  const routes = sandbox.app.sandbox.routes;
  const figures: Figures = { requests: 0, byStatus: new Map(), routes: 0, dumps: 0 };
  for (const route of routes) {
    const requests = requestsFor(route, world, family);
    if (!requests) continue;
    figures.routes++;
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await client.send(request);
        figures.requests++;
        figures.byStatus.set(response.status, (figures.byStatus.get(response.status) ?? 0) + 1);
        const problems = problemsWith(route, family, response);
        const changed = changedTables(baseline, dumpDatabase(sandbox.db));
        figures.dumps++;
        if (changed.length) problems.push(`database changed: ${changed.join(', ')}`);
        if (problems.length) {
          const shown = { ...request, path: request.path.slice(0, 300), body: typeof request.body === 'string' ? request.body.slice(0, 300) : request.body };
          throw new Error(`${route.method} ${route.url}: ${problems.join('; ')}\nrequest: ${JSON.stringify(shown)}\nanswer ${response.status}: ${response.text.slice(0, 300)}`);
        }
      }),
      // No shrinking: a request that wrote to the database changes the baseline for every later one.
      { seed: SEED, numRuns: RUNS[family], endOnFailure: true },
    );
  }
  return figures;
}

function report(family: Family, figures: Figures): void {
  const statuses = [...figures.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(
    `[input fuzz] ${family}: seed ${SEED}, ${figures.routes} routes × ${RUNS[family]} runs = ${figures.requests} requests, ` +
      `0 failures, ${figures.dumps} database dumps compared (every table); statuses ${statuses}`,
  );
}

describe('input fuzzing of every route', () => {
  it('enumerates the routes from Fastify, REST, console and checkout API included', () => {
    const urls = new Set(sandbox.app.sandbox.routes.map((route) => `${route.method} ${route.url}`));
    for (const expected of ['POST /users/getToken', 'GET /payments/:imp_uid', 'POST /console/api/keys/reissue', 'POST /checkout/api/payments/:imp_uid/approve', 'POST /checkout/redirect']) {
      expect(urls).toContain(expected);
    }
    expect(urls.size).toBeGreaterThanOrEqual(60);
  });

  it('refuses unauthorised requests with any input: envelope, 4xx, nothing written', async () => {
    const figures = await fuzz('unauthorised');
    report('unauthorised', figures);
    expect(figures.requests).toBe(figures.routes * RUNS.unauthorised);
    expect(figures.routes).toBe(sandbox.app.sandbox.routes.length);
  }, 180_000);

  it('refuses invalid input from a signed-in merchant: envelope, 4xx, nothing written', async () => {
    const figures = await fuzz('authorised-invalid');
    report('authorised-invalid', figures);
    expect(figures.requests).toBe(figures.routes * RUNS['authorised-invalid']);
  }, 180_000);
});
