// Which window a checkout opens in, decided as V1 did (v1-contract.md §4.3).
export type Mode = 'iframe' | 'popup' | 'redirect';

// Providers V1 opened in a popup on PC, because their PG pages refuse to be framed: the
// provider part of `pg` ("kcp_quick" or "kcp_quick.MID"), in any case.
const POPUP_PROVIDER = /^(payco|settle|smartro|tosspay|kcp_quick|daou|naverco|eximbay)(\.|$)/i;

/**
 * A phone or tablet, as V1 decides it: a mobile user agent (Android, iPhone,
 * iPad/iPod, or iPadOS's desktop "Macintosh" UA with a multi-touch screen) that
 * also has touch, so desktop browsers faking a mobile UA keep the overlay.
 */
export function isMobileBrowser(): boolean {
  // Both may be missing in old or embedded browsers: undefined compares false and tests as "undefined".
  const touchPoints = navigator.maxTouchPoints;
  const ua = navigator.userAgent;
  const device = /Android|iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1);
  return device && (touchPoints > 0 || 'ontouchstart' in window);
}

/**
 * Redirect on mobile when the merchant gave m_redirect_url; a popup when asked
 * (`popup: true`) or for the providers above unless `popup: false`; otherwise
 * the iframe overlay. Certification follows the same rule.
 */
export function chooseMode(params: Record<string, unknown>, mobile: boolean): Mode {
  if (mobile && params.m_redirect_url) return 'redirect';
  const provider = typeof params.pg === 'string' && POPUP_PROVIDER.test(params.pg);
  if (params.popup === true || (params.popup !== false && provider)) return 'popup';
  return 'iframe';
}
