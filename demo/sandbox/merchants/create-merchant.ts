// Creates a merchant account with its keys and test PG channels, in one
// transaction: a merchant never exists without its channels.
import type { SandboxContext } from '../context';
import { secretMaterial } from '../accounts/secrets';
import { newApiKey, newMerchantCode, withUniqueRetry } from '../lib/ids';
import { seedChannels } from './channels';
import { writeTransaction } from '../db/transactions';

export interface CreateMerchantInput {
  name: string;
  email: string;
  passwordHash: string;
  /** Fixed values for the demo merchant; generated otherwise. */
  merchantCode?: string;
  apiKey?: string;
  apiSecret?: string;
}

export interface CreatedMerchant {
  id: number;
  merchant_code: string;
  api_key: string;
  /** Shown once, now; only its hash is kept. */
  api_secret: string;
}

export function createMerchant(ctx: SandboxContext, input: CreateMerchantInput): CreatedMerchant {
  const secret = secretMaterial(input.apiSecret);
  return writeTransaction(ctx.db, () =>
    // The caller has checked the e-mail; a UNIQUE clash here is a random code or key colliding.
    withUniqueRetry(() => {
      const merchantCode = input.merchantCode ?? newMerchantCode();
      const apiKey = input.apiKey ?? newApiKey();
      const id = ctx.repos.merchants.insert({
        merchant_code: merchantCode,
        name: input.name,
        email: input.email,
        password_hash: input.passwordHash,
        api_key: apiKey,
        secret_hash: secret.secretHash,
        webhook_key: secret.webhookKey,
        created_at_ms: ctx.clock(),
      });
      seedChannels(ctx, id);
      return { id, merchant_code: merchantCode, api_key: apiKey, api_secret: secret.apiSecret };
    }),
  );
}
