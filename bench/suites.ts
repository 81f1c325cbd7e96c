// The benchmark suites, in the order they run. Each lives in its own file.
import type { Suite } from './lib/report';
import { growthSuite } from './service/growth';
import { serviceSuite } from './service/throughput';
import { writesSuite } from './service/writes';

export const suites: Suite[] = [serviceSuite, writesSuite, growthSuite];
