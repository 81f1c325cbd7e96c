// PG channels: list, add (provider + MID), remove, make default.
import { api } from './api';
import { button, byTestId, el, fillRows, formValue } from './dom';
import type { Channel, Provider } from './types';

export function channelsSection(t: (key: string) => string) {
  const list = byTestId('channel-list');
  const form = byTestId<HTMLFormElement>('channel-form');
  const select = byTestId<HTMLSelectElement>('channel-provider');
  const error = byTestId('channel-error');

  function fillProviders(providers: Provider[]): void {
    if (select.options.length > 0) return;
    for (const provider of providers) {
      const option = el('option', { value: `${provider.kind}:${provider.pg_provider}` }, `${provider.label} (${provider.pg_provider}) · ${t(`kind_${provider.kind}`)}`);
      select.append(option);
    }
  }

  async function act(method: string, path: string): Promise<void> {
    const result = await api(method, path);
    error.textContent = result.ok ? '' : result.message;
    await load();
  }

  async function load(): Promise<void> {
    const result = await api<{ channels: Channel[]; providers: Provider[] }>('GET', '/console/api/channels');
    if (!result.ok) return;
    fillProviders(result.data.providers);
    const rows = result.data.channels.map((channel) =>
      el(
        'tr',
        { 'data-testid': 'channel-row', 'data-pg': `${channel.pg_provider}.${channel.pg_id}` },
        el('td', {}, t(`kind_${channel.kind}`)),
        el('td', {}, el('code', {}, channel.pg_provider), channel.is_default ? el('strong', { class: 'badge' }, t('is_default')) : null),
        el('td', {}, el('code', {}, channel.pg_id)),
        el('td', {}, el('code', { class: 'small' }, channel.channel_key)),
        el(
          'td',
          {},
          channel.is_default ? null : button(t('set_default'), 'channel-default', () => void act('POST', `/console/api/channels/${channel.id}/default`)),
          button(t('remove'), 'channel-remove', () => void act('DELETE', `/console/api/channels/${channel.id}`)),
        ),
      ),
    );
    fillRows(list, rows, 5, '');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [kind, provider] = formValue(form, 'provider').split(':');
    const pgId = formValue(form, 'pg_id').trim();
    const result = await api('POST', '/console/api/channels', { pg_provider: provider, pg_id: pgId || null, kind });
    error.textContent = result.ok ? '' : result.message;
    if (result.ok) form.reset();
    await load();
  });

  return { load };
}
