// One row per figure, printed as one table and written as JSON under
// bench/results/. A timing is always reported beside a baseline measured in the
// same run on the same machine (these machines are shared and noisy), as a
// ratio, with the median of many runs and their min and max.

export interface Figure {
  /** What is measured, e.g. "open latency: click → ready (cold)". */
  name: string;
  /** Median (or the single value for sizes and counts). */
  value: number;
  unit: string;
  min?: number;
  max?: number;
  /** Runs behind the median. */
  runs?: number;
  /** The same measurement of the baseline, in the same unit. */
  baseline?: { name: string; value: number; min?: number; max?: number };
  /** The target as text ("≤ 1.10 × baseline", "≤ 4,000 B") and whether it was met. */
  target?: string;
  met?: boolean;
}

export interface Suite {
  /** Short id used on the command line: `npm run bench -- size open`. */
  id: string;
  title: string;
  run(): Promise<Figure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: number[]): { value: number; min: number; max: number; runs: number } {
  return { value: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

export function ratio(figure: Figure): number | undefined {
  return figure.baseline && figure.baseline.value !== 0 ? figure.value / figure.baseline.value : undefined;
}

const fmt = (n: number | undefined, digits = 2): string =>
  n === undefined ? '' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);

export function formatTable(suites: { title: string; figures: Figure[] }[]): string {
  const rows: string[][] = [['figure', 'median', 'min–max', 'baseline', 'ratio', 'target', 'met']];
  for (const suite of suites) {
    rows.push([`— ${suite.title}`, '', '', '', '', '', '']);
    for (const f of suite.figures) {
      const r = ratio(f);
      rows.push([
        f.name,
        `${fmt(f.value)} ${f.unit}`,
        f.min !== undefined ? `${fmt(f.min)}–${fmt(f.max)}` : '',
        f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.name})` : '',
        r !== undefined ? `${r.toFixed(2)}×` : '',
        f.target ?? '',
        f.met === undefined ? '' : f.met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
