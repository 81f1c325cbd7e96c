// Checks the sandbox's webhook signature (docs/webhooks.md). V1 never signed
// webhooks, so a V1 merchant could only re-query the payment; the shop does
// both: a delivery without a valid signature is refused, and a valid one is
// still only a hint to look the payment up.
//
//   X-ImpCheckout-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhook_key, t + "." + raw body)>
//   webhook_key = hex(HMAC-SHA256(api_secret, "imp-checkout webhook v1"))
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-impcheckout-signature';
export const DELIVERY_HEADER = 'x-impcheckout-delivery';

/** Older timestamps are refused, so a captured delivery cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function webhookKey(apiSecret: string): string {
  return createHmac('sha256', apiSecret).update('imp-checkout webhook v1').digest('hex');
}

export function checkWebhookSignature(
  apiSecret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
): SignatureCheck {
  if (!header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/i.test(given)) return { ok: false, reason: 'malformed signature header' };
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'signature timestamp too old or in the future' };
  const expected = createHmac('sha256', webhookKey(apiSecret)).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'signature does not match (another secret, or the body was changed)' };
  return { ok: true };
}
