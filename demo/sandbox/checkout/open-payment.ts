// Opening a payment: the service side of "the checkout page asks the service
// to open the payment" (DESIGN, flow step 4). Refuses an unknown merchant or
// tier, a pg the merchant has no channel for (F1001), a merchant_uid already
// paid (F1002) and an amount that differs from the prepared one (F1003);
// otherwise stores the payment as 'ready' (V1 creates the record when the
// window opens) with the hash of a fresh checkout token.
import type { SandboxContext } from '../context';
import { ALREADY_PAID_MESSAGE, ErrorCode } from '../catalog/error-codes';
import { isEasyPay } from '../catalog/pay-methods';
import { unixSeconds } from '../lib/clock';
import { sha256Hex } from '../lib/hashing';
import { newImpUid, withUniqueRetry } from '../lib/ids';
import { fromMinor, toMinor } from '../lib/money';
import { randomToken } from '../lib/random';
import { resolveChannel } from '../merchants/channels';
import type { PaymentRow } from '../repositories/payments';
import type { MerchantRow } from '../repositories/merchants';
import type { TierRow } from '../repositories/tiers';
import { requireAllowedOrigin } from './allowed-origin';
import { channelOf, findMerchantAndTier, type CheckoutOpening } from './checkout-context';
import { readPaymentRequest, type PaymentRequest } from './payment-request';
import { CheckoutRefusal } from './refusal';
import type { Params } from './request-params';
import { writeTransaction } from '../db/transactions';

export interface OpenedPayment {
  payment: PaymentRow;
  /** Shown once to the checkout page; approve/cancel must present it. */
  checkoutToken: string;
  merchant: MerchantRow;
  tier: TierRow | null;
  request: PaymentRequest;
}

function checkPrepared(ctx: SandboxContext, merchantId: number, request: PaymentRequest): void {
  const prepared = ctx.repos.prepares.find(merchantId, request.tierCode, request.merchantUid);
  if (!prepared) return;
  const currencyDiffers = prepared.currency !== null && prepared.currency !== request.currency;
  if (currencyDiffers || toMinor(prepared.amount, request.currency) !== toMinor(request.amount, request.currency)) {
    throw new CheckoutRefusal(
      ErrorCode.PREPARED_MISMATCH,
      `사전등록된 결제금액과 요청 금액이 다릅니다. (사전등록: ${fromMinor(toMinor(prepared.amount, request.currency) ?? 0, request.currency)}${
        prepared.currency ? ` ${prepared.currency}` : ''
      }, 요청: ${request.amount} ${request.currency})`,
      request.merchantUid,
    );
  }
}

export function openPayment(ctx: SandboxContext, params: Params, opening: CheckoutOpening): OpenedPayment {
  const request = readPaymentRequest(params);
  const { merchant, tier } = findMerchantAndTier(ctx, request.userCode, request.tierCode, request.merchantUid);
  requireAllowedOrigin(merchant, opening.origin, 'payment', request.merchantUid);
  const resolution = resolveChannel(ctx, merchant.id, 'payment', request.pg, request.channelKey);
  if (!resolution.ok) throw new CheckoutRefusal(resolution.errorCode, resolution.message, request.merchantUid);
  const channel = resolution.channel;
  const checkoutToken = randomToken(16);

  const payment = writeTransaction(ctx.db, (): PaymentRow => {
    if (ctx.repos.payments.findPaid(merchant.id, request.tierCode, request.merchantUid)) {
      throw new CheckoutRefusal(ErrorCode.ALREADY_PAID, ALREADY_PAID_MESSAGE, request.merchantUid);
    }
    checkPrepared(ctx, merchant.id, request);
    const now = ctx.clock();
    return withUniqueRetry(() =>
      ctx.repos.payments.insert({
        imp_uid: newImpUid(),
        merchant_id: merchant.id,
        tier_code: request.tierCode,
        merchant_uid: request.merchantUid,
        checkout_token_hash: sha256Hex(checkoutToken),
        mode: opening.mode,
        origin: opening.origin,
        channel: channelOf(opening),
        pay_method: request.payMethod,
        pg_provider: channel.pg_provider,
        // A wallet paid through a general PG (e.g. kakaopay via html5_inicis) is V1's "embedded" PG.
        emb_pg_provider: isEasyPay(request.payMethod) && request.payMethod !== channel.pg_provider ? request.payMethod : null,
        pg_id: channel.pg_id,
        escrow: request.escrow ? 1 : 0,
        // The requested deposit deadline, kept until the account is issued (0 = the default).
        vbank_date: request.payMethod === 'vbank' ? (request.vbankDue ?? 0) : 0,
        name: request.name,
        amount: request.amount,
        currency: request.currency,
        buyer_name: request.buyerName,
        buyer_email: request.buyerEmail,
        buyer_tel: request.buyerTel,
        buyer_addr: request.buyerAddr,
        buyer_postcode: request.buyerPostcode,
        custom_data: request.customData,
        user_agent: opening.userAgent,
        status: 'ready',
        started_at: unixSeconds(now),
        customer_uid: request.customerUid,
        notice_urls: request.noticeUrls ? JSON.stringify(request.noticeUrls) : null,
        m_redirect_url: request.mRedirectUrl,
        updated_at_ms: now,
      }),
    );
  });

  return { payment, checkoutToken, merchant, tier, request };
}
