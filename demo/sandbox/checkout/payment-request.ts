// A payment request read from the SDK params (see request-params.ts).
import { ErrorCode } from '../catalog/error-codes';
import { SUPPORTED_PAY_METHODS } from '../catalog/pay-methods';
import { amountProblem, isSupportedCurrency, SUPPORTED_CURRENCIES } from '../lib/money';
import { CheckoutRefusal } from './refusal';
import {
  customDataOf,
  invalid,
  merchantUidOf,
  noticeUrlsOf,
  requireMerchantUid,
  requireUserCode,
  text,
  tierCodeOf,
  type Params,
} from './request-params';
import { parseVbankDue } from './vbank-due';

export interface PaymentRequest {
  userCode: string;
  tierCode: string;
  merchantUid: string;
  amount: number;
  currency: string;
  payMethod: string;
  pg: string | null;
  channelKey: string | null;
  name: string | null;
  buyerName: string | null;
  buyerEmail: string | null;
  buyerTel: string | null;
  buyerAddr: string | null;
  buyerPostcode: string | null;
  customData: string | null;
  noticeUrls: string[] | null;
  mRedirectUrl: string | null;
  customerUid: string | null;
  escrow: boolean;
  /** Unix seconds, or null for the default deadline. */
  vbankDue: number | null;
}

function amountOf(params: Params, currency: string): number {
  // The SDK sends a number; a numeric string (sloppy merchant code) is read as one.
  const raw = params.amount;
  const amount = typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  const problem = amountProblem(amount, currency);
  if (problem) throw invalid(params, `결제금액(amount)이 올바르지 않습니다: ${problem} (받은 값: ${JSON.stringify(raw) ?? 'undefined'})`);
  return amount as number;
}

export function readPaymentRequest(params: Params): PaymentRequest {
  const userCode = requireUserCode(params);
  const tierCode = tierCodeOf(params);
  const merchantUid = requireMerchantUid(params);
  const pg = text(params.pg);

  const payMethod = (text(params.pay_method) ?? 'card').trim().toLowerCase();
  if (!SUPPORTED_PAY_METHODS.includes(payMethod)) {
    throw new CheckoutRefusal(
      ErrorCode.UNSUPPORTED_PAY_METHOD,
      `샌드박스가 지원하지 않는 결제수단입니다: ${payMethod} (지원: ${SUPPORTED_PAY_METHODS.join(', ')})`,
      merchantUidOf(params),
    );
  }

  // PayPal charges in USD by default (V1).
  const defaultCurrency = pg?.toLowerCase().startsWith('paypal') ? 'USD' : 'KRW';
  const currency = (text(params.currency) ?? defaultCurrency).trim().toUpperCase();
  if (!isSupportedCurrency(currency)) {
    throw invalid(params, `지원하지 않는 통화입니다: ${currency} (지원: ${SUPPORTED_CURRENCIES.join(', ')})`);
  }

  let vbankDue: number | null = null;
  const dueText = text(params.vbank_due);
  if (dueText) {
    vbankDue = parseVbankDue(dueText);
    if (vbankDue === null) throw invalid(params, `vbank_due 형식이 올바르지 않습니다: ${dueText} (예: 20240131, 2024-01-31 23:59:59)`);
  }

  return {
    userCode,
    tierCode,
    merchantUid,
    amount: amountOf(params, currency),
    currency,
    payMethod,
    pg,
    channelKey: text(params.channelKey) ?? text(params.channel_key),
    name: text(params.name),
    buyerName: text(params.buyer_name),
    buyerEmail: text(params.buyer_email),
    buyerTel: text(params.buyer_tel),
    buyerAddr: text(params.buyer_addr),
    buyerPostcode: text(params.buyer_postcode),
    customData: customDataOf(params.custom_data),
    noticeUrls: noticeUrlsOf(params),
    mRedirectUrl: text(params.m_redirect_url),
    customerUid: text(params.customer_uid),
    escrow: params.escrow === true || params.escrow === 'true',
    vbankDue,
  };
}
