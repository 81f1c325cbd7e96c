// The checkout service API (docs/checkout-api.md), called by the sandbox's
// own checkout page. Browser requests from other sites are refused; every
// error answer still carries an SDK failure response (answers.ts). The page
// itself (GET /checkout/window, pages.ts) is a cross-site navigation by design
// and stays outside that guard.
import type { FastifyInstance } from 'fastify';
import { CHECKOUT_REDIRECT_PATH } from '../../../../src/protocol/urls';
import type { SandboxContext } from '../../context';
import { refuseCrossSite } from '../../http/origin';
import { checkoutErrorHandler } from './answers';
import { checkoutCertificationRoutes } from './certifications';
import { checkoutPageRoutes } from './pages';
import { checkoutPaymentRoutes } from './payments';
import { checkoutRedirectRoutes } from './redirect';

export async function checkoutApp(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  checkoutPageRoutes(app);
  await app.register(async (api) => {
    api.addHook('onRequest', async (request) => {
      // The redirect form POST comes from the merchant's page, cross-site by design.
      if (request.routeOptions.url !== CHECKOUT_REDIRECT_PATH) refuseCrossSite(request);
    });
    api.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    api.setErrorHandler(checkoutErrorHandler);
    checkoutPaymentRoutes(api, ctx);
    checkoutCertificationRoutes(api, ctx);
    checkoutRedirectRoutes(api, ctx);
  });
}
