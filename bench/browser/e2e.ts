// Suite `e2e`: click → approved callback, the approve button pressed by the
// driver (the probe, bench/browser/pages/probe.js) as soon as it exists; the
// SDK page prewarmed as a shop that calls IMP.init at load, beside the bare
// page inserting an iframe and speaking the protocol by hand.
import type { Suite } from '../lib/report';
import { spread } from '../lib/report';
import { measureE2e, type FlowSample } from './flows';
import { startBenchWorld } from './world';

const elapsed = (samples: FlowSample[]): number[] => samples.map((s) => s.run.callback! - s.run.t0);

export const e2eSuite: Suite = {
  id: 'e2e',
  title: 'End to end: click → approved callback',
  async run() {
    const world = await startBenchWorld();
    try {
      const { sdk, bare } = await measureE2e(world);
      const b = spread(elapsed(bare));
      return [
        {
          name: 'click → approved callback (prewarmed SDK)',
          ...spread(elapsed(sdk)),
          unit: 'ms',
          baseline: { name: 'bare iframe, by hand', value: b.value, min: b.min, max: b.max },
        },
      ];
    } finally {
      await world.close();
    }
  },
};
