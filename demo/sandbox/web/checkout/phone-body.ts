// Mobile phone billing (휴대폰 소액결제): carrier and number, prefilled from
// buyer_tel. The sandbox approves any well-formed Korean mobile number.
import { el, field, select } from './dom';
import type { ApproveFields, MethodBody, MethodContext } from './method-body';
import { CARRIER_NAMES } from './strings';

const PHONE_CARRIERS = ['SKT', 'KT', 'LGT', 'SKT_MVNO', 'KT_MVNO', 'LGT_MVNO'];

export function phoneBody(ctx: MethodContext): MethodBody {
  const { t, lang, opened } = ctx;
  const carrier = select(
    PHONE_CARRIERS.map((c): [string, string] => [c, CARRIER_NAMES[c]![lang]]),
    { 'data-testid': 'carrier' },
  );
  const phone = el('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '20', 'data-testid': 'phone' });
  phone.value = (opened.payment.buyer_tel ?? '').replace(/[^\d-]/g, '');
  const element = el('div', { class: 'phone-body' }, field(t.carrier, carrier), field(t.phone, phone));
  return {
    element,
    collect(): ApproveFields | { problem: string } {
      return /^01\d{8,9}$/.test(phone.value.replace(/\D/g, '')) ? {} : { problem: t.phone_invalid };
    },
  };
}
