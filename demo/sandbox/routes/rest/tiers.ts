// GET /tiers/{tier_code} → {tier_code, tier_name} (V1 OpenAPI).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { notFound } from '../../http/api-error';
import { ok } from '../../http/envelope';
import { callerOf } from './authenticate';

export function tierRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Params: { tier_code: string } }>('/tiers/:tier_code', async (request) => {
    const tier = ctx.repos.tiers.find(callerOf(request).merchantId, request.params.tier_code.toUpperCase());
    if (!tier) throw notFound(`존재하지 않는 하위가맹점(티어코드)입니다: ${request.params.tier_code.slice(0, 20)}`);
    return ok({ tier_code: tier.tier_code, tier_name: tier.name });
  });
}
