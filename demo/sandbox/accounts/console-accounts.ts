// Console accounts: sign-up, login and secret reissue.
import type { SandboxContext } from '../context';
import { badRequest, conflict, ApiError } from '../http/api-error';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../lib/passwords';
import { createMerchant, type CreatedMerchant } from '../merchants/create-merchant';
import type { MerchantRow } from '../repositories/merchants';
import { secretMaterial } from './secrets';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD_LENGTH = 8;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
}

export async function signUp(ctx: SandboxContext, input: SignUpInput): Promise<CreatedMerchant> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!EMAIL_PATTERN.test(email) || email.length > 254) throw badRequest('email must be a valid e-mail address');
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (input.password.length > 200) throw badRequest('password must be at most 200 characters');
  if (!name || name.length > 100) throw badRequest('name is required (at most 100 characters)');
  if (ctx.repos.merchants.findByEmail(email)) throw conflict('An account with this e-mail already exists');

  const passwordHash = await hashPassword(input.password);
  // Checked again after the await: another sign-up may have taken the e-mail meanwhile.
  if (ctx.repos.merchants.findByEmail(email)) throw conflict('An account with this e-mail already exists');
  return createMerchant(ctx, { name, email, passwordHash });
}

/** The merchant for these credentials, or a 401. Unknown e-mails cost the same scrypt time. */
export async function logIn(ctx: SandboxContext, email: string, password: string): Promise<MerchantRow> {
  const merchant = ctx.repos.merchants.findByEmail(normaliseEmail(email));
  const valid = await verifyPassword(password, merchant?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!merchant || !valid) throw new ApiError(401, -1, 'E-mail or password is incorrect');
  return merchant;
}

/**
 * Issues a new REST API secret. The old secret stops working at once, and so
 * do all access tokens issued with it: they carry the old secret_generation
 * (accounts/api-tokens.ts refuses any token whose generation is not current).
 */
export function reissueSecret(ctx: SandboxContext, merchantId: number): string {
  const secret = secretMaterial();
  // Old tokens are kept until they expire so that using one says "revoked" rather than "unknown".
  ctx.repos.merchants.rotateSecret(merchantId, secret.secretHash, secret.webhookKey);
  return secret.apiSecret;
}
