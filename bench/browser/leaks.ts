// Suite `leaks`: 200 checkouts in one page, approved and cancelled in turn
// (the probe presses the button as soon as it exists), with IMP.init at load
// so every checkout after the first uses the prewarmed frame and leaves a new
// one behind. Counted before the first and after the last, each time once the
// prewarmed frame has said `ready` and after a full garbage collection:
//   - Memory.getDOMCounters: nodes, documents and event listeners of the
//     merchant page's renderer (the checkout frame is another site, another
//     process, and is not counted);
//   - DOMDebugger.getEventListeners on window and document;
//   - Runtime.getHeapUsage, the JS heap in use.
// The counts must come back exactly (the prewarmed container is there at
// both ends); the heap may grow by at most 100 KB. Counting starts after a
// few warm-up checkouts (code compiled on first use is heap too).
import type { CDPSession, Page } from 'playwright-core';
import type { Figure, Suite } from '../lib/report';
import { prewarmReady, sleep, startBenchWorld, until, type BenchWorld } from './world';

const CYCLES = Number(process.env.BENCH_CYCLES) || 200;
const HEAP_GROWTH_TARGET_KB = 100;
const WARM_UP = 20;

interface Counts {
  nodes: number;
  documents: number;
  listeners: number;
  windowDocumentListeners: number;
  heapKB: number;
}

async function counts(cdp: CDPSession): Promise<Counts> {
  // Twice: objects freed by the first collection can release others.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  let windowDocumentListeners = 0;
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    windowDocumentListeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })).listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { nodes: dom.nodes, documents: dom.documents, listeners: dom.jsEventListeners, windowDocumentListeners, heapKB: heap.usedSize / 1024 };
}

async function pay(page: Page, outcome: 'approve' | 'cancel'): Promise<void> {
  const id = await page.evaluate((name) => {
    window.__orderName = name;
    document.getElementById('pay')!.click();
    return window.__runs[window.__runs.length - 1]!.id;
  }, `bench [${outcome}]`);
  const run = await until(page, (n) => {
    const last = window.__runs[window.__runs.length - 1]!;
    return last.id === n && last.done ? { success: last.success, code: last.error_code } : null;
  }, id);
  const expected = outcome === 'approve' ? run.success === true : run.code === 'F0000';
  if (!expected) throw new Error(`checkout ${id} (${outcome}) ended ${JSON.stringify(run)}`);
}

const same = (name: string, end: number, start: number, unit: string): Figure => ({
  name,
  value: end,
  unit,
  baseline: { name: 'before the first', value: start },
  target: '= before the first',
  met: end === start,
});

/**
 * CYCLES checkouts on one page (after WARM_UP that are not counted), with the
 * counts taken before and after. `sdk`: open.html, prewarmed, each checkout
 * waits for the next prewarm; otherwise bare.html, the control: the same
 * checkouts by hand, so what the driver and the browser themselves add to
 * the heap shows beside the SDK's.
 */
async function cycles(world: BenchWorld, sdk: boolean): Promise<{ start: Counts; end: Counts }> {
  const { context, page } = await world.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(`${world.site.url}/${sdk ? 'open.html?init=load' : 'bare.html'}`);
    const settle = async (): Promise<void> => {
      if (sdk) await prewarmReady(page);
    };
    // Warm-up: the first checkouts compile the code they run, and the hot functions get
    // optimised after a few dozen calls (bytecode and optimised code are heap too: without
    // it the heap grew by 65 KB over 50 checkouts, 95 KB over 200 and 99 KB over 400, a
    // plateau, not a leak); the bench's own bounded records fill up too.
    for (let i = 0; i < WARM_UP; i++) {
      await settle();
      await pay(page, i % 2 ? 'cancel' : 'approve');
    }
    await settle();
    await sleep(300);
    const start = await counts(cdp);
    for (let i = 0; i < CYCLES; i++) {
      await pay(page, i % 2 ? 'cancel' : 'approve');
      await settle();
    }
    await sleep(300);
    return { start, end: await counts(cdp) };
  } finally {
    await context.close();
  }
}

export const leaksSuite: Suite = {
  id: 'leaks',
  title: `Leaks: ${CYCLES} checkouts in one page, approve and cancel alternating`,
  async run() {
    const world = await startBenchWorld();
    try {
      const { start, end } = await cycles(world, true);
      const control = await cycles(world, false);
      const growth = end.heapKB - start.heapKB;
      return [
        same('DOM nodes (Memory.getDOMCounters)', end.nodes, start.nodes, 'nodes'),
        same('event listeners (Memory.getDOMCounters)', end.listeners, start.listeners, 'listeners'),
        same('listeners on window + document (DOMDebugger)', end.windowDocumentListeners, start.windowDocumentListeners, 'listeners'),
        same('documents (Memory.getDOMCounters)', end.documents, start.documents, 'documents'),
        {
          name: 'JS heap after GC: growth',
          value: growth,
          unit: 'KB',
          baseline: { name: 'bare iframe, same checkouts by hand', value: control.end.heapKB - control.start.heapKB },
          target: `≤ ${HEAP_GROWTH_TARGET_KB} KB`,
          met: growth <= HEAP_GROWTH_TARGET_KB,
        },
      ];
    } finally {
      await world.close();
    }
  },
};
