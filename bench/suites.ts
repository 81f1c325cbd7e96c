// The benchmark suites, in the order they run. Each lives in its own file.
import { e2eSuite } from './browser/e2e';
import { leaksSuite } from './browser/leaks';
import { loadSuite } from './browser/load';
import { openSuite } from './browser/open';
import { sizeSuite } from './browser/size';
import type { Suite } from './lib/report';
import { growthSuite } from './service/growth';
import { serviceSuite } from './service/throughput';
import { writesSuite } from './service/writes';

export const suites: Suite[] = [
  // Browser (bench/browser/): what a merchant's page and its buyers pay.
  sizeSuite,
  loadSuite,
  openSuite,
  e2eSuite,
  leaksSuite,
  // Service (bench/service/): what a merchant's server and the sandbox pay.
  serviceSuite,
  writesSuite,
  growthSuite,
];
