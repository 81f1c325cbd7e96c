// Applies pending migrations, each in its own transaction together with its
// schema_version row, so a crash leaves the database at a known version, and
// several processes starting on one new file migrate it exactly once.
import type { Db } from './open';
import { MIGRATIONS, type Migration } from './migrations';

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version        INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    applied_at_ms  INTEGER NOT NULL
  )`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new Error(
      `The sandbox database is at schema version ${current}, newer than this code knows (${newest}). ` +
        'Use a newer imp-checkout or another SANDBOX_DB file.',
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, ?, ?)');
  const applied = db.prepare<[number]>('SELECT 1 FROM schema_version WHERE version = ?');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Another process starting on the same file may have applied it since
      // `current` was read: look again now that this one holds the write lock.
      if (applied.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
  return Math.max(current, newest);
}
