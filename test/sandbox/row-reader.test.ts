// repositories/row-reader.ts reads rows as one JSON array text written by
// SQLite; the objects it returns must hold exactly what better-sqlite3's own
// row objects hold, on values that could tell them apart.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../demo/sandbox/db/open';
import { rowReader } from '../../demo/sandbox/repositories/row-reader';

const db = new Database(':memory:');
afterAll(() => db.close());
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, n NUMERIC, anything)');
const insert = db.prepare('INSERT INTO t (i, r, s, n, anything) VALUES (?, ?, ?, ?, ?)');
const plain = db.prepare('SELECT * FROM t WHERE id = ?');
const reader = rowReader<Record<string, unknown>>(db, 'SELECT * FROM t WHERE id = ?');

function roundTrip(values: unknown[]): void {
  const id = Number(insert.run(...values).lastInsertRowid);
  expect(reader.get(id)).toStrictEqual(plain.get(id));
}

describe('rowReader', () => {
  it('returns what better-sqlite3 returns, on awkward values', () => {
    const awkward: unknown[][] = [
      [null, null, null, null, null],
      [0, -0, '', 0, 0],
      [Number.MAX_SAFE_INTEGER, 0.1 + 0.2, '제주 녹차 2개 🍵', 24000, 'x'],
      [-Number.MAX_SAFE_INTEGER, 30.299999999999997, '"quoted" \\ back\\slash \n\t\r \u0000 \u001f \u2028 \u2029', 10.99, 1.5],
      [2 ** 62, 1e300, '{"custom_data": [1, 2]}', '12', '12'],
      [1, 5e-324, 'null', Infinity, -Infinity],
      [1, Infinity, '[]', -0.5, 'true'],
    ];
    for (const values of awkward) roundTrip(values);
  });

  it('returns what better-sqlite3 returns, on any text and numbers', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.string({ unit: 'binary' }),
        fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.string()),
        (i, r, s, n) => roundTrip([i, r, s, n, s]),
      ),
      { numRuns: 500 },
    );
  });

  it('reads many rows in order, and undefined for none', () => {
    const all = rowReader<Record<string, unknown>>(db, 'SELECT * FROM t WHERE id > ? ORDER BY id DESC');
    expect(all.all(0)).toStrictEqual(db.prepare('SELECT * FROM t WHERE id > ? ORDER BY id DESC').all(0));
    expect(reader.get(-1)).toBeUndefined();
  });

  it('reads a stored payment exactly as better-sqlite3 does', () => {
    const sandboxDb = openDatabase(':memory:');
    try {
      // Every column of the payments table, holding a value of its declared type.
      const columns = sandboxDb.prepare('PRAGMA table_info(payments)').all() as Array<{ name: string; type: string }>;
      const values = columns.filter((c) => c.name !== 'id').map((c) => (c.type === 'TEXT' ? `${c.name} 값` : c.type === 'REAL' ? 10.5 : 1));
      sandboxDb.pragma('foreign_keys = OFF');
      sandboxDb.pragma('ignore_check_constraints = ON');
      const names = columns.filter((c) => c.name !== 'id').map((c) => c.name);
      sandboxDb.prepare(`INSERT INTO payments (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
      const read = rowReader<Record<string, unknown>>(sandboxDb, 'SELECT * FROM payments WHERE id = ?');
      expect(read.get(1)).toStrictEqual(sandboxDb.prepare('SELECT * FROM payments WHERE id = ?').get(1));
    } finally {
      sandboxDb.close();
    }
  });

  it('accepts only SELECT * FROM a table', () => {
    expect(() => rowReader(db, 'SELECT id, s FROM t')).toThrow(/SELECT \* FROM/);
  });
});
