// Identity verification (IMP.certification): open, approve with a test
// identity, or abandon. Same shape as payments: the open answer carries a
// checkout token; every ending yields the SDK response to forward.
import type { SandboxContext } from '../context';
import { CERTIFICATION_CANCEL, ErrorCode } from '../catalog/error-codes';
import { unixSeconds } from '../lib/clock';
import { sha256Hex } from '../lib/hashing';
import { newImpUid, newPgTid, withUniqueRetry } from '../lib/ids';
import { randomToken } from '../lib/random';
import { resolveChannel } from '../merchants/channels';
import type { CertificationRow } from '../repositories/certifications';
import type { MerchantRow } from '../repositories/merchants';
import type { TierRow } from '../repositories/tiers';
import {
  ageOn,
  CARRIERS,
  normaliseBirthday,
  TEST_IDENTITY,
  uniqueInSite,
  uniqueKey,
  type Identity,
} from './certification-identity';
import { requireAllowedOrigin } from './allowed-origin';
import { findMerchantAndTier, type CheckoutOpening } from './checkout-context';
import { requireCheckout } from './load-checkout';
import { CheckoutRefusal } from './refusal';
import { invalid, requireMerchantUid, requireUserCode, text, tierCodeOf, type Params } from './request-params';
import { certificationSdkResponse, type SdkResponse } from './sdk-response';
import { writeTransaction } from '../db/transactions';

export interface OpenedCertification {
  certification: CertificationRow;
  checkoutToken: string;
  merchant: MerchantRow;
  tier: TierRow | null;
  /** Prefill for the window: the merchant's name/phone/carrier over the test identity. */
  prefill: Identity;
  company: string | null;
}

export function openCertification(ctx: SandboxContext, params: Params, opening: CheckoutOpening): OpenedCertification {
  const userCode = requireUserCode(params);
  const tierCode = tierCodeOf(params);
  const merchantUid = requireMerchantUid(params);
  const minAgeRaw = params.min_age;
  const minAge = minAgeRaw === undefined || minAgeRaw === null || minAgeRaw === '' ? null : Number(minAgeRaw);
  if (minAge !== null && (!Number.isInteger(minAge) || minAge < 0 || minAge > 150)) {
    throw invalid(params, `min_age는 0 이상의 정수여야 합니다: ${String(minAgeRaw)}`);
  }
  const { merchant, tier } = findMerchantAndTier(ctx, userCode, tierCode, merchantUid);
  requireAllowedOrigin(merchant, opening.origin, 'certification', merchantUid);
  const resolution = resolveChannel(ctx, merchant.id, 'certification', text(params.pg), text(params.channelKey) ?? text(params.channel_key));
  if (!resolution.ok) throw new CheckoutRefusal(resolution.errorCode, resolution.message, merchantUid);

  const checkoutToken = randomToken(16);
  const now = ctx.clock();
  const prefill: Identity = {
    ...TEST_IDENTITY,
    name: text(params.name) ?? TEST_IDENTITY.name,
    phone: text(params.phone)?.replace(/\D/g, '') || TEST_IDENTITY.phone,
    carrier: text(params.carrier)?.toUpperCase() ?? TEST_IDENTITY.carrier,
  };
  const certification = withUniqueRetry(() =>
    ctx.repos.certifications.insert({
      imp_uid: newImpUid(),
      merchant_id: merchant.id,
      tier_code: tierCode,
      merchant_uid: merchantUid,
      checkout_token_hash: sha256Hex(checkoutToken),
      mode: opening.mode,
      origin: opening.origin,
      pg_provider: resolution.channel.pg_provider,
      pg_id: resolution.channel.pg_id,
      min_age: minAge,
      m_redirect_url: text(params.m_redirect_url),
      name: text(params.name),
      phone: text(params.phone),
      carrier: text(params.carrier),
      started_at: unixSeconds(now),
      updated_at_ms: now,
    }),
  );
  return { certification, checkoutToken, merchant, tier, prefill, company: text(params.company) };
}

export interface CertificationOutcome {
  certification: CertificationRow;
  sdkResponse: SdkResponse;
  repeated: boolean;
}

