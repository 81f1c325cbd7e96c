// PG channels: which PG provider + MID a merchant pays through, and how a
// request's `pg` picks one (V1 rules, v1-contract §2.1):
//   absent          → the default channel of that kind
//   "provider"      → that provider's channel (the default one first)
//   "provider.MID"  → exactly that channel
//   channelKey      → the channel with that key (V1's newer replacement for pg)
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import { findProvider, PG_ALIASES, PG_PROVIDERS, type ChannelKind } from '../catalog/pg-providers';
import { ErrorCode, NO_CHANNEL_MESSAGE, UNKNOWN_PG_MESSAGE } from '../catalog/error-codes';
import { badRequest, conflict, notFound } from '../http/api-error';
import { isUniqueViolation } from '../lib/ids';
import type { PgChannelRow } from '../repositories/pg-channels';
import { writeTransaction } from '../db/transactions';

const newChannelKey = () => `channel-key-${randomUUID()}`;

/** Gives a new merchant one test channel per seeded provider. Call inside the creating transaction. */
export function seedChannels(ctx: SandboxContext, merchantId: number): void {
  const seen = new Set<ChannelKind>();
  for (const provider of PG_PROVIDERS) {
    if (!provider.seed) continue;
    const isDefault = !seen.has(provider.kind);
    seen.add(provider.kind);
    ctx.repos.channels.insert(merchantId, newChannelKey(), provider.pg_provider, provider.test_mid, provider.kind, isDefault, ctx.clock());
  }
}

export type ChannelResolution =
  | { ok: true; channel: PgChannelRow }
  | { ok: false; errorCode: string; message: string };

export function resolveChannel(
  ctx: SandboxContext,
  merchantId: number,
  kind: ChannelKind,
  pg: string | null,
  channelKey: string | null,
): ChannelResolution {
  // One indexed lookup for the channel asked for (not the merchant's whole list).
  let channel: PgChannelRow | undefined;
  if (channelKey) {
    channel = ctx.repos.channels.findByKey(merchantId, kind, channelKey);
  } else if (!pg) {
    channel = ctx.repos.channels.firstOfKind(merchantId, kind); // the default channel
  } else {
    // V1 splits on the first '.' only: MIDs may contain dots.
    const dot = pg.indexOf('.');
    const rawProvider = (dot === -1 ? pg : pg.slice(0, dot)).trim().toLowerCase();
    const provider = PG_ALIASES[rawProvider] ?? rawProvider;
    const mid = dot === -1 ? '' : pg.slice(dot + 1).trim();
    channel = ctx.repos.channels.findByProvider(merchantId, kind, provider, mid === '' ? null : mid);
  }
  if (channel) return { ok: true, channel };
  // Nothing matched: a merchant without any channel of this kind hears that first.
  if (!ctx.repos.channels.firstOfKind(merchantId, kind)) return { ok: false, errorCode: ErrorCode.NO_CHANNEL, message: NO_CHANNEL_MESSAGE };
  return { ok: false, errorCode: ErrorCode.UNKNOWN_PG, message: `${UNKNOWN_PG_MESSAGE} (${channelKey ? `channelKey: ${channelKey}` : `pg: ${pg}`})` };
}

export function addChannel(ctx: SandboxContext, merchantId: number, pgProvider: string, pgId: string | undefined, kind: ChannelKind) {
  const provider = findProvider(pgProvider, kind);
  if (!provider) throw badRequest(`Unknown ${kind} PG provider: ${pgProvider}`);
  const mid = pgId?.trim() || provider.test_mid;
  if (mid.length > 64) throw badRequest('pg_id must be at most 64 characters');
  try {
    return writeTransaction(ctx.db, () => {
      const isDefault = ctx.repos.channels.listKind(merchantId, kind).length === 0;
      const id = ctx.repos.channels.insert(merchantId, newChannelKey(), provider.pg_provider, mid, kind, isDefault, ctx.clock());
      return ctx.repos.channels.find(merchantId, id)!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This merchant already has the channel ${pgProvider}.${mid}`);
    throw error;
  }
}

/** Removes a channel; when it was the default, the oldest remaining channel of its kind becomes the default. */
export function removeChannel(ctx: SandboxContext, merchantId: number, id: number): void {
  writeTransaction(ctx.db, () => {
    const channel = ctx.repos.channels.find(merchantId, id);
    if (!channel) throw notFound('No such PG channel');
    ctx.repos.channels.remove(merchantId, id);
    if (channel.is_default) {
      const next = ctx.repos.channels.listKind(merchantId, channel.kind)[0];
      if (next) ctx.repos.channels.setDefault(merchantId, channel.kind, next.id);
    }
  });
}

export function setDefaultChannel(ctx: SandboxContext, merchantId: number, id: number): PgChannelRow {
  return writeTransaction(ctx.db, () => {
    const channel = ctx.repos.channels.find(merchantId, id);
    if (!channel) throw notFound('No such PG channel');
    ctx.repos.channels.setDefault(merchantId, channel.kind, id);
    return ctx.repos.channels.find(merchantId, id)!;
  });
}
