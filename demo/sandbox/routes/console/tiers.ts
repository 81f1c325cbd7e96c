// Tier codes (하위가맹점): list, add (chosen or generated code), remove.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { createTier, removeTier } from '../../merchants/tiers';
import { tierList } from './keys';
import { merchantOf } from './session';

export function tierRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/console/api/tiers', async (request) => ({ tiers: tierList(ctx, merchantOf(request).id) }));

  app.post<{ Body: { name: string; tier_code?: string | null } }>(
    '/console/api/tiers',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 100 }, tier_code: { type: ['string', 'null'], maxLength: 10 } },
        },
      },
    },
    async (request) => createTier(ctx, merchantOf(request).id, request.body.name, request.body.tier_code),
  );

  app.delete<{ Params: { tier_code: string } }>('/console/api/tiers/:tier_code', async (request) => {
    removeTier(ctx, merchantOf(request).id, request.params.tier_code);
    return { tier_code: request.params.tier_code.toUpperCase(), removed: true };
  });
}
