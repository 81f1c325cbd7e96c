// The identity-verification window (IMP.certification): a test identity,
// prefilled with the merchant's name/phone/carrier over the sandbox's test
// person, that the buyer confirms or edits, then verifies or cancels.
import { CERTIFICATION_CANCEL_MESSAGE } from '../../../../src/errors';
import { cancelPath, type OpenedCertification } from './api';
import { el, field, select } from './dom';
import type { Run } from './run';
import { renderPendingSheet, renderSheet } from './sheet';
import { cancelOnEscape, decide, localCancel, openCheckout } from './steps';
import { CARRIER_NAMES, type Lang, type Strings } from './strings';

interface IdentityFields {
  name: string;
  birthday: string;
  gender: string;
  carrier: string;
  phone: string;
  foreigner: boolean;
}

function identityForm(opened: OpenedCertification, t: Strings, lang: Lang) {
  const { prefill } = opened;
  const input = (testId: string, value: string, attributes: Record<string, string> = {}) => {
    const element = el('input', { type: 'text', 'data-testid': testId, ...attributes });
    element.value = value;
    return element;
  };
  const name = input('identity-name', prefill.name, { autocomplete: 'name', maxlength: '50' });
  const birthday = input('identity-birthday', prefill.birthday, { type: 'date', autocomplete: 'bday' });
  const gender = select(
    [
      ['male', t.male],
      ['female', t.female],
    ],
    { 'data-testid': 'identity-gender' },
    prefill.gender,
  );
  const carrier = select(
    opened.carriers.map((c): [string, string] => [c, CARRIER_NAMES[c]?.[lang] ?? c]),
    { 'data-testid': 'identity-carrier' },
    prefill.carrier,
  );
  const phone = input('identity-phone', prefill.phone, { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '20' });
  const foreigner = el('input', { type: 'checkbox', 'data-testid': 'identity-foreigner' });
  foreigner.checked = prefill.foreigner;

  const element = el(
    'div',
    { class: 'identity-body' },
    el('p', { class: 'hint' }, t.identity_note),
    field(t.name, name),
    el('div', { class: 'field-row' }, field(t.birthday, birthday), field(t.gender, gender)),
    el('div', { class: 'field-row' }, field(t.carrier, carrier), field(t.phone, phone)),
    el('label', { class: 'check' }, foreigner, t.foreigner),
  );
  // The service checks the identity too; these catch the common slips in the buyer's language first.
  const collect = (): IdentityFields | { problem: string } => {
    const fields = {
      name: name.value.trim(),
      birthday: birthday.value,
      gender: gender.value,
      carrier: carrier.value,
      phone: phone.value.replace(/\D/g, ''),
      foreigner: foreigner.checked,
    };
    if (!fields.name) return { problem: t.name_required };
    if (!fields.birthday) return { problem: t.birthday_required };
    if (!/^01\d{8,9}$/.test(fields.phone)) return { problem: t.phone_invalid };
    return fields;
  };
  return { element, collect };
}

export async function runCertificationWindow(run: Run, root: HTMLElement, params: Record<string, unknown>, origin: string | null): Promise<void> {
  const { t, lang } = run;
  // What the request says, painted before the service answers (sheet.ts, renderPendingSheet).
  renderPendingSheet(root, {
    t,
    lang,
    providerLabel: t.certification,
    title: t.certification,
    details: [[t.merchant_uid, typeof params.merchant_uid === 'string' ? params.merchant_uid : undefined]],
  });
  const opened = await openCheckout<OpenedCertification>(
    run,
    root,
    '/checkout/api/certifications',
    { params, origin, mode: run.mode },
    localCancel(CERTIFICATION_CANCEL_MESSAGE, null, params.merchant_uid),
  );
  if (!opened) return;
  const path = `/checkout/api/certifications/${encodeURIComponent(opened.imp_uid)}`;
  const token = opened.checkout_token;
  run.cancelOnLeave(cancelPath('certifications', opened.imp_uid), token);

  const { certification } = opened;
  const company = certification.company || opened.merchant.name;
  document.title = `${t.certification} · ${opened.merchant.name}`;
  const sheet = renderSheet(root, {
    t,
    lang,
    providerLabel: certification.pg_label,
    merchant: opened.merchant,
    tier: opened.tier,
    title: t.certification,
    details: [[t.merchant_uid, certification.merchant_uid]],
    approveLabel: t.verify,
  });
  const form = identityForm(opened, t, lang);
  sheet.body.append(
    el(
      'div',
      { class: 'certification-body' },
      el('p', { class: 'intro' }, t.certification_intro(company)),
      certification.min_age !== null ? el('p', { class: 'notice' }, t.min_age(certification.min_age)) : null,
      form.element,
    ),
  );

  const giveUp = localCancel(CERTIFICATION_CANCEL_MESSAGE, opened.imp_uid, certification.merchant_uid);
  sheet.approve.addEventListener('click', () => {
    const fields = form.collect();
    if ('problem' in fields) return sheet.setError(fields.problem);
    void decide(run, sheet, `${path}/approve`, { checkout_token: token, ...fields }, 'approve', giveUp);
  });
  sheet.cancel.addEventListener('click', () => {
    void decide(run, sheet, `${path}/cancel`, { checkout_token: token }, 'cancel', giveUp);
  });
  cancelOnEscape(sheet);
}
