// Console sessions: a random 256-bit id in an HttpOnly SameSite cookie; the
// database keeps only its SHA-256, so a leaked database opens no session.
import type { SandboxContext } from '../context';
import { sha256Hex } from '../lib/hashing';
import { randomToken } from '../lib/random';

export const SESSION_COOKIE = 'imp_console_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function startSession(ctx: SandboxContext, merchantId: number): string {
  const sessionId = randomToken(32);
  const now = ctx.clock();
  ctx.repos.consoleSessions.purgeExpired(now);
  ctx.repos.consoleSessions.insert(sha256Hex(sessionId), merchantId, now, now + SESSION_LIFETIME_MS);
  return sessionId;
}

/** The merchant id of a live session, or null for a missing, forged or expired one. */
export function sessionMerchantId(ctx: SandboxContext, sessionId: string | undefined): number | null {
  if (!sessionId || sessionId.length > 100) return null;
  return ctx.repos.consoleSessions.findLive(sha256Hex(sessionId), ctx.clock())?.merchant_id ?? null;
}

export function endSession(ctx: SandboxContext, sessionId: string | undefined): void {
  if (sessionId) ctx.repos.consoleSessions.remove(sha256Hex(sessionId));
}
