// Test helpers to run a real sandbox: a listening server on 127.0.0.1 with
// a port the OS picks, over a real SQLite database (':memory:' by default,
// or a temp file for restart tests). Used by the sandbox tests, the e2e
// tests and the benchmarks; keep the exports stable.
//
//   const sandbox = await startTestSandbox();          // webhooks retry fast
//   await fetch(`${sandbox.url}/users/getToken`, ...);
//   await sandbox.close();
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../demo/sandbox/start';
import type { WebhookOptions } from '../../demo/sandbox/webhooks/worker';

export type { RunningSandbox } from '../../demo/sandbox/start';

/** Webhook timings for tests: retries within tens of milliseconds. */
export const FAST_WEBHOOKS: Partial<WebhookOptions> = {
  baseDelayMs: 50,
  maxDelayMs: 300,
  pollIntervalMs: 50,
  requestTimeoutMs: 2_000,
  maxAttempts: 30,
};

export function startTestSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ db: ':memory:', host: '127.0.0.1', port: 0, logger: false, ...options, webhooks: options.webhooks ?? FAST_WEBHOOKS });
}

/** A fresh directory for a database file; `cleanup` removes it. */
export function tempDatabase(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'imp-sandbox-'));
  return { path: join(dir, 'sandbox.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock tests can move: pass `clock.now` as buildApp/startSandbox `clock`. */
export class TestClock {
  constructor(private ms = Date.now()) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

const WEB_DIR = 'demo/sandbox/web';

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the sandbox's page scripts (build/sandbox/*.js) with the project's
 * rollup config when they are missing or older than their sources, so a
 * browser test run on its own (without `npm run build`) uses current code.
 */
export async function buildSandboxPages(): Promise<void> {
  const outputs = readdirSync(WEB_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join('build/sandbox', file.replace(/\.ts$/, '.js')));
  const sourcesChanged = newestSourceTime(WEB_DIR);
  if (outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= sourcesChanged)) return;
  // @ts-expect-error -- the rollup config is plain JavaScript without types
  const { default: configs } = (await import('../../rollup.config.mjs')) as { default: RollupOptions[] };
  for (const config of configs.filter((c) => String(c.input).startsWith(`${WEB_DIR}/`))) {
    const bundle = await rollup({ ...config, onwarn: () => undefined });
    try {
      for (const output of [config.output].flat() as OutputOptions[]) await bundle.write(output);
    } finally {
      await bundle.close();
    }
  }
}
