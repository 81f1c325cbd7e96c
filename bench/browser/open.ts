// Suite `open`: from request_pay() in a click handler to the checkout on
// screen, beside a bare page that inserts a plain iframe of the same checkout
// URL and speaks the protocol by hand (the physical limit of an iframe here).
// Timestamps and their definitions: bench/browser/pages/shop.js, bare.js
// (merchant side) and probe.js (inside the checkout frame); scenarios:
// bench/browser/flows.ts.
import type { Figure, Suite } from '../lib/report';
import { spread } from '../lib/report';
import { measureOpen, type FlowSample } from './flows';
import { startBenchWorld } from './world';

/** The targets: the SDK within 10 % of the bare iframe; a prewarmed open painted within 35 ms of the click. */
const RATIO_TARGET = 1.1;
const PAINTED_TARGET_MS = 35;

type Pick = (sample: FlowSample) => number | undefined;

const since = (field: (s: FlowSample) => number | undefined): Pick => (s) => {
  const at = field(s);
  return at === undefined ? undefined : at - s.run.t0;
};
const returned = since((s) => s.run.returned);
const ready = since((s) => s.run.ready);
const firstPaint = since((s) => s.marks.fcp);
const request = since((s) => s.marks.request);
const summary = since((s) => s.marks.summary);
const sheet = since((s) => s.marks.sheet);

function values(samples: FlowSample[], pick: Pick, what: string): number[] {
  const out = samples.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (out.length < samples.length) throw new Error(`${what}: ${samples.length - out.length} of ${samples.length} runs have no timestamp`);
  return out;
}

function figure(name: string, subject: FlowSample[], baseline: FlowSample[] | null, pick: Pick, target?: 'ratio' | 'painted'): Figure {
  const s = spread(values(subject, pick, name));
  const figure: Figure = { name, ...s, unit: 'ms' };
  if (baseline) {
    const b = spread(values(baseline, pick, `${name} (baseline)`));
    figure.baseline = { name: 'bare iframe', value: b.value, min: b.min, max: b.max };
    if (target === 'ratio') {
      figure.target = `≤ ${RATIO_TARGET.toFixed(2)} × bare iframe`;
      figure.met = s.value / b.value <= RATIO_TARGET;
    }
  }
  if (target === 'painted') {
    figure.target = `≤ ${PAINTED_TARGET_MS} ms (V1: ~31 ms to its overlay)`;
    figure.met = s.value <= PAINTED_TARGET_MS;
  }
  return figure;
}

export const openSuite: Suite = {
  id: 'open',
  title: 'Open latency: click → checkout (headless Chromium, two origins)',
  async run() {
    const world = await startBenchWorld();
    try {
      const r = await measureOpen(world);
      return [
        figure('cold open: click handler, request_pay() / inserting the iframe', r.sdkCold, r.bareCold, returned),
        figure('cold open: click → ready message', r.sdkCold, r.bareCold, ready, 'ratio'),
        figure('cold open: click → first paint of the checkout', r.sdkCold, r.bareCold, firstPaint, 'ratio'),
        figure('cold open: click → order painted', r.sdkCold, r.bareCold, summary),
        figure('cold open: click → approve button painted', r.sdkCold, r.bareCold, sheet),
        figure('prewarmed open: click handler, request_pay()', r.sdkWarm, null, returned),
        figure('prewarmed open: click → request in the checkout', r.sdkWarm, null, request),
        // The prewarmed page cannot paint while hidden: its first contentful paint is the checkout appearing on screen.
        figure('prewarmed open: click → checkout painted (its first paint)', r.sdkWarm, r.bareWarm, firstPaint, 'painted'),
        figure('prewarmed open: click → order painted', r.sdkWarm, r.bareWarm, summary),
        figure('prewarmed open: click → approve button painted', r.sdkWarm, r.bareWarm, sheet),
      ];
    } finally {
      await world.close();
    }
  },
};
