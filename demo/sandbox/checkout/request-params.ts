// Reading the SDK's request params (V1 params, normalised by the SDK, plus
// user_code and tier_code). Merchant code is sloppy (merchant-patterns.md):
// numbers where strings belong, junk buyer_tel, unknown keys. Fields the
// sandbox does not need are ignored, junk in optional text fields becomes
// null, and only what decides money or routing is refused, with a message
// that names the field.
import { ErrorCode } from '../catalog/error-codes';
import { TIER_CODE_PATTERN } from '../merchants/tiers';
import { CheckoutRefusal } from './refusal';

export type Params = Record<string, unknown>;

/** Optional text: strings as given, numbers and booleans as text, anything else null. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** The merchant_uid for failure responses, even when the params are otherwise unusable. */
export function merchantUidOf(params: Params): string | null {
  return text(params.merchant_uid);
}

export function invalid(params: Params, message: string): CheckoutRefusal {
  return new CheckoutRefusal(ErrorCode.INVALID_PARAMS, message, merchantUidOf(params));
}

export function requireUserCode(params: Params): string {
  const code = text(params.user_code);
  if (!code) {
    throw new CheckoutRefusal(
      ErrorCode.UNKNOWN_MERCHANT,
      '가맹점 식별코드(user_code)가 없습니다. IMP.init()을 먼저 호출하세요.',
      merchantUidOf(params),
    );
  }
  return code.trim().toLowerCase();
}

/** '' for the merchant itself; the upper-cased code for a sub-merchant. */
export function tierCodeOf(params: Params): string {
  const tier = text(params.tier_code);
  if (!tier) return '';
  const code = tier.trim().toUpperCase();
  if (!TIER_CODE_PATTERN.test(code)) {
    throw new CheckoutRefusal(
      ErrorCode.UNKNOWN_TIER,
      `티어코드(tier_code)는 영문 대문자·숫자 3자리입니다: ${tier}`,
      merchantUidOf(params),
    );
  }
  return code;
}

export function requireMerchantUid(params: Params): string {
  const uid = text(params.merchant_uid);
  if (!uid) throw invalid(params, 'merchant_uid가 필요합니다.');
  if (uid.length > 40) throw invalid(params, `merchant_uid는 40자 이내여야 합니다 (${uid.length}자).`);
  return uid;
}

/** custom_data is stored as a JSON string (V1); a string is kept as it is. */
export function customDataOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** V1 notice_url: one URL or an array of them; each must be absolute http(s). */
export function noticeUrlsOf(params: Params): string[] | null {
  const raw = params.notice_url;
  if (raw === undefined || raw === null || raw === '') return null;
  const urls = (Array.isArray(raw) ? raw : [raw]).filter((url) => url !== '');
  for (const url of urls) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
      throw invalid(params, `notice_url은 http(s) 절대 URL이어야 합니다: ${String(url)}`);
    }
    try {
      new URL(url);
    } catch {
      throw invalid(params, `notice_url이 올바른 URL이 아닙니다: ${url}`);
    }
  }
  return urls.length > 0 ? (urls as string[]) : null;
}
