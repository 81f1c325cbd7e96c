// The checkout service's origin: where the iframe/popup/redirect go and the
// only origin whose messages are accepted, so it is parsed strictly. Also how
// long its checkout window may take to answer.

/** The http(s) URL in `value`, or undefined (other schemes, credentials, junk). */
function httpUrl(value: unknown): URL | undefined {
  try {
    const url = new URL(String(value));
    if (/^https?:$/.test(url.protocol) && !url.username && !url.password) return url;
  } catch {
    // not a URL
  }
  return undefined;
}

/** Origin of the script tag that loaded the SDK ("{service}/v1/iamport.js"). */
export function scriptOrigin(src: unknown): string | undefined {
  return httpUrl(src)?.origin;
}

/** One option of IMP.configure, read without trusting the object (it may throw or be missing). */
export function optionOf(options: unknown, key: 'serviceUrl' | 'readyTimeoutMs'): unknown {
  try {
    return (options as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** IMP.configure({ readyTimeoutMs }) bounds: long enough for a slow phone, short enough to ever end. */
export const READY_TIMEOUT_MIN_MS = 1_000;
export const READY_TIMEOUT_MAX_MS = 120_000;

export function isReadyTimeout(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= READY_TIMEOUT_MIN_MS && value <= READY_TIMEOUT_MAX_MS;
}

/**
 * Origin for IMP.configure({ serviceUrl }). Paths are refused rather than
 * dropped: the checkout lives at the origin's root, and silently ignoring
 * "https://host/prefix" would send payments somewhere the developer did not mean.
 */
export function configuredOrigin(options: unknown): string | undefined {
  const value = optionOf(options, 'serviceUrl');
  const url = httpUrl(value);
  return url && url.pathname === '/' && !url.search && !url.hash && typeof value === 'string' ? url.origin : undefined;
}
