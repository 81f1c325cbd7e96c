// The merchant console: the page and its JSON API under /console/api/.
// Success answers are bare JSON objects (DESIGN); errors are the V1 envelope
// {code, message, response: null} with a 4xx status.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { ApiError } from '../../http/api-error';
import { failureGuard, UNGUARDED, type AttemptLimits } from '../../http/attempt-limits';
import { answerFor, sendError } from '../../http/error-handler';
import { accountRoutes } from './account';
import { channelRoutes } from './channels';
import { keyRoutes } from './keys';
import { originRoutes } from './origins';
import { consolePageRoute } from './page';
import { paymentRoutes } from './payments';
import { consoleGuard } from './session';
import { tierRoutes } from './tiers';
import { webhookRoutes } from './webhooks';

export async function consoleApp(app: FastifyInstance, ctx: SandboxContext, limits: AttemptLimits | false): Promise<void> {
  const loginGuard = limits ? failureGuard(limits.loginPerIp, limits.loginPerEmail, ctx.clock) : UNGUARDED;
  // Only the console uses cookies (its session, its language). Registered in
  // this scope, not the app: the plugin's onRequest and onSend hooks would
  // otherwise run on every REST and checkout request too.
  await app.register(fastifyCookie);
  consolePageRoute(app);
  await app.register(async (api) => {
    api.decorateRequest('consoleMerchant', null);
    api.addHook('onRequest', consoleGuard(ctx));
    // Answers may carry a secret: never cache them.
    api.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // A V1-style refusal (HTTP 200, code 1) is a 409 here: the console API signals errors by status.
    api.setErrorHandler((error, request, reply) => {
      const answer = answerFor(error, request);
      return sendError(reply, error instanceof ApiError && answer.statusCode === 200 ? { ...answer, statusCode: 409 } : answer);
    });
    accountRoutes(api, ctx, loginGuard);
    keyRoutes(api, ctx);
    tierRoutes(api, ctx);
    channelRoutes(api, ctx);
    webhookRoutes(api, ctx);
    originRoutes(api, ctx);
    paymentRoutes(api, ctx);
  });
}
