// Redirect mode entry: POST /checkout/redirect (form field `request`) stores
// the request and answers 303 to the checkout page; the page reads it back
// with GET /checkout/api/redirect-sessions/:id. The page itself
// (GET /checkout/window) is served by pages.ts.
import type { FastifyInstance } from 'fastify';
import { CHECKOUT_REDIRECT_PATH, CHECKOUT_WINDOW_PATH } from '../../../../src/protocol/urls';
import type { SandboxContext } from '../../context';
import { refusedRedirectUrl } from '../../checkout/allowed-origin';
import { loadRedirectSession, parseRedirectRequest, storeRedirectSession } from '../../checkout/redirect-sessions';
import { notFound } from '../../http/api-error';
import { ok } from '../../http/envelope';

/** Where the browser goes after the POST: the checkout page, told to read its request from the session. */
export function redirectPageUrl(sessionId: string): string {
  return `${CHECKOUT_WINDOW_PATH}?mode=redirect&session=${encodeURIComponent(sessionId)}`;
}

export function checkoutRedirectRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Body: { request?: unknown } | undefined }>(CHECKOUT_REDIRECT_PATH, async (request, reply) => {
    const parsed = parseRedirectRequest(request.body?.request);
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
    // A merchant that lists allowed origins gets its checkout from those only: others go straight back with F1009.
    const refused = refusedRedirectUrl(ctx, parsed, origin);
    if (refused) return reply.redirect(refused, 303);
    const sessionId = storeRedirectSession(ctx, parsed, origin);
    return reply.redirect(redirectPageUrl(sessionId), 303);
  });

  app.get<{ Params: { id: string } }>('/checkout/api/redirect-sessions/:id', async (request) => {
    const session = loadRedirectSession(ctx, request.params.id);
    if (!session) throw notFound('This checkout session does not exist or has expired (30 minutes).');
    return ok(session);
  });
}
