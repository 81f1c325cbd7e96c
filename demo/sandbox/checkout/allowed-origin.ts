// The origin check of a checkout open (payments and certifications): a
// merchant that listed allowed origins in the console gets checkouts only
// from those; any other origin, or none, is refused with F1009 as an SDK
// response, so the merchant page gets a clear failure. The origin is the one
// the checkout page learned from the browser (event.origin), or for redirect
// mode the Origin header of the form POST (routes/checkout/redirect.ts).
import type { SandboxContext } from '../context';
import { ErrorCode, originNotAllowedMessage } from '../catalog/error-codes';
import { forbidden } from '../http/api-error';
import { originOf } from '../lib/urls';
import { isOriginAllowed } from '../merchants/allowed-origins';
import type { MerchantRow } from '../repositories/merchants';
import { buildRedirectUrl } from './redirect-url';
import type { RedirectRequest } from './redirect-sessions';
import { CheckoutRefusal } from './refusal';
import { merchantUidOf, text } from './request-params';

export function requireAllowedOrigin(
  merchant: MerchantRow,
  origin: string | null,
  action: 'payment' | 'certification',
  merchantUid: string | null,
): void {
  if (!isOriginAllowed(merchant, origin)) {
    throw new CheckoutRefusal(ErrorCode.ORIGIN_NOT_ALLOWED, originNotAllowedMessage(action, origin), merchantUid);
  }
}

/**
 * Redirect mode: the form POST to /checkout/redirect. When the merchant lists
 * origins, the browser's Origin header must be one of them (the page's own
 * claim, m_redirect_url, proves nothing). Returns where to send the browser
 * back with an F1009 failure, or null to go on. Browsers send Origin on every
 * form POST; a page with Referrer-Policy: no-referrer sends "null", which is
 * refused when origins are listed (docs/checkout-api.md).
 */
export function refusedRedirectUrl(ctx: SandboxContext, request: RedirectRequest, originHeader: string | undefined): string | null {
  const userCode = text(request.params.user_code)?.trim().toLowerCase();
  const merchant = userCode ? ctx.repos.merchants.findByCode(userCode) : undefined;
  // An unknown merchant is refused by the checkout page as usual (F1004).
  if (!merchant) return null;
  const origin = originHeader ? originOf(originHeader) : null;
  if (isOriginAllowed(merchant, origin)) return null;
  const message = originNotAllowedMessage(request.action, origin);
  const landing = buildRedirectUrl(request.params.m_redirect_url as string, {
    imp_uid: null,
    merchant_uid: merchantUidOf(request.params) ?? '',
    success: false,
    error_code: ErrorCode.ORIGIN_NOT_ALLOWED,
    error_msg: message,
  });
  // parseRedirectRequest only lets http(s) URLs through; refuse outright should that ever change.
  if (!landing) throw forbidden(message);
  return landing;
}
