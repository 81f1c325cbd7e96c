// Webhook signatures (docs/webhooks.md). V1 never signed webhooks; merchants
// had to re-query the payment. We sign each delivery so a receiver can check
// it came from the sandbox, and keep the V1 body so old receivers still work.
//
//   webhook_key = hex(HMAC-SHA256(key = api_secret, "imp-checkout webhook v1"))
//   X-ImpCheckout-Signature: t=<unix seconds>,v1=<hex(HMAC-SHA256(key = webhook_key, t + "." + raw body))>
//
// The key is derived from the REST API secret, so it changes on reissue, and
// the sandbox can sign without storing the secret itself.
import { hexDigestsEqual, hmacSha256Hex } from '../lib/hashing';
import { webhookKeyFor } from '../accounts/secrets';

export const SIGNATURE_HEADER = 'X-ImpCheckout-Signature';
export const DELIVERY_HEADER = 'X-ImpCheckout-Delivery';

export function signatureHeader(webhookKey: string, unixSeconds: number, rawBody: string): string {
  return `t=${unixSeconds},v1=${hmacSha256Hex(webhookKey, `${unixSeconds}.${rawBody}`)}`;
}

/**
 * What a merchant server does with the header (the same code as in
 * docs/webhooks.md): true when `header` signs `rawBody` under this secret and
 * its timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifySignature(
  apiSecret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = hmacSha256Hex(webhookKeyFor(apiSecret), `${t}.${rawBody}`);
  return hexDigestsEqual(expected, v1);
}
