// PG channels: list (with the provider catalogue), add, remove, set default.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { PG_PROVIDERS, type ChannelKind } from '../../catalog/pg-providers';
import { addChannel, removeChannel, setDefaultChannel } from '../../merchants/channels';
import type { PgChannelRow } from '../../repositories/pg-channels';
import { merchantOf } from './session';

const view = (channel: PgChannelRow) => ({
  id: channel.id,
  channel_key: channel.channel_key,
  pg_provider: channel.pg_provider,
  pg_id: channel.pg_id,
  kind: channel.kind,
  is_default: channel.is_default === 1,
});

const PROVIDERS = PG_PROVIDERS.map((p) => ({ pg_provider: p.pg_provider, label: p.label, test_mid: p.test_mid, kind: p.kind }));

export function channelRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/console/api/channels', async (request) => ({
    channels: ctx.repos.channels.list(merchantOf(request).id).map(view),
    providers: PROVIDERS,
  }));

  app.post<{ Body: { pg_provider: string; pg_id?: string | null; kind?: ChannelKind } }>(
    '/console/api/channels',
    {
      schema: {
        body: {
          type: 'object',
          required: ['pg_provider'],
          properties: {
            pg_provider: { type: 'string', maxLength: 40 },
            pg_id: { type: ['string', 'null'], maxLength: 64 },
            kind: { type: 'string', enum: ['payment', 'certification'], default: 'payment' },
          },
        },
      },
    },
    async (request) =>
      view(addChannel(ctx, merchantOf(request).id, request.body.pg_provider, request.body.pg_id ?? undefined, request.body.kind ?? 'payment')),
  );

  const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } } as const;

  app.delete<{ Params: { id: number } }>('/console/api/channels/:id', { schema: { params: idParams } }, async (request) => {
    removeChannel(ctx, merchantOf(request).id, request.params.id);
    return { id: request.params.id, removed: true };
  });

  app.post<{ Params: { id: number } }>('/console/api/channels/:id/default', { schema: { params: idParams } }, async (request) =>
    view(setDefaultChannel(ctx, merchantOf(request).id, request.params.id)),
  );
}
