// Wide rows as plain objects, cheaply.
//
// better-sqlite3 builds every row object property by property, about 180 ns
// a column: 11 µs for one 60-column payment, the largest single cost of
// GET /payments/{imp_uid} (npm run bench -- service; README "Performance").
// Read as an array (`.raw()`) and copied into an object literal of a
// shape compiled once per statement, the same row costs about 7 µs, and
// every row object shares one hidden class.
//
// Only for statements whose result columns have distinct plain names
// (SELECT * from one table): the names become the object's keys.
import type { Statement } from 'better-sqlite3';

export interface RowReader<Row> {
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function compileBuilder<Row>(names: readonly string[]): (values: unknown[]) => Row {
  if (!names.every((name) => PLAIN_NAME.test(name)) || new Set(names).size !== names.length) {
    throw new Error(`row-reader: result columns must be distinct plain names, got ${names.join(', ')}`);
  }
  // The names are checked above and come from the schema, never from a request.
  return new Function('v', `return { ${names.map((name, i) => `${name}: v[${i}]`).join(', ')} };`) as (values: unknown[]) => Row;
}

export function rowReader<Row>(statement: Statement<unknown[]>): RowReader<Row> {
  const build = compileBuilder<Row>(statement.columns().map((column) => column.name));
  statement.raw(true);
  return {
    get(...params) {
      const values = statement.get(...params) as unknown[] | undefined;
      return values && build(values);
    },
    all(...params) {
      return (statement.all(...params) as unknown[][]).map(build);
    },
  };
}
