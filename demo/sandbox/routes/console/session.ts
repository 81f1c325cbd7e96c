// The console API's guard: refuse cross-site requests (Origin /
// Sec-Fetch-Site, http/origin.ts) and, except for sign-up and login, require
// a live session cookie. A missing, forged or expired cookie is a 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, sessionMerchantId } from '../../accounts/console-sessions';
import { ApiError } from '../../http/api-error';
import { refuseCrossSite } from '../../http/origin';
import type { MerchantRow } from '../../repositories/merchants';

declare module 'fastify' {
  interface FastifyRequest {
    consoleMerchant: MerchantRow | null;
  }
}

const PUBLIC_PATHS = new Set(['/console/api/signup', '/console/api/login', '/console/api/logout', '/console/api/session']);

export function consoleGuard(ctx: SandboxContext) {
  return async (request: FastifyRequest): Promise<void> => {
    refuseCrossSite(request);
    if (PUBLIC_PATHS.has(request.routeOptions.url ?? '')) return;
    const merchantId = sessionMerchantId(ctx, request.cookies[SESSION_COOKIE]);
    const merchant = merchantId === null ? undefined : ctx.repos.merchants.findById(merchantId);
    if (!merchant) throw new ApiError(401, -1, 'Not logged in: sign up or log in first');
    request.consoleMerchant = merchant;
  };
}

export function merchantOf(request: FastifyRequest): MerchantRow {
  if (!request.consoleMerchant) throw new Error('console route registered without consoleGuard');
  return request.consoleMerchant;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' });
}
