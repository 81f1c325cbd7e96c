// Tier codes (하위가맹점): 3 characters, A-Z and 0-9 (V1 OpenAPI: "알파벳 대문자
// 또는 숫자만 사용(반드시 3자리)"), unique per merchant, chosen or generated.
import type { SandboxContext } from '../context';
import { badRequest, conflict, notFound } from '../http/api-error';
import { isUniqueViolation } from '../lib/ids';
import { randomCode } from '../lib/random';

export const TIER_CODE_PATTERN = /^[A-Z0-9]{3}$/;

export function createTier(ctx: SandboxContext, merchantId: number, name: string, requestedCode?: string | null) {
  const tierName = name.trim();
  if (!tierName || tierName.length > 50) throw badRequest('name is required (at most 50 characters)');

  if (requestedCode !== undefined && requestedCode !== null && requestedCode.trim() !== '') {
    const code = requestedCode.trim().toUpperCase();
    if (!TIER_CODE_PATTERN.test(code)) throw badRequest('tier_code must be exactly 3 characters, A-Z or 0-9');
    try {
      ctx.repos.tiers.insert(merchantId, code, tierName, ctx.clock());
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Tier code ${code} is already in use`);
      throw error;
    }
    return { tier_code: code, name: tierName };
  }

  // 36^3 = 46656 codes: random picks find a free one quickly until a merchant has thousands.
  for (let attempt = 0; attempt < 200; attempt++) {
    const code = randomCode(3);
    if (ctx.repos.tiers.find(merchantId, code)) continue;
    ctx.repos.tiers.insert(merchantId, code, tierName, ctx.clock());
    return { tier_code: code, name: tierName };
  }
  throw conflict('Could not find a free tier code; choose one explicitly');
}

/**
 * Removes a tier. Its payments stay in the database (and in the console list)
 * but the REST API no longer accepts the code in the Tier header.
 */
export function removeTier(ctx: SandboxContext, merchantId: number, tierCode: string): void {
  if (!ctx.repos.tiers.remove(merchantId, tierCode.toUpperCase())) throw notFound(`No tier ${tierCode}`);
}
