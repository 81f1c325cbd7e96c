// A full, ordered dump of a SQLite database: every table, every row, in
// rowid (or WITHOUT ROWID primary key) order. Two equal dumps mean nothing was written in between (the
// "refused requests write nothing" property of the input fuzzer).
import type Database from 'better-sqlite3';

export function tableNames(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  ).map((row) => row.name);
}

/** The SELECT of every row of `table` in a fixed order: rowid, or the primary key of a WITHOUT ROWID table. */
function selectAll(db: Database.Database, table: string): string {
  const [listed] = db.pragma(`table_list("${table}")`) as Array<{ wr: number }>;
  if (!listed?.wr) return `SELECT rowid AS __rowid, * FROM "${table}" ORDER BY rowid`;
  const key = (db.pragma(`table_info("${table}")`) as Array<{ name: string; pk: number }>)
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => `"${column.name}"`);
  return `SELECT * FROM "${table}" ORDER BY ${key.join(', ')}`;
}

/** table name → rows (as JSON text, so REAL and BLOB values compare exactly). */
export function dumpDatabase(db: Database.Database): Map<string, string> {
  const dump = new Map<string, string>();
  for (const table of tableNames(db)) dump.set(table, JSON.stringify(db.prepare(selectAll(db, table)).all()));
  return dump;
}

/** Names of the tables whose content differs (empty when the dumps are equal). */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
