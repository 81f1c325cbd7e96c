// The V1 REST API. getToken is open; everything else needs an access token.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { failureGuard, UNGUARDED, type AttemptLimits } from '../../http/attempt-limits';
import { restAuthentication } from './authenticate';
import { certificationRoutes } from './certifications';
import { getTokenRoute } from './get-token';
import { paymentCancelRoute } from './payments-cancel';
import { paymentLookupRoutes } from './payments-lookup';
import { paymentPrepareRoutes } from './payments-prepare';
import { tierRoutes } from './tiers';

export async function restApi(app: FastifyInstance, ctx: SandboxContext, limits: AttemptLimits | false): Promise<void> {
  const guard = limits ? failureGuard(limits.getTokenPerIp, limits.getTokenPerKey, ctx.clock) : UNGUARDED;
  getTokenRoute(app, ctx, guard);
  await app.register(async (authenticated) => {
    authenticated.decorateRequest('restCaller', null);
    // onRequest: an unauthenticated request is refused before its body is even read.
    authenticated.addHook('onRequest', restAuthentication(ctx));
    paymentPrepareRoutes(authenticated, ctx);
    paymentCancelRoute(authenticated, ctx);
    paymentLookupRoutes(authenticated, ctx);
    certificationRoutes(authenticated, ctx);
    tierRoutes(authenticated, ctx);
  });
}
