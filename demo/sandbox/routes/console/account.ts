// POST /console/api/signup, /login, /logout (DESIGN "Console JSON API").
// Failed logins are limited per client IP and per e-mail (http/attempt-limits.ts).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { logIn, normaliseEmail, signUp } from '../../accounts/console-accounts';
import { endSession, SESSION_COOKIE, sessionMerchantId, startSession } from '../../accounts/console-sessions';
import type { FailureGuard } from '../../http/attempt-limits';
import { clearSessionCookie, setSessionCookie } from './session';

const credentials = {
  email: { type: 'string', maxLength: 254 },
  password: { type: 'string', maxLength: 200 },
} as const;

export function accountRoutes(app: FastifyInstance, ctx: SandboxContext, loginGuard: FailureGuard): void {
  app.post<{ Body: { email: string; password: string; name: string } }>(
    '/console/api/signup',
    {
      schema: {
        body: { type: 'object', required: ['email', 'password', 'name'], properties: { ...credentials, name: { type: 'string', maxLength: 100 } } },
      },
    },
    async (request, reply) => {
      const created = await signUp(ctx, request.body);
      setSessionCookie(request, reply, startSession(ctx, created.id));
      // The only answer that ever carries the secret in full, besides reissue.
      return { merchant_code: created.merchant_code, api_key: created.api_key, api_secret: created.api_secret };
    },
  );

  app.post<{ Body: { email: string; password: string } }>(
    '/console/api/login',
    { schema: { body: { type: 'object', required: ['email', 'password'], properties: credentials } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const merchant = await loginGuard.attempt(request, normaliseEmail(email), () => logIn(ctx, email, password));
      setSessionCookie(request, reply, startSession(ctx, merchant.id));
      return { merchant_code: merchant.merchant_code, name: merchant.name, email: merchant.email };
    },
  );

  // Lets the page ask "am I logged in?" without provoking a 401 (which browsers log as an error).
  app.get('/console/api/session', async (request) => {
    const merchantId = sessionMerchantId(ctx, request.cookies[SESSION_COOKIE]);
    const merchant = merchantId === null ? undefined : ctx.repos.merchants.findById(merchantId);
    return merchant
      ? { signed_in: true, merchant_code: merchant.merchant_code, name: merchant.name, email: merchant.email }
      : { signed_in: false };
  });

  app.post('/console/api/logout', async (request, reply) => {
    endSession(ctx, request.cookies[SESSION_COOKIE]);
    clearSessionCookie(request, reply);
    return { logged_out: true };
  });
}
