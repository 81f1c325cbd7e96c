// The payment list (all tiers), with cancel and vbank deposit buttons.
import { api } from './api';
import { button, byTestId, el, fillRows } from './dom';
import type { PaymentSummary } from './types';

export function paymentsSection(t: (key: string) => string, afterChange: () => void) {
  const list = byTestId('payment-list');
  const error = byTestId('payment-error');

  async function act(path: string): Promise<void> {
    const result = await api('POST', path, {});
    error.textContent = result.ok ? '' : result.message;
    await load();
    afterChange();
  }

  async function load(): Promise<void> {
    const result = await api<{ payments: PaymentSummary[] }>('GET', '/console/api/payments');
    if (!result.ok) return;
    const rows = result.data.payments.map((payment) => {
      const path = `/console/api/payments/${encodeURIComponent(payment.imp_uid)}`;
      const amount = payment.cancel_amount > 0 ? `${payment.amount} (-${payment.cancel_amount}) ${payment.currency}` : `${payment.amount} ${payment.currency}`;
      return el(
        'tr',
        { 'data-testid': 'payment-row', 'data-imp-uid': payment.imp_uid, 'data-status': payment.status },
        el('td', {}, el('code', {}, payment.imp_uid)),
        el('td', {}, payment.merchant_uid),
        el('td', {}, payment.tier_code ?? ''),
        el('td', {}, payment.name ?? ''),
        el('td', {}, amount),
        el('td', {}, payment.pay_method),
        el('td', {}, payment.status),
        el(
          'td',
          {},
          payment.can_cancel ? button(t('cancel_payment'), 'payment-cancel', () => void act(`${path}/cancel`)) : null,
          payment.can_deposit ? button(t('deposit'), 'payment-deposit', () => void act(`${path}/deposit`)) : null,
        ),
      );
    });
    fillRows(list, rows, 8, t('no_payments'));
  }

  byTestId('payments-refresh').addEventListener('click', () => void load());
  return { load };
}
