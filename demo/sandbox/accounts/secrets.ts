// REST API secret material. The secret is shown to the merchant once; the
// database keeps its SHA-256 (to check getToken) and a webhook signing key
// derived from it (to sign webhooks without being able to recover the secret).
import { hmacSha256Hex, sha256Hex } from '../lib/hashing';
import { newApiSecret } from '../lib/ids';

/** Documented in docs/webhooks.md: merchants derive the same key from their secret. */
export const WEBHOOK_KEY_LABEL = 'imp-checkout webhook v1';

export function webhookKeyFor(apiSecret: string): string {
  return hmacSha256Hex(apiSecret, WEBHOOK_KEY_LABEL);
}

export interface SecretMaterial {
  apiSecret: string;
  secretHash: string;
  webhookKey: string;
}

export function secretMaterial(apiSecret: string = newApiSecret()): SecretMaterial {
  return { apiSecret, secretHash: sha256Hex(apiSecret), webhookKey: webhookKeyFor(apiSecret) };
}
