// Bank transfer (trans) and virtual account (vbank): pick a bank. A transfer
// is approved at once; a virtual account is issued (status stays `ready`)
// and the result, with the account details, goes to the merchant straight
// away, as V1's callback carries vbank_num / vbank_name / vbank_date.
import { el, field, select } from './dom';
import type { MethodBody, MethodContext } from './method-body';

export function bankBody(ctx: MethodContext, kind: 'trans' | 'vbank'): MethodBody {
  const { t, opened } = ctx;
  const bank = select(
    opened.banks.map((b): [string, string] => [b.code, b.name]),
    { 'data-testid': 'bank' },
  );
  const element = el(
    'div',
    { class: 'bank-body' },
    field(t.bank, bank),
    el('p', { class: 'hint' }, kind === 'vbank' ? t.vbank_note : t.trans_note),
  );
  return { element, collect: () => ({ bank_code: bank.value }) };
}
