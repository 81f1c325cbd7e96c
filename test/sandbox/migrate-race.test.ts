// Two processes starting on one new database file both read "version 0" and
// both apply migration 1; the second died with "table merchants already
// exists" (found by test/stress/startup.test.ts: 1 start in 32 failed).
// migrate() now looks at schema_version again under the write lock. Here the
// race is replayed deterministically: the version read is made stale.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../demo/sandbox/db/open';
import { migrate } from '../../demo/sandbox/db/migrate';
import { MIGRATIONS } from '../../demo/sandbox/db/migrations';
import { openDatabase } from '../../demo/sandbox/db/open';
import { tempDatabase } from '../support/sandbox';

/** The database, except that reading the current version answers as if nothing had been applied yet. */
function withStaleVersionRead(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'prepare') {
        return (sql: string) => (/SELECT MAX\(version\)/.test(sql) ? { get: () => ({ v: null }) } : target.prepare(sql));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('migrate() racing another process', () => {
  it('skips a migration another process applied after the version was read', () => {
    const files = tempDatabase();
    const first = openDatabase(files.path); // "the other process": fully migrated
    try {
      const second = new (first.constructor as new (path: string) => Db)(files.path);
      try {
        expect(() => migrate(withStaleVersionRead(second))).not.toThrow();
        expect(second.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      } finally {
        second.close();
      }
    } finally {
      first.close();
      files.cleanup();
    }
  });
});
