// Webhook URL and format, and the last 50 deliveries with their state.
import { api } from './api';
import { byTestId, el, fillRows, formValue } from './dom';
import type { Delivery } from './types';

export function webhookSection(t: (key: string) => string) {
  const form = byTestId<HTMLFormElement>('webhook-form');
  const url = byTestId<HTMLInputElement>('webhook-url');
  const format = byTestId<HTMLSelectElement>('webhook-content-type');
  const message = byTestId('webhook-message');
  const list = byTestId('webhook-deliveries');

  async function load(): Promise<void> {
    const result = await api<{ url: string | null; content_type: string; deliveries: Delivery[] }>('GET', '/console/api/webhook');
    if (!result.ok) return;
    if (document.activeElement !== url) url.value = result.data.url ?? '';
    format.value = result.data.content_type;
    const rows = result.data.deliveries.map((delivery) =>
      el(
        'tr',
        { 'data-testid': 'webhook-delivery', 'data-state': delivery.state },
        el('td', {}, el('code', {}, delivery.imp_uid)),
        el('td', {}, `${delivery.status} · ${t(`state_${delivery.state}`)}`),
        el('td', { class: 'small' }, delivery.url),
        el('td', {}, String(delivery.attempts)),
        el('td', { class: 'small' }, delivery.last_status !== null ? `HTTP ${delivery.last_status}` : (delivery.last_error ?? '')),
      ),
    );
    fillRows(list, rows, 5, t('no_deliveries'));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('PUT', '/console/api/webhook', { url: formValue(form, 'url'), content_type: formValue(form, 'content_type') });
    message.textContent = result.ok ? t('saved') : result.message;
    await load();
  });
  byTestId('webhook-refresh').addEventListener('click', () => void load());

  return { load };
}
