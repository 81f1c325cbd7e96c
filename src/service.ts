// The checkout service's origin: where the iframe/popup/redirect go and the
// only origin whose messages are accepted, so it is parsed strictly.

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
  const url = httpUrl(src);
  return url && url.origin;
}

/**
 * Origin for IMP.configure({ serviceUrl }). Paths are refused rather than
 * dropped: the checkout lives at the origin's root, and silently ignoring
 * "https://host/prefix" would send payments somewhere the developer did not mean.
 */
export function configuredOrigin(options: unknown): string | undefined {
  let value: unknown;
  try {
    value = (options as { serviceUrl?: unknown }).serviceUrl;
  } catch {
    // no options, or options that cannot be read
  }
  const url = httpUrl(value);
  return url && url.pathname === '/' && !url.search && !url.hash && typeof value === 'string' ? url.origin : undefined;
}
