// Where a redirect-mode checkout sends the browser when it ends (DESIGN
// "Redirect result"): m_redirect_url plus imp_uid, merchant_uid, imp_success
// and success ("true"/"false"), and error_code / error_msg on failure.
//
// The merchant's own query and hash are kept byte for byte: parameters are
// appended as text before the '#', never by re-serialising the query through
// URLSearchParams (which would rewrite "%20" as "+" and reorder nothing but
// still change bytes some landing pages compare).

export interface RedirectResult {
  imp_uid: string | null;
  merchant_uid: string;
  success: boolean;
  error_code?: string | null;
  error_msg?: string | null;
}

/**
 * Builds the landing URL, or returns null when `target` is not an http(s)
 * URL (a `javascript:` m_redirect_url must never become a navigation).
 * A relative target ("/order/done", "done?x=1") is resolved against `base`
 * (the merchant page origin); without a base it is refused.
 */
export function buildRedirectUrl(target: string, result: RedirectResult, base?: string): string | null {
  let absolute: string;
  try {
    const parsed = base ? new URL(target, base) : new URL(target);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // An absolute target keeps its own text; a resolved relative one uses the resolved form.
    absolute = /^https?:\/\//i.test(target.trim()) ? target.trim() : parsed.href;
  } catch {
    return null;
  }

  const pairs: Array<[string, string]> = [
    ['imp_uid', result.imp_uid ?? ''],
    ['merchant_uid', result.merchant_uid],
    ['imp_success', String(result.success)],
    ['success', String(result.success)],
  ];
  if (!result.success) {
    pairs.push(['error_code', result.error_code ?? '']);
    pairs.push(['error_msg', result.error_msg ?? '']);
  }
  const query = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');

  const hashAt = absolute.indexOf('#');
  const beforeHash = hashAt === -1 ? absolute : absolute.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : absolute.slice(hashAt);
  const separator = !beforeHash.includes('?') ? '?' : /[?&]$/.test(beforeHash) ? '' : '&';
  return `${beforeHash}${separator}${query}${hash}`;
}
