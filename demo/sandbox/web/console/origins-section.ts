// 허용 도메인 (allowed origins): list, add, remove; says plainly whether the
// list is enforced (an empty list allows every origin).
import { api } from './api';
import { button, byTestId, el, fillRows, formValue } from './dom';
import type { AllowedOrigins } from './types';

export function originsSection(t: (key: string) => string) {
  const list = byTestId('origin-list');
  const mode = byTestId('origins-mode');
  const form = byTestId<HTMLFormElement>('origin-form');
  const error = byTestId('origin-error');

  function render(data: AllowedOrigins): void {
    mode.textContent = data.enforced ? t('origins_enforced') : t('origins_open');
    mode.dataset.enforced = String(data.enforced);
    const rows = data.origins.map((origin) =>
      el(
        'tr',
        { 'data-testid': 'origin-row', 'data-origin': origin },
        el('td', {}, el('code', {}, origin)),
        el('td', {}, button(t('remove'), 'origin-remove', () => void remove(origin))),
      ),
    );
    fillRows(list, rows, 2, t('no_origins'));
  }

  async function load(): Promise<void> {
    const result = await api<AllowedOrigins>('GET', '/console/api/origins');
    if (result.ok) render(result.data);
  }

  async function remove(origin: string): Promise<void> {
    const result = await api<AllowedOrigins>('DELETE', `/console/api/origins/${encodeURIComponent(origin)}`);
    error.textContent = result.ok ? '' : result.message;
    await load();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api<AllowedOrigins>('POST', '/console/api/origins', { origin: formValue(form, 'origin') });
    error.textContent = result.ok ? '' : result.message;
    if (result.ok) form.reset();
    await load();
  });

  return { load };
}
