// The shop's own database: orders and the webhooks it received. SQLite
// (better-sqlite3) in memory for tests, in a file for `npm start`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type ShopDb = Database.Database;

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE orders (
  merchant_uid   TEXT PRIMARY KEY,
  product_id     TEXT NOT NULL,
  product_name   TEXT NOT NULL,
  unit_price     INTEGER NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  currency       TEXT NOT NULL,
  tier_code      TEXT,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'awaiting_deposit', 'paid', 'cancelled')),
  imp_uid        TEXT,
  payment_json   TEXT,
  verified_at_ms INTEGER,
  created_at_ms  INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL
);
CREATE INDEX orders_by_created ON orders (created_at_ms DESC);

CREATE TABLE webhook_events (
  id             INTEGER PRIMARY KEY,
  delivery_id    TEXT,
  imp_uid        TEXT NOT NULL,
  merchant_uid   TEXT NOT NULL,
  status         TEXT NOT NULL,
  outcome        TEXT NOT NULL,
  received_at_ms INTEGER NOT NULL
);
CREATE INDEX webhook_events_by_order ON webhook_events (merchant_uid, received_at_ms);
`;

export function openShopDatabase(path = ':memory:'): ShopDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${path} was written by a newer shop (schema ${version}); delete it or use another SHOP_DB`);
  }
  if (version < SCHEMA_VERSION) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}
