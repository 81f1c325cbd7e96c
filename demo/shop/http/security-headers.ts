// The shop's pages run under a strict Content-Security-Policy, as a careful
// merchant's would, to show the SDK needs nothing more than:
//   script-src  'self' {service}   — our page scripts, and {service}/v1/iamport.js
//   frame-src   {service}          — the checkout iframe
//   form-action 'self' {service}   — redirect mode POSTs the request to {service}/checkout/redirect
//   connect-src 'self'             — the SDK itself makes no fetch; only our own /api calls
//   style-src   'self'             — the SDK locks scroll and styles its overlay through
//                                  CSSOM (el.style), which CSP does not govern
// No inline script or style anywhere; the one inline element, the SPA page's
// import map, is allowed by its hash. (style-src once needed 'unsafe-inline'
// while the SDK's scroll lock wrote the style attribute; test/e2e/shop.test.ts
// and test/e2e/csp.test.ts now fail on any violation.)
import { createHash } from 'node:crypto';

/** The CSP source for an inline element's exact text. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(serviceOrigin: string, inlineScriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${serviceOrigin}${inlineScriptHashes.map((hash) => ` ${hash}`).join('')}`,
    `frame-src ${serviceOrigin}`,
    `form-action 'self' ${serviceOrigin}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function pageHeaders(serviceOrigin: string, inlineScriptHashes: readonly string[] = []): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(serviceOrigin, inlineScriptHashes),
    'x-content-type-options': 'nosniff',
    // The browser default, stated: the redirect-mode form POST must carry our Origin to the service.
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': 'no-store',
  };
}
