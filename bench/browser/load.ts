// Suite `load`: what loading the script tag costs a page in headless Chromium,
// each load in a fresh browser context (cold: no HTTP cache, no V8 code
// cache), three pages interleaved run by run (rotating their order):
//   - load-sdk.html: <script src=dist/iamport.js>;
//   - load-empty.html: an empty script, the control;
//   - load-current-script.html: a script that only reads
//     document.currentScript.src, which the SDK must (it talks to the origin
//     it was loaded from). That read makes Chromium build the page's first DOM
//     element wrapper, a cost any script touching an element pays once per
//     page; the second control shows how much of the SDK's figure it is.
// Measured: CDP Performance.getMetrics ScriptDuration after the load event
// (all script compilation and evaluation of the page: its one script).
// Then, on load-init.html (the SDK from the sandbox, IMP.init at load):
//   - IMP.init() timed around the call, beside a no-op call: the prewarm must
//     be nothing but scheduling there;
//   - the idle-time task that builds the prewarmed checkout, timed by the
//     bench page around each requestIdleCallback callback.
import type { Figure, Suite } from '../lib/report';
import { spread } from '../lib/report';
import { RUNS } from './flows';
import { startBenchWorld, until, type BenchWorld } from './world';

/** The target: evaluation within 0.5 ms of the empty script. */
const EVAL_TARGET_MS = 0.5;
const INIT_RUNS = 15;

async function scriptDuration(world: BenchWorld, page: string): Promise<number> {
  const { context, page: tab } = await world.newPage(false);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(`${world.site.url}/${page}`, { waitUntil: 'load' });
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
  } finally {
    await context.close();
  }
}

async function initAtLoad(world: BenchWorld): Promise<{ init: number; noop: number; idle: number }> {
  const { context, page } = await world.newPage(false);
  try {
    await page.goto(`${world.site.url}/load-init.html`, { waitUntil: 'load' });
    // The prewarm is built in the first idle callback after load.
    const idle = await until(page, () => (window as unknown as { __idle: number[] }).__idle[0]);
    const { init, noop } = await page.evaluate(() => {
      const w = window as unknown as { __init: number; __noop: number };
      return { init: w.__init, noop: w.__noop };
    });
    return { init, noop, idle };
  } finally {
    await context.close();
  }
}

const PAGES = ['load-sdk.html', 'load-empty.html', 'load-current-script.html'] as const;

function beside(name: string, subject: number[], control: number[], controlName: string, target: boolean): Figure {
  const s = spread(subject);
  const c = spread(control);
  const figure: Figure = { name, ...s, unit: 'ms', baseline: { name: controlName, value: c.value, min: c.min, max: c.max } };
  if (target) {
    figure.target = `≤ ${controlName} + ${EVAL_TARGET_MS} ms`;
    figure.met = s.value - c.value <= EVAL_TARGET_MS;
  }
  return figure;
}

export const loadSuite: Suite = {
  id: 'load',
  title: 'Load cost of dist/iamport.js (headless Chromium, cold loads)',
  async run() {
    const world = await startBenchWorld();
    try {
      const durations: Record<(typeof PAGES)[number], number[]> = { 'load-sdk.html': [], 'load-empty.html': [], 'load-current-script.html': [] };
      await scriptDuration(world, PAGES[0]); // warm-up: the first contexts of a browser pay for its start-up
      for (let i = 0; i < RUNS; i++) {
        for (let j = 0; j < PAGES.length; j++) {
          const page = PAGES[(i + j) % PAGES.length]!;
          durations[page].push(await scriptDuration(world, page));
        }
      }
      const init: { init: number; noop: number; idle: number }[] = [];
      for (let i = 0; i < INIT_RUNS; i++) init.push(await initAtLoad(world));
      const noop = spread(init.map((r) => r.noop));
      const sdk = durations['load-sdk.html'];
      return [
        beside('script evaluation (CDP ScriptDuration)', sdk, durations['load-empty.html'], 'empty script', true),
        beside('the same, beside reading document.currentScript.src only', sdk, durations['load-current-script.html'], 'that read', false),
        {
          name: 'IMP.init() at load (schedules the prewarm only)',
          ...spread(init.map((r) => r.init)),
          unit: 'ms',
          baseline: { name: 'a no-op call', value: noop.value, min: noop.min, max: noop.max },
        },
        { name: 'prewarm build: idle-time task after load (V1: ~133 ms sync at init)', ...spread(init.map((r) => r.idle)), unit: 'ms' },
      ];
    } finally {
      await world.close();
    }
  },
};
