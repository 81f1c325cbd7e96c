// Wide rows as plain objects, cheaply.
//
// better-sqlite3 hands a row to JavaScript value by value through V8's API.
// For one 60-column payment (GET /payments/{imp_uid}; npm run bench --
// service, README "Performance") that took about 13 µs as an object, 7.5 µs
// as an array (`.raw()`). Here SQLite writes the row as one JSON array text
// (json_array, in C), V8's JSON.parse reads it back, and the values are
// copied into an object literal of a shape compiled once per statement:
// about 6 µs, and every row object shares one hidden class.
//
// The values are the ones better-sqlite3 returns: text as text, integers and
// reals as numbers (SQLite 3.53 writes a real with the digits that read back
// to the same double), NULL as null; test/sandbox/row-reader.test.ts compares
// both on awkward and random values. Not for BLOB columns (json_array refuses them).
//
// Only for `SELECT * FROM <one table> ...`: the table's column names become
// the object's keys.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

export interface RowReader<Row> {
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SELECT_ALL = /^SELECT \* (FROM .*)$/s;

function compileBuilder<Row>(names: readonly string[]): (values: unknown[]) => Row {
  if (!names.every((name) => PLAIN_NAME.test(name)) || new Set(names).size !== names.length) {
    throw new Error(`row-reader: result columns must be distinct plain names, got ${names.join(', ')}`);
  }
  // The names are checked above and come from the schema, never from a request.
  return new Function('v', `return { ${names.map((name, i) => `${name}: v[${i}]`).join(', ')} };`) as (values: unknown[]) => Row;
}

/** Reads the rows of `sql`, which must be `SELECT * FROM <table> ...`. */
export function rowReader<Row>(db: Db, sql: string): RowReader<Row> {
  const from = SELECT_ALL.exec(sql)?.[1];
  if (from === undefined) throw new Error(`row-reader: expected SELECT * FROM …, got ${sql}`);
  const names = db.prepare(sql).columns().map((column) => column.name);
  const build = compileBuilder<Row>(names);
  const statement = db.prepare<unknown[]>(`SELECT json_array(${names.join(', ')}) ${from}`).pluck() as Statement<unknown[], string>;
  return {
    get(...params) {
      const text = statement.get(...params);
      return text === undefined ? undefined : build(JSON.parse(text) as unknown[]);
    },
    all(...params) {
      return statement.all(...params).map((text) => build(JSON.parse(text) as unknown[]));
    },
  };
}
