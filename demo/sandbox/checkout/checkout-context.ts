// What a checkout page tells the service about where a checkout runs, and the
// merchant/tier lookup every checkout (payment or certification) starts with.
import type { SandboxContext } from '../context';
import { ErrorCode } from '../catalog/error-codes';
import type { MerchantRow } from '../repositories/merchants';
import type { TierRow } from '../repositories/tiers';
import { CheckoutRefusal } from './refusal';

export type CheckoutMode = 'iframe' | 'popup' | 'redirect';
export const CHECKOUT_MODES: readonly CheckoutMode[] = ['iframe', 'popup', 'redirect'];

export interface CheckoutOpening {
  /** The merchant page's origin as the checkout page learned it (event.origin), or the redirect form's. */
  origin: string | null;
  mode: CheckoutMode;
  userAgent: string | null;
}

/** V1 `channel`: redirect checkouts are mobile; otherwise judged from the buyer's browser. */
export function channelOf(opening: CheckoutOpening): 'pc' | 'mobile' {
  if (opening.mode === 'redirect') return 'mobile';
  return /Android|iPhone|iPad|iPod|Mobile/i.test(opening.userAgent ?? '') ? 'mobile' : 'pc';
}

export interface MerchantAndTier {
  merchant: MerchantRow;
  tier: TierRow | null;
}

export function findMerchantAndTier(
  ctx: SandboxContext,
  userCode: string,
  tierCode: string,
  merchantUid: string | null,
): MerchantAndTier {
  const merchant = ctx.repos.merchants.findByCode(userCode);
  if (!merchant) {
    throw new CheckoutRefusal(ErrorCode.UNKNOWN_MERCHANT, `등록되지 않은 가맹점 식별코드입니다: ${userCode}`, merchantUid);
  }
  if (!tierCode) return { merchant, tier: null };
  const tier = ctx.repos.tiers.find(merchant.id, tierCode);
  if (!tier) {
    throw new CheckoutRefusal(
      ErrorCode.UNKNOWN_TIER,
      `가맹점 ${merchant.merchant_code}에 등록되지 않은 하위가맹점(티어코드)입니다: ${tierCode}`,
      merchantUid,
    );
  }
  return { merchant, tier };
}
