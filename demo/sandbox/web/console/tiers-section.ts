// 하위가맹점 (tier codes): list, add (chosen or generated code), remove.
import { api } from './api';
import { button, byTestId, el, fillRows, formValue } from './dom';
import type { Tier } from './types';

export function tiersSection(t: (key: string) => string) {
  const list = byTestId('tier-list');
  const form = byTestId<HTMLFormElement>('tier-form');
  const error = byTestId('tier-error');

  function render(tiers: Tier[]): void {
    const rows = tiers.map((tier) =>
      el(
        'tr',
        { 'data-testid': 'tier-row', 'data-tier-code': tier.tier_code },
        el('td', {}, el('code', {}, tier.tier_code)),
        el('td', {}, tier.name),
        el('td', {}, button(t('remove'), 'tier-remove', () => void remove(tier.tier_code))),
      ),
    );
    fillRows(list, rows, 3, t('no_tiers'));
  }

  async function load(): Promise<void> {
    const result = await api<{ tiers: Tier[] }>('GET', '/console/api/tiers');
    if (result.ok) render(result.data.tiers);
  }

  async function remove(code: string): Promise<void> {
    const result = await api('DELETE', `/console/api/tiers/${encodeURIComponent(code)}`);
    error.textContent = result.ok ? '' : result.message;
    await load();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = formValue(form, 'tier_code').trim();
    const result = await api<Tier>('POST', '/console/api/tiers', { name: formValue(form, 'name'), tier_code: code || null });
    error.textContent = result.ok ? '' : result.message;
    if (result.ok) form.reset();
    await load();
  });

  return { render, load };
}
