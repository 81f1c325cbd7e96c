// The console page: shows the sign-up/login forms or, with a session, the
// dashboard (keys, tiers, channels, webhooks, allowed origins, payments).
import { api } from './api';
import { authSection } from './auth-section';
import { channelsSection } from './channels-section';
import { byTestId, show } from './dom';
import { keysSection } from './keys-section';
import { originsSection } from './origins-section';
import { paymentsSection } from './payments-section';
import { readStrings } from './strings';
import { tiersSection } from './tiers-section';
import type { Keys } from './types';
import { webhookSection } from './webhook-section';

export function startConsole(): void {
  const { t } = readStrings();
  const auth = byTestId('auth-section');
  const dashboard = byTestId('dashboard');
  const logout = byTestId('logout');
  const account = byTestId('account-email');

  const keys = keysSection(t);
  const tiers = tiersSection(t);
  const channels = channelsSection(t);
  const webhook = webhookSection(t);
  const origins = originsSection(t);
  const payments = paymentsSection(t, () => void webhook.load());

  async function enter(issuedSecret: string | null): Promise<void> {
    const session = await api<{ signed_in: boolean }>('GET', '/console/api/session');
    const result = session.ok && session.data.signed_in ? await api<Keys>('GET', '/console/api/keys') : null;
    const signedIn = result !== null && result.ok;
    show(auth, !signedIn);
    show(dashboard, signedIn);
    show(logout, signedIn);
    if (!signedIn) {
      account.textContent = '';
      return;
    }
    account.textContent = `${result.data.name} · ${result.data.email}`;
    keys.render(result.data);
    keys.showSecret(issuedSecret);
    tiers.render(result.data.tiers);
    await Promise.all([channels.load(), webhook.load(), origins.load(), payments.load()]);
  }

  authSection((secret) => void enter(secret));
  logout.addEventListener('click', async () => {
    await api('POST', '/console/api/logout');
    await enter(null);
  });
  void enter(null);
}
