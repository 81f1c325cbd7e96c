// How the checkout API answers (docs/checkout-api.md). Whenever a checkout
// ends — approved, declined, failed, cancelled by the buyer, or refused —
// `response.sdk_response` is the exact object the checkout page posts to the
// merchant; for redirect mode `response.redirect_url` is where to send the
// browser instead. Refusals are non-zero codes in the V1 envelope.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../catalog/error-codes';
import { buildRedirectUrl } from '../../checkout/redirect-url';
import { CheckoutRefusal } from '../../checkout/refusal';
import { merchantUidOf } from '../../checkout/request-params';
import type { SdkResponse } from '../../checkout/sdk-response';
import { answerFor, sendError } from '../../http/error-handler';
import { failure, ok } from '../../http/envelope';
import type { MerchantRow } from '../../repositories/merchants';
import type { TierRow } from '../../repositories/tiers';

export interface Ending {
  sdk_response: SdkResponse;
  /** Only when the checkout runs in redirect mode and has somewhere to land. */
  redirect_url?: string;
}

/** The ending of a checkout, with the landing URL when it runs in redirect mode. */
export function ending(sdkResponse: SdkResponse, mode: string | null, mRedirectUrl: string | null, origin: string | null): Ending {
  if (mode !== 'redirect' || !mRedirectUrl) return { sdk_response: sdkResponse };
  const redirectUrl = buildRedirectUrl(
    mRedirectUrl,
    {
      imp_uid: sdkResponse.imp_uid,
      merchant_uid: sdkResponse.merchant_uid ?? '',
      success: sdkResponse.success,
      error_code: sdkResponse.error_code ?? null,
      error_msg: sdkResponse.error_msg ?? null,
    },
    origin ?? undefined,
  );
  return redirectUrl ? { sdk_response: sdkResponse, redirect_url: redirectUrl } : { sdk_response: sdkResponse };
}

/** What a payment and a certification row share, for answering how their checkout ended. */
interface CheckoutRecord {
  status: string;
  mode: string | null;
  m_redirect_url: string | null;
  origin: string | null;
}

/** The answer to approve and cancel: the record's status now, whether the checkout had already ended, and its ending. */
export function outcomeAnswer(record: CheckoutRecord, outcome: { sdkResponse: SdkResponse; repeated: boolean }) {
  return ok({
    status: record.status,
    repeated: outcome.repeated,
    ...ending(outcome.sdkResponse, record.mode, record.m_redirect_url, record.origin),
  });
}

/** The head of an open answer: the page's checkout token and whom the window is for (merchant, and tier in agency mode). */
export function openedFor(opened: { checkoutToken: string; merchant: MerchantRow; tier: TierRow | null }) {
  const { merchant, tier } = opened;
  return {
    checkout_token: opened.checkoutToken,
    merchant: { code: merchant.merchant_code, name: merchant.name },
    tier: tier ? { code: tier.tier_code, name: tier.name } : null,
  };
}

interface CheckoutBody {
  params?: Record<string, unknown>;
  mode?: string;
  origin?: string | null;
}

/**
 * Error handler of the checkout API: every error, even a malformed body,
 * still yields an SDK failure response the page can forward.
 */
export function checkoutErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as CheckoutBody;
  const params = body.params && typeof body.params === 'object' ? body.params : {};
  if (error instanceof CheckoutRefusal) {
    const redirect = typeof params.m_redirect_url === 'string' ? params.m_redirect_url : null;
    return reply
      .code(error.statusCode)
      .send(failure(1, error.message, ending(error.sdkResponse(), body.mode ?? null, redirect, body.origin ?? null)));
  }
  const answer = answerFor(error, request);
  const sdkResponse = new CheckoutRefusal(ErrorCode.INVALID_PARAMS, answer.message, merchantUidOf(params)).sdkResponse();
  return sendError(reply, { ...answer, response: { sdk_response: sdkResponse } });
}
