// Card payments: the card number (prefilled with a card that approves; test
// hook data-testid=card-number), instalments, and the documented test cards
// (docs/test-cards.md) one click away.
import { el, field, select } from './dom';
import type { MethodBody, MethodContext } from './method-body';

/** "4111111111111111" → "4111 1111 1111 1111". */
const grouped = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

const ALL_MONTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Instalment months on offer. As Korean card PGs do, only from KRW 50,000; the
 * merchant can narrow them with V1's `display.card_quota` ([] = pay in full only).
 */
function quotaMonths(ctx: MethodContext): number[] {
  const { amount, currency } = ctx.opened.payment;
  if (currency !== 'KRW' || amount < 50_000) return [];
  const display = ctx.params.display as { card_quota?: unknown } | undefined;
  const allowed = display && Array.isArray(display.card_quota) ? display.card_quota : null;
  return allowed ? ALL_MONTHS.filter((m) => allowed.includes(m)) : ALL_MONTHS;
}

export function cardBody(ctx: MethodContext): MethodBody {
  const { t, opened } = ctx;
  const number = el('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '23',
    'data-testid': 'card-number',
  });
  number.value = grouped(opened.default_card_number);

  const months = quotaMonths(ctx);
  const quota = select(
    [['0', t.lump_sum], ...months.map((m): [string, string] => [String(m), t.months(m)])],
    { 'data-testid': 'card-quota' },
  );
  quota.disabled = months.length === 0;

  const cards = el('ul', { class: 'test-cards' });
  for (const card of opened.test_cards) {
    const pick = el(
      'button',
      { type: 'button', class: `test-card test-card-${card.outcome}`, 'data-testid': 'test-card', 'data-card-number': card.number },
      el('code', {}, grouped(card.number)),
      el('span', {}, card.label),
    );
    pick.addEventListener('click', () => {
      number.value = grouped(card.number);
      number.focus();
    });
    cards.append(el('li', {}, pick));
  }

  const customerUid = opened.payment.customer_uid;
  const element = el(
    'div',
    { class: 'card-body' },
    customerUid ? el('p', { class: 'notice', 'data-testid': 'billing-key-notice' }, t.billing_key(customerUid)) : null,
    field(t.card_number, number),
    field(t.card_quota, quota, months.length === 0 ? t.quota_hint : undefined),
    el('details', { class: 'test-card-list' }, el('summary', {}, t.test_cards), cards),
  );
  return {
    element,
    collect() {
      const cardNumber = number.value.trim();
      if (!cardNumber) return { problem: t.card_number_required };
      return { card_number: cardNumber, card_quota: Number(quota.value) };
    },
  };
}
