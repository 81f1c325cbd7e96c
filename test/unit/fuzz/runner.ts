// Runs one property with a fixed seed and a bounded run (count and time), and
// prints its figures. FUZZ_RUNS / FUZZ_SEED override the defaults for a longer
// hunt (e.g. `FUZZ_RUNS=100000 FUZZ_SEED=7 npx vitest run test/unit/fuzz`).
import fc from 'fast-check';
import { vi } from 'vitest';
import IMP from '../../../src/index';
import { resetState, state } from '../../../src/state';
import { check, checkPageClean, checkResponse, short } from './checks';
import { callSdk, drive, flush, NESTED, openSurface } from './flows';
import type { Page } from './page';
import { snapshotBuiltins, type BuiltinsShot } from './snapshot';
import { windows } from './windows';

export const RUNS = Number(process.env.FUZZ_RUNS) || 10_000;
export const SEED = Number(process.env.FUZZ_SEED) || 42;
/**
 * Safety bound: a run that gets this slow stops and fails, saying how many
 * inputs it tried (fewer than RUNS would not show what the test claims).
 * Runs take 3–8 s here; the bound leaves room for a loaded CI machine.
 */
export const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS) || 150_000;
/** Performance.now before any fake timer: figures are wall-clock, never asserted. */
const now = performance.now.bind(performance);

export class Stats {
  inputs = 0;
  responses = 0;
  requests = 0;
  snapshots = 0;
  builtinChecks = 0;
  noise = 0;
  readonly flows: Record<string, number> = {};
  readonly outcomes: Record<string, number> = {};

  count(table: Record<string, number>, key: string): void {
    table[key] = (table[key] ?? 0) + 1;
  }
}

const table = (t: Record<string, number>): string =>
  Object.entries(t)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** Timers pending in the fake clock. jsdom queues a 0 ms task when an iframe is focused: run what is due first. */
export function pendingTimers(): number {
  vi.advanceTimersByTime(0);
  return vi.getTimerCount();
}

/** After a failed run: close everything, so the next run (fast-check shrinking) starts from a clean page. */
export function cleanUp(page: Page): void {
  for (let i = 0; i < 10 && state.flow; i++) IMP.close();
  vi.clearAllTimers();
  page.removeLeftoverListeners();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  windows.opened.forEach((w) => (w.closed = true));
  resetState();
  state.prewarm = false;
}

export interface FuzzContext {
  page: Page;
  builtins: BuiltinsShot;
  stats: Stats;
}

/**
 * Check `property` on RUNS generated inputs (seed SEED). Prints
 * "fuzz <name>: <n> inputs, <failures> failures, seed <seed>" and the records
 * checked; throws fast-check's report (the shrunk counterexample) on failure.
 */
export async function fuzz<T>(
  name: string,
  page: Page,
  arbitrary: fc.Arbitrary<T>,
  property: (input: T, ctx: FuzzContext) => Promise<void>,
  numRuns = RUNS,
): Promise<Stats> {
  const stats = new Stats();
  const builtins = snapshotBuiltins();
  const started = now();
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      stats.inputs++;
      windows.opened.length = 0;
      page.consoleErrors.length = 0;
      page.submissions.length = 0;
      try {
        await property(input, { page, builtins, stats });
        // Node reports an unhandled rejection on a later turn of the event loop: give it one.
        await new Promise((resolve) => setImmediate(resolve));
        check(page.unhandledRejections.length === 0, `unhandled rejection: ${short(page.unhandledRejections[0])}`);
      } catch (error) {
        page.unhandledRejections.length = 0;
        cleanUp(page);
        page.pageErrors.length = 0;
        throw error;
      }
    }),
    { numRuns, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: true },
  );
  const seconds = ((now() - started) / 1000).toFixed(1);
  const stopped = details.interrupted ? ` (stopped by the ${TIME_LIMIT_MS / 1000} s limit)` : '';
  console.log(
    `fuzz ${name}: ${details.numRuns} inputs, ${details.failed ? 1 : 0} failures, seed ${SEED}${stopped}\n` +
      `  ${seconds} s, ${stats.inputs} runs (shrinking included); checked ${stats.responses} responses, ${stats.requests} posted requests, ` +
      `${stats.snapshots} input snapshots, ${stats.builtinChecks} built-in snapshots, ${stats.noise} foreign messages dropped\n` +
      `  windows: ${table(stats.flows) || 'none'}\n  outcomes: ${table(stats.outcomes)}`,
  );
  if (details.interrupted) {
    throw new Error(`${name}: stopped by the ${TIME_LIMIT_MS / 1000} s limit after ${details.numRuns} of ${numRuns} inputs`);
  }
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : short(details.errorInstance);
    throw new Error(`${name}: ${cause}\n${fc.defaultReportMessage(details)}`);
  }
  return stats;
}

/**
 * Property 5, after a whole fuzz run: a clean init and request_pay with good
 * params still opens a checkout, sends the request and completes; and no
 * promise rejection went unhandled at any point of the run.
 */
export async function checkStillUsable(page: Page): Promise<void> {
  const builtins = snapshotBuiltins();
  page.browser = 'desktop';
  windows.step = { t: 'ok' };
  windows.opened.length = 0;
  IMP.init('imp12345678');
  const calls: unknown[] = [];
  const tracked = callSdk('request_pay', [{ amount: 1000, merchant_uid: 'after_fuzz', name: 'Tea' }, (r: unknown) => void calls.push(r)], calls, 'after fuzz');
  const surface = openSurface();
  check(surface && surface.kind === 'iframe', 'a clean request_pay after the fuzz run opened no checkout window');
  const driven = drive(surface, NESTED, { action: 'payment', userCode: 'imp12345678', tierCode: undefined }, () => {});
  check(driven.sentParams?.merchant_uid === 'after_fuzz' && driven.sentParams.amount === 1000, 'the request after the fuzz run is not the one given');
  await flush();
  check(tracked.resolved.length === 1 && calls.length === 1 && calls[0] === tracked.resolved[0], 'the request after the fuzz run did not settle once');
  checkResponse(tracked.resolved[0], {});
  check(tracked.resolved[0].success === true, 'the request after the fuzz run did not succeed');
  checkPageClean(page, builtins, pendingTimers);
  // Node reports unhandled rejections on a later turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  check(page.unhandledRejections.length === 0, `${page.unhandledRejections.length} unhandled rejection(s), the first: ${short(page.unhandledRejections[0])}`);
}
