// The test payment window: open the payment with the service, show what is
// being paid and the pay method's fields, then approve or cancel.
import { CANCEL_MESSAGE } from '../../../../src/errors';
import { cancelPath, type OpenedPayment } from './api';
import { bankBody } from './bank-body';
import { walletBrand } from './brands';
import { cardBody } from './card-body';
import { formatAmount } from './format';
import type { MethodBody, MethodContext } from './method-body';
import { phoneBody } from './phone-body';
import type { Run } from './run';
import { renderPendingSheet, renderSheet } from './sheet';
import { cancelOnEscape, decide, localCancel, openCheckout } from './steps';
import type { Strings } from './strings';
import { walletBody } from './wallet-body';

function bodyFor(ctx: MethodContext): MethodBody {
  if (ctx.brand) return walletBody(ctx);
  switch (ctx.opened.payment.pay_method) {
    case 'trans':
      return bankBody(ctx, 'trans');
    case 'vbank':
      return bankBody(ctx, 'vbank');
    case 'phone':
      return phoneBody(ctx);
    default:
      return cardBody(ctx);
  }
}

function methodName(t: Strings, payMethod: string, brandName: string | undefined): string {
  if (brandName) return brandName;
  const names: Record<string, string> = { card: t.method_card, trans: t.method_trans, vbank: t.method_vbank, phone: t.method_phone };
  return names[payMethod] ?? payMethod;
}

function approveLabel(t: Strings, opened: OpenedPayment, amountText: string): string {
  const { pay_method: payMethod, customer_uid: customerUid, amount } = opened.payment;
  if (payMethod === 'vbank') return t.issue_vbank;
  if (customerUid && amount === 0) return t.register_card;
  return t.pay(amountText);
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || (typeof value === 'number' && isFinite(value)) ? String(value) : undefined;

/** The order as the request states it, painted before the service answers (sheet.ts, renderPendingSheet). */
function renderRequestedOrder(run: Run, root: HTMLElement, params: Record<string, unknown>): void {
  const { t, lang } = run;
  const payMethod = text(params.pay_method) ?? 'card';
  const brand = walletBrand(payMethod, (text(params.pg) ?? '').split('.')[0]!);
  const amount = typeof params.amount === 'number' && isFinite(params.amount) ? formatAmount(params.amount, text(params.currency) ?? 'KRW', lang) : undefined;
  const buyer = [params.buyer_name, params.buyer_email, params.buyer_tel].map(text).filter(Boolean).join(' · ');
  renderPendingSheet(root, {
    t,
    lang,
    providerLabel: t.checkout,
    brand,
    title: text(params.name) || t.checkout,
    amount,
    details: [
      [t.pay_method, methodName(t, payMethod, brand?.name[lang])],
      [t.merchant_uid, text(params.merchant_uid)],
      [t.buyer, buyer],
    ],
  });
}

export async function runPaymentWindow(run: Run, root: HTMLElement, params: Record<string, unknown>, origin: string | null): Promise<void> {
  const { t, lang } = run;
  renderRequestedOrder(run, root, params);
  const opened = await openCheckout<OpenedPayment>(
    run,
    root,
    '/checkout/api/payments',
    { params, origin, mode: run.mode },
    localCancel(CANCEL_MESSAGE, null, params.merchant_uid),
  );
  if (!opened) return;
  const path = `/checkout/api/payments/${encodeURIComponent(opened.imp_uid)}`;
  const token = opened.checkout_token;
  run.cancelOnLeave(cancelPath('payments', opened.imp_uid), token);

  const { payment } = opened;
  const brand = walletBrand(payment.pay_method, payment.pg_provider);
  const amountText = formatAmount(payment.amount, payment.currency, lang);
  const buyer = [payment.buyer_name, payment.buyer_email, payment.buyer_tel].filter(Boolean).join(' · ');
  document.title = `${t.checkout} · ${opened.merchant.name}`;
  const sheet = renderSheet(root, {
    t,
    lang,
    providerLabel: payment.pg_label,
    brand,
    merchant: opened.merchant,
    tier: opened.tier,
    title: payment.name || opened.merchant.name,
    amount: amountText,
    details: [
      [t.pay_method, methodName(t, payment.pay_method, brand?.name[lang])],
      [t.merchant_uid, payment.merchant_uid],
      [t.buyer, buyer],
    ],
    approveLabel: approveLabel(t, opened, amountText),
  });
  const body = bodyFor({ opened, params, t, lang, brand, amountText });
  sheet.body.append(body.element);

  const giveUp = localCancel(CANCEL_MESSAGE, opened.imp_uid, payment.merchant_uid);
  sheet.approve.addEventListener('click', () => {
    const fields = body.collect();
    if ('problem' in fields) return sheet.setError(fields.problem);
    void decide(run, sheet, `${path}/approve`, { checkout_token: token, ...fields }, 'approve', giveUp);
  });
  sheet.cancel.addEventListener('click', () => {
    void decide(run, sheet, `${path}/cancel`, { checkout_token: token }, 'cancel', giveUp);
  });
  cancelOnEscape(sheet);
}
