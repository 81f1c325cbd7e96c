// The window's other states: a problem it cannot get past on its own (no
// merchant page, service unreachable, expired session) and the ending, shown
// when the window stays open after its result went out (a popup whose opener
// is gone, a redirect without a landing URL).
import type { SdkResponse } from './api';
import { button, el } from './dom';
import type { Strings } from './strings';

/** A blocking problem, with optional buttons. Texts here may be bilingual: the language may not be known yet. */
export function renderProblem(root: HTMLElement, title: string, message: string, ...actions: HTMLButtonElement[]): void {
  root.replaceChildren(
    el(
      'section',
      { class: 'outcome outcome-failed', role: 'alert', 'data-testid': 'problem' },
      el('h1', {}, title),
      el('p', {}, message),
      actions.length ? el('div', { class: 'actions' }, ...actions) : null,
    ),
  );
  root.removeAttribute('aria-busy');
}

/** Asks the buyer what to do after the service could not be reached. */
export function askRetry(root: HTMLElement, t: Strings): Promise<'retry' | 'cancel'> {
  return new Promise((resolve) => {
    const retry = button(t.retry, { class: 'primary', 'data-testid': 'retry' });
    const cancel = button(t.cancel, { class: 'secondary', 'data-testid': 'cancel' });
    retry.addEventListener('click', () => resolve('retry'));
    cancel.addEventListener('click', () => resolve('cancel'));
    renderProblem(root, t.network_error, '', cancel, retry);
    retry.focus();
  });
}

export function renderOutcome(root: HTMLElement, t: Strings, response: SdkResponse, closable: boolean): void {
  const message = typeof response.error_msg === 'string' ? response.error_msg : '';
  const close = closable ? button(t.close_window, { class: 'secondary', 'data-testid': 'close-window' }) : null;
  close?.addEventListener('click', () => window.close());
  root.replaceChildren(
    el(
      'section',
      { class: `outcome ${response.success ? 'outcome-done' : 'outcome-failed'}`, role: 'status', 'data-testid': 'outcome' },
      el('h1', {}, response.success ? t.done_success : t.done_failed),
      message ? el('p', {}, message) : null,
      el('p', { class: 'hint' }, t.done_close_hint),
      close ? el('div', { class: 'actions' }, close) : null,
    ),
  );
  root.removeAttribute('aria-busy');
}
