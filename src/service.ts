// The checkout service's origin: where the iframe/popup/redirect go and the
// only origin whose messages are accepted, so it is parsed strictly. Also how
// long its checkout window may take to answer.

/** `value` as an http(s) URL (resolved against `base`), or undefined: other schemes and junk are not URLs to us. */
export function httpUrl(value: unknown, base?: string): URL | undefined {
  try {
    const url = new URL(value as string, base);
    if (/^https?:$/.test(url.protocol)) return url;
  } catch {
    // not a URL
  }
  return undefined;
}

/** IMP.configure({ readyTimeoutMs }) bounds: long enough for a slow phone, short enough to ever end. */
export const READY_TIMEOUT_MIN_MS = 1_000;
export const READY_TIMEOUT_MAX_MS = 120_000;

/**
 * Origin for IMP.configure({ serviceUrl }): a string that is exactly an
 * http(s) origin. Paths, queries, hashes and credentials are refused rather
 * than dropped: the checkout lives at the origin's root, and silently ignoring
 * "https://host/prefix" would send payments somewhere the developer did not mean.
 */
export function serviceOrigin(value: unknown): string | undefined {
  const url = typeof value === 'string' ? httpUrl(value) : undefined;
  return url && url.href === `${url.origin}/` ? url.origin : undefined;
}
