// npm run bench [-- suite ids]: runs the benchmark suites, prints one table and
// writes it as JSON to bench/results/<timestamp>.json. Not part of npm test:
// nothing here asserts; a missed target is printed as "NO".
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { formatTable, type Figure, type Suite } from './lib/report';
import { suites as allSuites } from './suites';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const suites: Suite[] = wanted.length ? allSuites.filter((s) => wanted.includes(s.id)) : allSuites;
  const results: { id: string; title: string; figures: Figure[]; seconds: number }[] = [];
  for (const suite of suites) {
    const started = Date.now();
    process.stdout.write(`bench: ${suite.title}…\n`);
    const figures = await suite.run();
    results.push({ id: suite.id, title: suite.title, figures, seconds: (Date.now() - started) / 1000 });
  }
  console.log(`\n${formatTable(results)}\n`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
  writeFileSync(file, JSON.stringify({ machine, results }, null, 2));
  console.log(`written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
