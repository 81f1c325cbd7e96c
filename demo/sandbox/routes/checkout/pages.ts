// GET /checkout/window: the checkout window the SDK opens in its iframe
// overlay or popup (?mode=iframe|popup&channel=…), and the page redirect mode
// lands on (?mode=redirect&session=…, after POST /checkout/redirect).
//
// It is a navigation from the merchant's site (cross-site by design), so it
// lives outside the checkout API's cross-site guard. It must be frameable by
// merchant pages, hence `frame-ancestors *` and no X-Frame-Options; every other
// source is locked to this origin.
import type { FastifyInstance } from 'fastify';
import { CHECKOUT_WINDOW_PATH, isChannelId } from '../../../../src/protocol';
import { renderWindowError, renderWindowPage, type WindowMode } from './window-page';

/**
 * Only our own script, styles and API. `frame-ancestors *` lets any merchant
 * origin embed the window (the console's merchant allow-list may narrow it).
 */
export const CHECKOUT_WINDOW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors *; base-uri 'none'; form-action 'self'";

// Redirect session ids are base64url tokens (checkout/redirect-sessions.ts).
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

interface WindowQuery {
  mode?: string;
  channel?: string;
  session?: string;
}

/** Why the query cannot open a window, or null when it can. */
function problemWith(query: WindowQuery): string | null {
  if (query.mode === 'iframe' || query.mode === 'popup') {
    return isChannelId(query.channel) ? null : 'the channel id is missing or malformed';
  }
  if (query.mode === 'redirect') return typeof query.session === 'string' && SESSION_ID.test(query.session) ? null : 'the session id is missing or malformed';
  return 'mode must be iframe, popup or redirect';
}

export function checkoutPageRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: WindowQuery }>(CHECKOUT_WINDOW_PATH, async (request, reply) => {
    const problem = problemWith(request.query);
    reply
      .header('content-security-policy', CHECKOUT_WINDOW_CSP)
      .header('x-content-type-options', 'nosniff')
      // The URL carries the channel or session id: send only our origin onwards.
      .header('referrer-policy', 'strict-origin')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8');
    if (problem) return reply.code(400).send(renderWindowError(problem));
    return reply.send(renderWindowPage(request.query.mode as WindowMode));
  });
}
