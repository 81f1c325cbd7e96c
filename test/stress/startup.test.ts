// Several sandbox processes started at the same moment on one new database
// file all come up, and the schema is migrated exactly once (npm start
// twice, a test runner starting workers). Bounded: 4 rounds of 4 processes.
// Before the fix in db/migrate.ts about 1 start in 32 died with "table
// merchants already exists" (test/sandbox/migrate-race.test.ts replays it).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSandbox, type SandboxProcess } from '../support/sandbox-process';
import { tempDatabase } from '../support/sandbox';
import { MIGRATIONS } from '../../demo/sandbox/db/migrations';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('concurrent start on one new database file', () => {
  it('4 rounds × 4 processes: all listen, migrations applied once, one demo merchant', async () => {
    let started = 0;
    for (let round = 0; round < 4; round++) {
      const db = tempDatabase();
      cleanups.push(() => db.cleanup());
      const processes = await Promise.allSettled([0, 1, 2, 3].map(() => spawnSandbox({ db: db.path })));
      for (const p of processes) if (p.status === 'fulfilled') cleanups.push(() => (p.value as SandboxProcess).stop());
      const failures = processes.filter((p): p is PromiseRejectedResult => p.status === 'rejected').map((p) => String(p.reason).slice(0, 2000));
      expect(failures).toEqual([]);
      started += processes.length;
      const check = new Database(db.path, { readonly: true });
      try {
        expect(check.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
        expect(check.prepare('SELECT COUNT(*) AS n FROM merchants').get()).toEqual({ n: 1 });
      } finally {
        check.close();
      }
      while (cleanups.length > 1) await cleanups.pop()!();
    }
    console.log(`[stress] concurrent start: ${started} processes in 4 rounds on fresh files, all listening, schema migrated once each`);
  });
});
