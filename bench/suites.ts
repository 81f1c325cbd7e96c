// The benchmark suites, in the order they run. Each lives in its own file.
import type { Suite } from './lib/report';
import { serviceSuite } from './service/throughput';

export const suites: Suite[] = [serviceSuite];