export interface IdentityInput {
  name?: string | null;
  phone?: string | null;
  birthday?: string | null;
  gender?: string | null;
  carrier?: string | null;
  foreigner?: boolean | null;
}

function readIdentity(row: CertificationRow, input: IdentityInput): Identity {
  const bad = (message: string) => new CheckoutRefusal(ErrorCode.INVALID_PARAMS, message, row.merchant_uid, row.imp_uid, 400);
  const name = (input.name ?? row.name ?? TEST_IDENTITY.name).trim();
  if (!name || name.length > 50) throw bad('name is required (at most 50 characters)');
  const phone = (input.phone ?? row.phone ?? TEST_IDENTITY.phone).replace(/\D/g, '');
  if (!/^01\d{8,9}$/.test(phone)) throw bad('phone must be a Korean mobile number (01X + 8-9 digits)');
  const birthday = normaliseBirthday(input.birthday ?? TEST_IDENTITY.birthday);
  if (!birthday) throw bad('birthday must be a date as YYYY-MM-DD');
  const gender = input.gender ?? TEST_IDENTITY.gender;
  if (gender !== 'male' && gender !== 'female') throw bad('gender must be male or female');
  const carrier = (input.carrier ?? row.carrier ?? TEST_IDENTITY.carrier).toUpperCase();
  if (!(CARRIERS as readonly string[]).includes(carrier)) throw bad(`carrier must be one of ${CARRIERS.join(', ')}`);
  return { name, phone, birthday, gender, carrier, foreigner: input.foreigner === true };
}

function loadCertification(ctx: SandboxContext, impUid: string, checkoutToken: string): CertificationRow {
  return requireCheckout(ctx.repos.certifications.findByImpUid(impUid), checkoutToken);
}

export function approveCertification(
  ctx: SandboxContext,
  impUid: string,
  checkoutToken: string,
  input: IdentityInput,
): CertificationOutcome {
  return writeTransaction(ctx.db, (): CertificationOutcome => {
    const row = loadCertification(ctx, impUid, checkoutToken);
    if (row.status !== 'ready') return { certification: row, sdkResponse: certificationSdkResponse(row), repeated: true };
    const identity = readIdentity(row, input);
    const now = ctx.clock();
    if (row.min_age !== null && ageOn(identity.birthday, now) < row.min_age) {
      ctx.repos.certifications.cancel(row.id, ErrorCode.UNDER_MIN_AGE, `만 ${row.min_age}세 이상만 본인인증을 할 수 있습니다.`, now);
    } else {
      const merchant = ctx.repos.merchants.findById(row.merchant_id)!;
      const ci = uniqueKey(identity);
      ctx.repos.certifications.certify(row.id, {
        pg_tid: newPgTid(row.pg_provider, now),
        name: identity.name,
        gender: identity.gender,
        birthday: identity.birthday,
        foreigner: identity.foreigner ? 1 : 0,
        phone: identity.phone,
        carrier: identity.carrier,
        certified_at: unixSeconds(now),
        unique_key: ci,
        unique_in_site: uniqueInSite(ci, merchant.merchant_code, row.tier_code),
        updated_at_ms: now,
      });
    }
    const updated = ctx.repos.certifications.findByImpUid(impUid)!;
    return { certification: updated, sdkResponse: certificationSdkResponse(updated), repeated: false };
  });
}

export function abandonCertification(ctx: SandboxContext, impUid: string, checkoutToken: string): CertificationOutcome {
  return writeTransaction(ctx.db, (): CertificationOutcome => {
    const row = loadCertification(ctx, impUid, checkoutToken);
    if (row.status !== 'ready') return { certification: row, sdkResponse: certificationSdkResponse(row), repeated: true };
    ctx.repos.certifications.cancel(row.id, CERTIFICATION_CANCEL.code, CERTIFICATION_CANCEL.message, ctx.clock());
    const updated = ctx.repos.certifications.findByImpUid(impUid)!;
    return { certification: updated, sdkResponse: certificationSdkResponse(updated), repeated: false };
  });
}
