// The benchmark suites, in the order they run. Each lives in its own file.
import type { Suite } from './lib/report';

export const suites: Suite[] = [];
