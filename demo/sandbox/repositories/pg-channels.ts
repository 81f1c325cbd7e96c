import type { Db } from '../db/open';
import type { ChannelKind } from '../catalog/pg-providers';

export interface PgChannelRow {
  id: number;
  merchant_id: number;
  channel_key: string;
  pg_provider: string;
  pg_id: string;
  kind: ChannelKind;
  is_default: 0 | 1;
  created_at_ms: number;
}

export function pgChannelsRepository(db: Db) {
  const list = db.prepare<[number], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? ORDER BY kind DESC, is_default DESC, id',
  );
  const listKind = db.prepare<[number, string], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? AND kind = ? ORDER BY is_default DESC, id',
  );
  const byId = db.prepare<[number, number], PgChannelRow>('SELECT * FROM pg_channels WHERE merchant_id = ? AND id = ?');
  // Picking the channel of one checkout: one row, not the merchant's whole list (24 rows for a new merchant).
  const firstOfKind = db.prepare<[number, string], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? AND kind = ? ORDER BY is_default DESC, id LIMIT 1',
  );
  const byKey = db.prepare<[number, string, string], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? AND kind = ? AND channel_key = ?',
  );
  const byProvider = db.prepare<[number, string, string], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? AND kind = ? AND pg_provider = ? ORDER BY is_default DESC, id LIMIT 1',
  );
  const byProviderAndMid = db.prepare<[number, string, string, string], PgChannelRow>(
    'SELECT * FROM pg_channels WHERE merchant_id = ? AND kind = ? AND pg_provider = ? AND pg_id = ?',
  );
  const insert = db.prepare<[number, string, string, string, string, number, number]>(
    `INSERT INTO pg_channels (merchant_id, channel_key, pg_provider, pg_id, kind, is_default, created_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare<[number, number]>('DELETE FROM pg_channels WHERE merchant_id = ? AND id = ?');
  const clearDefault = db.prepare<[number, string]>(
    'UPDATE pg_channels SET is_default = 0 WHERE merchant_id = ? AND kind = ? AND is_default = 1',
  );
  const markDefault = db.prepare<[number, number]>('UPDATE pg_channels SET is_default = 1 WHERE merchant_id = ? AND id = ?');

  return {
    list: (merchantId: number) => list.all(merchantId),
    /** Channels of one kind, the default first. */
    listKind: (merchantId: number, kind: ChannelKind) => listKind.all(merchantId, kind),
    find: (merchantId: number, id: number) => byId.get(merchantId, id),
    /** The first channel of `kind` in listKind's order: the default one. */
    firstOfKind: (merchantId: number, kind: ChannelKind) => firstOfKind.get(merchantId, kind),
    findByKey: (merchantId: number, kind: ChannelKind, channelKey: string) => byKey.get(merchantId, kind, channelKey),
    /** A channel of that provider (the default one first), or exactly provider + MID when `pgId` is given. */
    findByProvider: (merchantId: number, kind: ChannelKind, pgProvider: string, pgId: string | null) =>
      pgId === null ? byProvider.get(merchantId, kind, pgProvider) : byProviderAndMid.get(merchantId, kind, pgProvider, pgId),
    /** Throws SQLITE_CONSTRAINT_UNIQUE for a duplicate provider + MID. */
    insert: (merchantId: number, channelKey: string, pgProvider: string, pgId: string, kind: ChannelKind, isDefault: boolean, nowMs: number) =>
      Number(insert.run(merchantId, channelKey, pgProvider, pgId, kind, isDefault ? 1 : 0, nowMs).lastInsertRowid),
    remove: (merchantId: number, id: number) => remove.run(merchantId, id).changes > 0,
    /** Call inside a transaction: moves the default of `kind` to channel `id`. */
    setDefault: (merchantId: number, kind: ChannelKind, id: number) => {
      clearDefault.run(merchantId, kind);
      markDefault.run(merchantId, id);
    },
  };
}

export type PgChannelsRepository = ReturnType<typeof pgChannelsRepository>;
