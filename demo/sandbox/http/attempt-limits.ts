// Brute-force resistance for the two credential checks anyone can reach:
// POST /users/getToken (REST API key + secret) and POST /console/api/login
// (e-mail + password). FAILED attempts are counted, per client IP and per
// account named in the request (imp_key / e-mail), in a fixed window that
// starts at the first failure. Once either count reaches its limit, every
// attempt for that IP or account is refused with 429 and Retry-After until
// the window ends, even with the right credentials (otherwise a guesser
// would still learn which guess is right).
//
// Successful attempts leave no trace, so a merchant server calling getToken
// at full speed with its real key is never slowed down (the benchmark does
// exactly that). Attempts still running count against the limit while they
// run: a login takes a scrypt (tens of ms, off the main thread), and without
// that a guesser could fire a thousand logins at once and have them all
// checked before the first failure is counted.
//
// Why not @fastify/rate-limit: it can only count requests (or peek), not
// count an attempt while it runs and forget it when it succeeds, so either
// successes count or parallel guesses slip through. This is a Map lookup or
// two per request, on the sandbox's injectable clock.
//
// Counters live in memory: per process, reset on restart (docs/rest-api.md,
// docs/console.md). Trade-off: someone who knows an imp_key or an e-mail can
// keep that account locked by failing on purpose; the windows are short.
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock';
import { ApiError } from './api-error';

export interface AttemptLimit {
  /** Failed (or running) attempts allowed within the window; the next one is refused. */
  max: number;
  windowMs: number;
}

export interface AttemptLimits {
  /** Failed getToken attempts from one client IP. Default 60 per minute. */
  getTokenPerIp: AttemptLimit;
  /** Failed getToken attempts naming one imp_key. Default 20 per minute. */
  getTokenPerKey: AttemptLimit;
  /** Failed console logins from one client IP. Default 50 per 15 minutes. */
  loginPerIp: AttemptLimit;
  /** Failed console logins naming one e-mail. Default 10 per 15 minutes. */
  loginPerEmail: AttemptLimit;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  getTokenPerIp: { max: 60, windowMs: 60_000 },
  getTokenPerKey: { max: 20, windowMs: 60_000 },
  loginPerIp: { max: 50, windowMs: 15 * 60_000 },
  loginPerEmail: { max: 10, windowMs: 15 * 60_000 },
};

/** Keys remembered per counter; beyond that the oldest are forgotten (memory stays bounded). */
const MAX_KEYS = 10_000;

interface Entry {
  windowStart: number;
  failures: number;
  running: number;
}

/** Failures (and running attempts) per key, in fixed windows. */
export class AttemptCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit: AttemptLimit) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  lockedFor(key: string, now: number): number {
    const entry = this.live(key, now);
    if (!entry || entry.failures + entry.running < this.limit.max) return 0;
    return Math.max(1, entry.windowStart + this.limit.windowMs - now);
  }

  begin(key: string, now: number): void {
    let entry = this.live(key, now);
    if (!entry) {
      this.makeRoom(now);
      entry = { windowStart: now, failures: 0, running: 0 };
      this.entries.set(key, entry);
    }
    entry.running++;
  }

  end(key: string, failed: boolean, now: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.running = Math.max(0, entry.running - 1);
    if (failed) {
      // A failure after the window ended opens a new window.
      if (now >= entry.windowStart + this.limit.windowMs) Object.assign(entry, { windowStart: now, failures: 0 });
      entry.failures++;
    }
    if (entry.failures === 0 && entry.running === 0) this.entries.delete(key);
  }

  /** The entry of `key` if its window is still open or attempts are running; forgets it otherwise. */
  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.running === 0 && now >= entry.windowStart + this.limit.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private makeRoom(now: number): void {
    if (this.entries.size < MAX_KEYS) return;
    for (const key of [...this.entries.keys()]) this.live(key, now);
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_KEYS) break;
      this.entries.delete(key);
    }
  }
}

export function tooManyAttempts(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    -1,
    `인증 실패가 너무 많습니다. ${retryAfterSeconds}초 후에 다시 시도하세요. (Too many failed attempts: retry after ${retryAfterSeconds} s)`,
    null,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** Guards credential checks. */
export interface FailureGuard {
  /**
   * Runs one synchronous credential check (getToken: SQLite and hashing)
   * for the request's client IP and `account`: refused with 429 while either
   * is locked; counted as a failure when `check` throws a 401. The answer is
   * synchronous too: no promise on the route merchant servers call most.
   */
  attemptSync<T>(request: FastifyRequest, account: string, check: () => T): T;
  /**
   * The same for an asynchronous check (a console login's scrypt), which
   * counts as running against the limits until it settles.
   */
  attempt<T>(request: FastifyRequest, account: string, check: () => Promise<T>): Promise<T>;
}

export const UNGUARDED: FailureGuard = {
  attemptSync: (_request, _account, check) => check(),
  attempt: (_request, _account, check) => check(),
};

const isAuthFailure = (error: unknown) => error instanceof ApiError && error.statusCode === 401;

export function failureGuard(perIp: AttemptLimit, perAccount: AttemptLimit, clock: Clock): FailureGuard {
  const ips = new AttemptCounter(perIp);
  const accounts = new AttemptCounter(perAccount);
  const refuseWhileLocked = (ip: string, account: string, now: number) => {
    const wait = Math.max(ips.lockedFor(ip, now), accounts.lockedFor(account, now));
    if (wait > 0) throw tooManyAttempts(Math.ceil(wait / 1000));
  };
  const begin = (ip: string, account: string, now: number) => {
    ips.begin(ip, now);
    accounts.begin(account, now);
  };
  const end = (ip: string, account: string, failed: boolean) => {
    const now = clock();
    ips.end(ip, failed, now);
    accounts.end(account, failed, now);
  };
  return {
    attemptSync(request, account, check) {
      const ip = request.ip;
      const now = clock();
      refuseWhileLocked(ip, account, now);
      try {
        // Runs to its end before any other request can start an attempt, so
        // only its failure needs recording.
        return check();
      } catch (error) {
        if (isAuthFailure(error)) {
          begin(ip, account, now);
          end(ip, account, true);
        }
        throw error;
      }
    },
    async attempt(request, account, check) {
      const ip = request.ip;
      const now = clock();
      refuseWhileLocked(ip, account, now);
      begin(ip, account, now);
      let failed = false;
      try {
        return await check();
      } catch (error) {
        failed = isAuthFailure(error);
        throw error;
      } finally {
        end(ip, account, failed);
      }
    },
  };
}
