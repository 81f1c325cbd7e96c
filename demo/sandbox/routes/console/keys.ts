// "내 식별코드 · API Keys": GET /console/api/keys, POST /console/api/keys/reissue.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { reissueSecret } from '../../accounts/console-accounts';
import { merchantOf } from './session';

export function tierList(ctx: SandboxContext, merchantId: number) {
  return ctx.repos.tiers.list(merchantId).map((tier) => ({
    tier_code: tier.tier_code,
    name: tier.name,
    created_at: Math.floor(tier.created_at_ms / 1000),
  }));
}

export function keyRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // The secret is never here: only its hash is stored. It is shown at sign-up and reissue only.
  app.get('/console/api/keys', async (request) => {
    const merchant = merchantOf(request);
    return {
      merchant_code: merchant.merchant_code,
      api_key: merchant.api_key,
      name: merchant.name,
      email: merchant.email,
      tiers: tierList(ctx, merchant.id),
    };
  });

  app.post('/console/api/keys/reissue', async (request) => ({ api_secret: reissueSecret(ctx, merchantOf(request).id) }));
}
