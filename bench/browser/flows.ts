// Drives checkout flows in Chromium for the open-latency and end-to-end
// figures, the SDK page and the bare-iframe baseline interleaved run by run
// (A, B, B, A, A, B, ...), so a noisy moment on this shared machine hits both.
//
// Scenarios (each RUNS runs):
//   cold   a fresh browser context per run (empty HTTP cache), the page
//          loaded, then one click. SDK: IMP.init inside the click handler,
//          so nothing was prewarmed. Baseline: bare.html inserts the iframe.
//   warm   one page, many clicks in a row. SDK: IMP.init at load, so the
//          checkout is prewarmed in idle time before every click (the driver
//          waits until the prewarmed frame said `ready`). Baseline: the
//          bare page's second and later iframes (HTTP cache warm).
//   e2e    like warm, and the probe presses approve as soon as it exists;
//          measured to the merchant callback (SDK) / the result (bare).
// The first run of each page is a warm-up and is not counted.
import type { Page } from 'playwright-core';
import { prewarmReady, shownCheckoutFrame, sleep, until, type BenchWorld, type FrameMarks, type MerchantRun } from './world';

export const RUNS = Number(process.env.BENCH_RUNS) || 30;
/** A buyer does not click in the same millisecond the page settles: let idle work finish, as it would. */
const SETTLE_MS = 400;

export interface FlowSample {
  run: MerchantRun;
  marks: FrameMarks;
}

export interface FlowResults {
  sdkCold: FlowSample[];
  bareCold: FlowSample[];
  sdkWarm: FlowSample[];
  bareWarm: FlowSample[];
  sdkE2e: FlowSample[];
  bareE2e: FlowSample[];
}

type Kind = 'sdk' | 'bare';

const lastRun = (page: Page): Promise<MerchantRun> => page.evaluate(() => window.__runs[window.__runs.length - 1]!);

/** Clicks the pay button; returns the id of the run it started (the pages keep their last few runs). */
async function click(page: Page, orderName: string): Promise<number> {
  return page.evaluate((name) => {
    window.__orderName = name;
    document.getElementById('pay')!.click();
    return window.__runs[window.__runs.length - 1]!.id;
  }, orderName);
}

/** Waits until run `id` is the last and `field` is set on it. */
const runHas = (page: Page, id: number, field: 'overlayPainted' | 'done'): Promise<unknown> =>
  until(page, ([n, f]) => { const run = window.__runs[window.__runs.length - 1]!; return run.id === n && !!run[f]; }, [id, field] as const);

/** Open one checkout and wait until its sheet is painted; returns both sides' timestamps. The flow stays open. */
async function openOnce(page: Page): Promise<FlowSample> {
  const id = await click(page, 'bench [stay]');
  const frame = await shownCheckoutFrame(page);
  const marks = await until(frame, () => (window.__bench && window.__bench.sheet ? window.__bench : null));
  await runHas(page, id, 'overlayPainted');
  return { run: await lastRun(page), marks };
}

async function closeFlow(page: Page, kind: Kind): Promise<void> {
  if (kind === 'sdk') {
    await page.evaluate(() => window.IMP!.close());
    await until(page, () => window.__runs[window.__runs.length - 1]!.done);
  } else {
    await page.evaluate(() => document.querySelector('html > iframe')?.remove());
  }
}

const pageUrl = (world: BenchWorld, kind: Kind, initAtLoad: boolean): string =>
  kind === 'sdk' ? `${world.site.url}/open.html${initAtLoad ? '?init=load' : ''}` : `${world.site.url}/bare.html`;

async function coldRun(world: BenchWorld, kind: Kind): Promise<FlowSample> {
  const { context, page } = await world.newPage();
  try {
    await page.goto(pageUrl(world, kind, false));
    await sleep(SETTLE_MS);
    const sample = await openOnce(page);
    const { run } = sample;
    if (!run.ready) run.ready = (await lastRun(page)).ready;
    return sample;
  } finally {
    await context.close();
  }
}

/**
 * The SDK page and the bare page, each kept across runs, clicked in turn
 * (interleaved). `each` runs RUNS + 1 times per page; the first is a warm-up.
 */
async function onTwoPages(world: BenchWorld, each: (page: Page, kind: Kind) => Promise<FlowSample>): Promise<Record<Kind, FlowSample[]>> {
  const opened = { sdk: await world.newPage(), bare: await world.newPage() };
  const samples: Record<Kind, FlowSample[]> = { sdk: [], bare: [] };
  try {
    for (const kind of ['sdk', 'bare'] as const) await opened[kind].page.goto(pageUrl(world, kind, true));
    for (let i = 0; i <= RUNS; i++) {
      const order: Kind[] = i % 2 ? ['bare', 'sdk'] : ['sdk', 'bare'];
      for (const kind of order) {
        const { page } = opened[kind];
        if (kind === 'sdk') await prewarmReady(page);
        await sleep(SETTLE_MS);
        const sample = await each(page, kind);
        if (i > 0) samples[kind].push(sample);
      }
    }
    return samples;
  } finally {
    await opened.sdk.context.close();
    await opened.bare.context.close();
  }
}

const warmOpen = async (page: Page, kind: Kind): Promise<FlowSample> => {
  const sample = await openOnce(page);
  await closeFlow(page, kind);
  return sample;
};

const e2eOnce = async (page: Page): Promise<FlowSample> => {
  const id = await click(page, 'bench [approve]');
  await runHas(page, id, 'done');
  const run = await lastRun(page);
  if (!run.success) throw new Error(`the bench payment failed: ${run.error_code}`);
  return { run, marks: {} };
};

/** The open-latency scenarios: cold (a fresh context per run) and warm (prewarmed / second iframe). */
export async function measureOpen(world: BenchWorld): Promise<Omit<FlowResults, 'sdkE2e' | 'bareE2e'>> {
  const sdkCold: FlowSample[] = [];
  const bareCold: FlowSample[] = [];
  // Warm-up: the first contexts of a browser pay for process start-up; count neither.
  await coldRun(world, 'sdk');
  await coldRun(world, 'bare');
  for (let i = 0; i < RUNS; i++) {
    const order: Kind[] = i % 2 ? ['bare', 'sdk'] : ['sdk', 'bare'];
    for (const kind of order) (kind === 'sdk' ? sdkCold : bareCold).push(await coldRun(world, kind));
  }
  const warm = await onTwoPages(world, warmOpen);
  return { sdkCold, bareCold, sdkWarm: warm.sdk, bareWarm: warm.bare };
}

/** Click to approved callback, the approve button pressed as soon as it exists (the probe). */
export async function measureE2e(world: BenchWorld): Promise<{ sdk: FlowSample[]; bare: FlowSample[] }> {
  return onTwoPages(world, e2eOnce);
}
