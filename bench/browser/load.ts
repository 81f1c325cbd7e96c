// Suite `load`: what loading the script tag costs a page in headless Chromium,
// beside an empty script as the control, each in a fresh browser context (a
// cold load: no HTTP cache, no V8 code cache), the SDK and the control
// interleaved run by run.
//   1. CDP Performance.getMetrics ScriptDuration after the page's load event:
//      all script compilation and evaluation of the page (only the one script).
//   2. Compile + evaluate of an inline copy: performance.now() in a script
//      before and a script after it (inline-sdk.html / inline-empty.html).
//   3. IMP.init() at load, timed around the call, beside a no-op call: the
//      prewarm must be nothing but scheduling there.
//   4. The idle-time task that builds the prewarmed checkout, timed by the
//      bench page around each requestIdleCallback callback.
import type { Figure, Suite } from '../lib/report';
import { spread } from '../lib/report';
import { RUNS } from './flows';
import { startBenchWorld, until, type BenchWorld } from './world';

/** The target: evaluation within 0.5 ms of the empty script. */
const EVAL_TARGET_MS = 0.5;

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

async function inlineEvaluation(world: BenchWorld, page: string): Promise<number> {
  const { context, page: tab } = await world.newPage(false);
  try {
    await tab.goto(`${world.site.url}/${page}`, { waitUntil: 'load' });
    return await tab.evaluate(() => {
      const w = window as unknown as { __t0: number; __t1: number };
      return w.__t1 - w.__t0;
    });
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

/** Interleave subject and control: A B, B A, A B, ... */
async function pairs(measure: (subject: boolean) => Promise<number>): Promise<{ subject: number[]; control: number[] }> {
  const subject: number[] = [];
  const control: number[] = [];
  await measure(true); // warm-up: the first context of the browser pays for start-up
  for (let i = 0; i < RUNS; i++) {
    for (const isSubject of i % 2 ? [false, true] : [true, false]) (isSubject ? subject : control).push(await measure(isSubject));
  }
  return { subject, control };
}

function withinOf(name: string, subject: number[], control: number[], controlName: string): Figure {
  const s = spread(subject);
  const c = spread(control);
  return {
    name,
    ...s,
    unit: 'ms',
    baseline: { name: controlName, value: c.value, min: c.min, max: c.max },
    target: `≤ ${controlName} + ${EVAL_TARGET_MS} ms`,
    met: s.value - c.value <= EVAL_TARGET_MS,
  };
}

export const loadSuite: Suite = {
  id: 'load',
  title: 'Load cost of dist/iamport.js (headless Chromium, cold loads)',
  async run() {
    const world = await startBenchWorld();
    try {
      const duration = await pairs((sdk) => scriptDuration(world, sdk ? 'load-sdk.html' : 'load-empty.html'));
      const inline = await pairs((sdk) => inlineEvaluation(world, sdk ? 'inline-sdk.html' : 'inline-empty.html'));
      const init: { init: number; noop: number; idle: number }[] = [];
      for (let i = 0; i < RUNS; i++) init.push(await initAtLoad(world));
      const noop = spread(init.map((r) => r.noop));
      return [
        withinOf('script evaluation, CDP ScriptDuration', duration.subject, duration.control, 'empty script'),
        withinOf('compile + evaluate, inline copy', inline.subject, inline.control, 'empty inline script'),
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
