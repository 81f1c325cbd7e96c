// Transactions for request paths.
//
// better-sqlite3's `db.transaction(fn)` builds four wrapper functions and
// defines five properties on each, every time it is called: about 10 µs, as
// much as the SQL of a whole getToken (measured by `npm run bench -- service`,
// docs/performance notes in the README). The sandbox called it once per
// request. Here one wrapper per database is built once and runs any function;
// nesting still works (an inner call becomes a SAVEPOINT, as with
// db.transaction), and an exception still rolls everything back.
import type { Transaction } from 'better-sqlite3';
import type { Db } from './open';

type Runner = Transaction<(body: () => unknown) => unknown>;

const runners = new WeakMap<Db, Runner>();

function runnerFor(db: Db): Runner {
  let runner = runners.get(db);
  if (!runner) runners.set(db, (runner = db.transaction((body: () => unknown) => body())));
  return runner;
}

/**
 * BEGIN IMMEDIATE: the write lock is taken first, so a read-check-write in
 * `body` cannot interleave with another process's (every state change).
 */
export function writeTransaction<T>(db: Db, body: () => T): T {
  return runnerFor(db).immediate(body) as T;
}

/**
 * BEGIN (deferred) for reads only: several SELECTs see one snapshot, even
 * while another process commits, and share one lock round-trip instead of
 * one each (with WAL, every statement outside a transaction takes and
 * releases the read lock).
 */
export function readTransaction<T>(db: Db, body: () => T): T {
  return runnerFor(db).deferred(body) as T;
}
