// Amount pre-registration (POST/GET/PUT /payments/prepare, v1-contract §5.4).
// A checkout for a prepared merchant_uid must use exactly that amount (and
// currency, when one was registered), or it is refused with F1003.
//
// V1 leaves re-registering an existing merchant_uid undocumented. Here: the
// same amount and currency again is an idempotent success (a retried call),
// a different one is refused with code 1 pointing at PUT.
import type { SandboxContext } from '../context';
import { badRequest, notFound, refused } from '../http/api-error';
import { amountProblem, isSupportedCurrency } from '../lib/money';
import type { PaymentPrepareRow } from '../repositories/payment-prepares';
import { writeTransaction } from '../db/transactions';

export const NOT_PREPARED = '사전등록된 결제정보가 존재하지 않습니다.';

export function prepareView(row: PaymentPrepareRow) {
  return { merchant_uid: row.merchant_uid, amount: row.amount, currency: row.currency };
}

function validate(merchantUid: string, amount: number, currency: string | null): void {
  if (merchantUid === '' || merchantUid.length > 40) throw badRequest('merchant_uid는 1~40자여야 합니다.');
  if (currency !== null && !isSupportedCurrency(currency)) throw badRequest(`지원하지 않는 통화입니다: ${currency}`);
  const problem = amountProblem(amount, currency ?? 'KRW');
  if (problem) throw badRequest(`amount가 올바르지 않습니다: ${problem}`);
}

export function registerPrepare(ctx: SandboxContext, merchantId: number, tierCode: string, merchantUid: string, amount: number, currency: string | null) {
  validate(merchantUid, amount, currency);
  return writeTransaction(ctx.db, () => {
    const existing = ctx.repos.prepares.find(merchantId, tierCode, merchantUid);
    if (existing) {
      if (existing.amount === amount && existing.currency === currency) return prepareView(existing);
      throw refused(
        `이미 사전등록된 merchant_uid입니다 (등록 금액: ${existing.amount}). 금액을 바꾸려면 PUT /payments/prepare를 사용하세요.`,
      );
    }
    ctx.repos.prepares.insert(merchantId, tierCode, merchantUid, amount, currency, ctx.clock());
    return prepareView(ctx.repos.prepares.find(merchantId, tierCode, merchantUid)!);
  });
}

export function updatePrepare(ctx: SandboxContext, merchantId: number, tierCode: string, merchantUid: string, amount: number, currency: string | null) {
  validate(merchantUid, amount, currency);
  return writeTransaction(ctx.db, () => {
    const existing = ctx.repos.prepares.find(merchantId, tierCode, merchantUid);
    if (!existing) throw notFound(NOT_PREPARED);
    ctx.repos.prepares.update(existing.id, amount, currency, ctx.clock());
    return prepareView(ctx.repos.prepares.find(merchantId, tierCode, merchantUid)!);
  });
}
