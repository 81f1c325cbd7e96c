// "내 식별코드 · API Keys": merchant code, API key, the secret right after it
// is issued (with copy button and warning), and 재발급 with a confirm step.
import { api } from './api';
import { byTestId, show } from './dom';
import type { Keys } from './types';

export function keysSection(t: (key: string) => string) {
  const merchantCode = byTestId('merchant-code');
  const apiKey = byTestId('api-key');
  const secretPanel = byTestId('secret-panel');
  const secret = byTestId('api-secret');
  const secretHidden = byTestId('secret-hidden');
  const reissue = byTestId<HTMLButtonElement>('reissue');
  const confirmPanel = byTestId('reissue-confirm-panel');
  const confirm = byTestId<HTMLButtonElement>('reissue-confirm');
  const copy = byTestId<HTMLButtonElement>('copy-secret');

  function showSecret(value: string | null): void {
    secret.textContent = value ?? '';
    show(secretPanel, value !== null);
    show(secretHidden, value === null);
    copy.textContent = t('copy');
  }

  function closeConfirm(): void {
    show(confirmPanel, false);
    show(reissue, true);
  }

  reissue.addEventListener('click', () => {
    show(confirmPanel, true);
    show(reissue, false);
  });
  byTestId('reissue-cancel').addEventListener('click', closeConfirm);
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const result = await api<{ api_secret: string }>('POST', '/console/api/keys/reissue');
    confirm.disabled = false;
    closeConfirm();
    if (result.ok) showSecret(result.data.api_secret);
    else window.alert(`${t('request_failed')}: ${result.message}`);
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret.textContent ?? '');
      copy.textContent = t('copied');
    } catch {
      // Clipboard refused (permissions): the secret stays selectable on screen.
      window.getSelection()?.selectAllChildren(secret);
    }
  });

  return {
    render(keys: Keys): void {
      merchantCode.textContent = keys.merchant_code;
      apiKey.textContent = keys.api_key;
    },
    showSecret,
  };
}
