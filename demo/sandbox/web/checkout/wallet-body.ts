// Easy-pay wallets (kakaopay, naverpay, tosspay, payco, ...): a mock of the
// "approve in the app" step under the wallet's own brand. Wallets are funded
// by card, so a test card (data-testid=wallet-card) decides the outcome.
import { el, field, select } from './dom';
import type { MethodBody, MethodContext } from './method-body';

export function walletBody(ctx: MethodContext): MethodBody {
  const { t, opened, lang } = ctx;
  const brandName = ctx.brand ? ctx.brand.name[lang] : opened.payment.pg_label;
  const card = select(
    opened.test_cards.map((c): [string, string] => [c.number, c.label]),
    { 'data-testid': 'wallet-card' },
    opened.default_card_number,
  );
  const element = el(
    'div',
    { class: 'wallet-body' },
    el(
      'div',
      { class: 'wallet-phone', 'aria-hidden': 'true' },
      el('span', { class: 'wallet-phone-brand' }, brandName),
      el('span', { class: 'wallet-phone-amount' }, ctx.amountText),
    ),
    el('p', { class: 'wallet-title' }, t.wallet_title(brandName)),
    el('p', { class: 'hint' }, t.wallet_note),
    field(t.wallet_card, card),
  );
  return { element, collect: () => ({ card_number: card.value }) };
}
