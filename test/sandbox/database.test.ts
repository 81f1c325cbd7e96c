// The database: WAL on files, numbered migrations recorded in
// schema_version, applied once, and a newer schema refused clearly.
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../demo/sandbox/db/migrate';
import { MIGRATIONS } from '../../demo/sandbox/db/migrations';
import { openDatabase } from '../../demo/sandbox/db/open';
import { tempDatabase } from '../support/sandbox';

const files = tempDatabase();
afterAll(() => files.cleanup());

describe('openDatabase', () => {
  it('opens a file in WAL mode with foreign keys and full sync, at the newest schema', () => {
    const db = openDatabase(files.path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>;
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      db.close();
    }
  });

  it('applies migrations once: reopening changes nothing', () => {
    const db = openDatabase(files.path);
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('rolls back a failing migration completely and refuses a newer schema', () => {
    const db = openDatabase(':memory:');
    try {
      const broken = { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL;' };
      expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: Math.max(...MIGRATIONS.map((m) => m.version)) });

      db.prepare('INSERT INTO schema_version (version, name, applied_at_ms) VALUES (50, ?, 0)').run('from the future');
      expect(() => migrate(db)).toThrow(/newer than this code knows/);
    } finally {
      db.close();
    }
  });
});
