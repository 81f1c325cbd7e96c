// The window's common frame: header (PG or wallet brand, TEST badge), the
// order summary (merchant, tier, order name, amount, details), a slot for the
// pay method's own fields, one error line, and the cancel / approve buttons
// (test hooks data-testid=cancel / approve, DESIGN "Checkout window test hooks").
import type { Party } from './api';
import type { Brand } from './brands';
import { button, el, nextId } from './dom';
import type { Lang, Strings } from './strings';

export interface SheetSpec {
  t: Strings;
  lang: Lang;
  /** The PG's name ("KG이니시스 (웹표준)"), or the wallet brand when there is one. */
  providerLabel: string;
  brand?: Brand;
  merchant: Party;
  tier: Party | null;
  /** Order name, or the window's purpose for certifications. */
  title: string;
  /** Formatted amount; absent for certifications. */
  amount?: string;
  details: Array<[label: string, value: string | null | undefined]>;
  approveLabel: string;
}

export interface Sheet {
  /** Where the pay method (or identity form) puts its fields. */
  body: HTMLElement;
  approve: HTMLButtonElement;
  cancel: HTMLButtonElement;
  setError(message: string): void;
  setBusy(busy: boolean): void;
}

/** The header and the order summary, shared by the pending and the full sheet. */
function summaryParts(spec: Pick<SheetSpec, 't' | 'lang' | 'providerLabel' | 'brand' | 'title' | 'amount' | 'details'> & { merchantLine: string }) {
  const { t } = spec;
  const titleId = nextId('title');
  const header = el(
    'header',
    { class: 'sheet-head', 'data-brand': spec.brand?.key ?? 'pg' },
    el('span', { class: 'provider' }, spec.brand ? spec.brand.name[spec.lang] : spec.providerLabel),
    el('span', { class: 'badge', title: t.sandbox_note }, t.test_badge),
  );
  const details = el('dl', { class: 'details' });
  for (const [label, value] of spec.details) {
    if (value) details.append(el('dt', {}, label), el('dd', {}, value));
  }
  const summary = el(
    'section',
    { class: 'summary', 'aria-labelledby': titleId },
    el('p', { class: 'merchant', 'data-testid': 'merchant-name' }, spec.merchantLine),
    el('h1', { id: titleId, tabindex: '-1', 'data-testid': 'order-name' }, spec.title),
    spec.amount ? el('p', { class: 'amount', 'data-testid': 'amount' }, spec.amount) : null,
    details,
  );
  return { header, summary, titleId };
}

/**
 * What the request itself says (order name, amount, pay method, order id,
 * buyer), painted as soon as the request arrives instead of a spinner until
 * the service has opened the payment: the buyer sees the order at once. No
 * buttons yet: the approve / cancel test hooks appear only once the payment
 * is open, and renderSheet replaces all of this then.
 */
export function renderPendingSheet(root: HTMLElement, spec: Pick<SheetSpec, 't' | 'lang' | 'providerLabel' | 'brand' | 'title' | 'amount' | 'details'>): void {
  const { header, summary, titleId } = summaryParts({ ...spec, merchantLine: '\u00a0' });
  const loading = el('div', { class: 'loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', {}, spec.t.processing));
  root.replaceChildren(header, summary, loading);
  root.setAttribute('aria-labelledby', titleId);
  root.setAttribute('aria-busy', 'true');
}

export function renderSheet(root: HTMLElement, spec: SheetSpec): Sheet {
  const { t } = spec;
  const merchantLine = spec.tier ? `${spec.merchant.name} · ${spec.tier.name}` : spec.merchant.name;
  const { header, summary, titleId } = summaryParts({ ...spec, merchantLine });
  const body = el('section', { class: 'method' });
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'error' });
  const cancel = button(t.cancel, { class: 'secondary', 'data-testid': 'cancel' });
  const approve = button(spec.approveLabel, { class: 'primary', 'data-testid': 'approve' });
  const actions = el('div', { class: 'actions' }, cancel, approve);
  const note = el('p', { class: 'note' }, t.sandbox_note);

  root.replaceChildren(header, summary, body, error, actions, note);
  root.setAttribute('aria-labelledby', titleId);
  root.removeAttribute('aria-busy');
  (summary.querySelector('h1') as HTMLElement).focus();

  return {
    body,
    approve,
    cancel,
    setError(message) {
      error.textContent = message;
    },
    setBusy(busy) {
      approve.disabled = busy;
      cancel.disabled = busy;
      root.setAttribute('aria-busy', String(busy));
      approve.textContent = busy ? t.processing : spec.approveLabel;
    },
  };
}
