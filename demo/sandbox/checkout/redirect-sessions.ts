// Redirect mode (DESIGN: mobile with m_redirect_url). The SDK submits a
// top-level form POST to /checkout/redirect with one field, `request`: the
// JSON {action, params, sdk} it would otherwise post to the iframe. The
// service stores it under a random session id and sends the browser (303) to
// the checkout page, which reads the request back with that id.
import type { SandboxContext } from '../context';
import { badRequest } from '../http/api-error';
import { sha256Hex } from '../lib/hashing';
import { randomToken } from '../lib/random';
import { isHttpUrl, originOf } from '../lib/urls';

export const REDIRECT_SESSION_LIFETIME_MS = 30 * 60 * 1000;

export interface RedirectRequest {
  action: 'payment' | 'certification';
  params: Record<string, unknown>;
  sdk: string;
}

/** Reads the form field; every problem is a 400 with the reason (the browser shows it). */
export function parseRedirectRequest(field: unknown): RedirectRequest {
  if (typeof field !== 'string' || field === '') throw badRequest('The form field "request" is missing');
  let value: unknown;
  try {
    value = JSON.parse(field);
  } catch {
    throw badRequest('The form field "request" is not valid JSON');
  }
  const request = value as Partial<RedirectRequest> | null;
  if (!request || typeof request !== 'object' || Array.isArray(request)) throw badRequest('"request" must be a JSON object');
  if (request.action !== 'payment' && request.action !== 'certification') {
    throw badRequest('"request.action" must be "payment" or "certification"');
  }
  if (!request.params || typeof request.params !== 'object' || Array.isArray(request.params)) {
    throw badRequest('"request.params" must be an object');
  }
  if (typeof request.sdk !== 'string') throw badRequest('"request.sdk" must be the SDK version string');
  const redirectUrl = request.params.m_redirect_url;
  if (typeof redirectUrl !== 'string' || !isHttpUrl(redirectUrl)) {
    throw badRequest('Redirect mode needs params.m_redirect_url as an absolute http(s) URL (the SDK resolves relative ones)');
  }
  return { action: request.action, params: request.params, sdk: request.sdk };
}

/** Stores the request; returns the session id (a bearer secret: only its hash is kept). */
export function storeRedirectSession(ctx: SandboxContext, request: RedirectRequest, formOrigin: string | undefined): string {
  const sessionId = randomToken(16);
  const now = ctx.clock();
  // The merchant origin: the form POST's Origin header, else the origin of m_redirect_url.
  const origin = (formOrigin && originOf(formOrigin)) || originOf(request.params.m_redirect_url as string);
  ctx.repos.redirectSessions.purgeExpired(now);
  ctx.repos.redirectSessions.insert({
    session_hash: sha256Hex(sessionId),
    action: request.action,
    params: JSON.stringify(request.params),
    sdk: request.sdk,
    origin,
    created_at_ms: now,
    expires_at_ms: now + REDIRECT_SESSION_LIFETIME_MS,
  });
  return sessionId;
}

export function loadRedirectSession(ctx: SandboxContext, sessionId: string) {
  const row = sessionId.length <= 64 ? ctx.repos.redirectSessions.findLive(sha256Hex(sessionId), ctx.clock()) : undefined;
  if (!row) return null;
  return {
    action: row.action,
    params: JSON.parse(row.params) as Record<string, unknown>,
    sdk: row.sdk,
    origin: row.origin,
    expires_at: Math.floor(row.expires_at_ms / 1000),
  };
}
