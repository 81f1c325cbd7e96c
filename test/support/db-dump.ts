// A full, ordered dump of a SQLite database: every table, every row, in
// rowid order. Two equal dumps mean nothing was written in between (the
// "refused requests write nothing" property of the input fuzzer).
import type Database from 'better-sqlite3';

export function tableNames(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  ).map((row) => row.name);
}

/** table name → rows (as JSON text, so REAL and BLOB values compare exactly). */
export function dumpDatabase(db: Database.Database): Map<string, string> {
  const dump = new Map<string, string>();
  for (const table of tableNames(db)) {
    dump.set(table, JSON.stringify(db.prepare(`SELECT rowid AS __rowid, * FROM "${table}" ORDER BY rowid`).all()));
  }
  return dump;
}

/** Names of the tables whose content differs (empty when the dumps are equal). */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
