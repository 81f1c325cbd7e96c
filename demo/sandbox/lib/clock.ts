// The one source of "now" for the sandbox. Injected into buildApp so tests can
// move time (token expiry, extension near expiry) without sleeping.

/** Milliseconds since the Unix epoch. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** V1 timestamps (paid_at, expired_at, ...) are Unix seconds. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
