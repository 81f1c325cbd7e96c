// Opens the sandbox database: a file (default) or ':memory:' for tests.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // First: a second process on the same file waits for the lock instead of
    // failing, even while switching the new file to WAL below.
    db.pragma('busy_timeout = 5000');
    // WAL: readers never block the writer, and a crash never corrupts the file.
    db.pragma('journal_mode = WAL');
    // FULL (not NORMAL): with WAL, NORMAL may lose the last commits on power
    // loss. An approval the buyer was told about must survive that, so every
    // commit is fsynced; the sandbox's write rate is far below the cost.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
