// The console page (/console): static markup rendered in the chosen
// language; web/console.ts (built to /assets/console.js) fills it in through
// the console JSON API. No inline script: the strings travel in a JSON
// island, which CSP `script-src 'self'` allows because it is never executed.
// data-testid attributes are the test hooks (listed in docs/console.md).
import { CONSOLE_STRINGS, type ConsoleLanguage, type StringKey } from './strings';
import { escapeHtml } from '../lib/html';


/** JSON safe inside <script type="application/json">: no "</script>" or "<!--" can appear. */
const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderConsolePage(lang: ConsoleLanguage): string {
  const strings = CONSOLE_STRINGS[lang];
  const t = (key: StringKey) => escapeHtml(strings[key]);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/console.css">
<script type="application/json" id="console-strings">${jsonForHtml({ lang, strings })}</script>
<script src="/assets/console.js" defer></script>
</head>
<body>
<header class="top">
  <strong class="brand">${t('brand')}</strong>
  <nav class="lang">
    <a href="/console?lang=ko" data-testid="lang-ko"${lang === 'ko' ? ' aria-current="page"' : ''}>한국어</a>
    <a href="/console?lang=en" data-testid="lang-en"${lang === 'en' ? ' aria-current="page"' : ''}>English</a>
  </nav>
  <span class="account" data-testid="account-email"></span>
  <button type="button" data-testid="logout" hidden>${t('logout')}</button>
</header>
<main>
<section data-testid="auth-section" class="auth" hidden>
  <form data-testid="signup-form" class="card">
    <h2>${t('signup_title')}</h2>
    <label>${t('email')} <input type="email" name="email" required autocomplete="email" data-testid="signup-email"></label>
    <label>${t('password_new')} <input type="password" name="password" required minlength="8" autocomplete="new-password" data-testid="signup-password"></label>
    <label>${t('store_name')} <input type="text" name="name" required maxlength="100" data-testid="signup-name"></label>
    <button type="submit" data-testid="signup-submit">${t('signup_submit')}</button>
  </form>
  <form data-testid="login-form" class="card">
    <h2>${t('login_title')}</h2>
    <label>${t('email')} <input type="email" name="email" required autocomplete="username" data-testid="login-email"></label>
    <label>${t('password')} <input type="password" name="password" required autocomplete="current-password" data-testid="login-password"></label>
    <button type="submit" data-testid="login-submit">${t('login_submit')}</button>
    <p class="hint">${t('demo_hint')}</p>
  </form>
  <p role="alert" class="error" data-testid="auth-error"></p>
</section>

<div data-testid="dashboard" hidden>
<section class="card" data-testid="keys-section">
  <h2>${t('keys_title')}</h2>
  <dl class="keys">
    <dt>${t('merchant_code')}</dt>
    <dd><code data-testid="merchant-code"></code><small>${t('merchant_code_help')}</small></dd>
    <dt>${t('api_key')}</dt>
    <dd><code data-testid="api-key"></code></dd>
    <dt>${t('api_secret')}</dt>
    <dd>
      <div data-testid="secret-panel" class="secret" hidden>
        <code data-testid="api-secret"></code>
        <button type="button" data-testid="copy-secret">${t('copy')}</button>
        <p class="warning" role="status">${t('secret_warning')}</p>
      </div>
      <p data-testid="secret-hidden" class="muted">${t('secret_hidden')}</p>
    </dd>
  </dl>
  <button type="button" data-testid="reissue">${t('reissue')}</button>
  <div data-testid="reissue-confirm-panel" class="confirm" role="alertdialog" hidden>
    <p>${t('reissue_warning')}</p>
    <button type="button" class="danger" data-testid="reissue-confirm">${t('reissue_confirm')}</button>
    <button type="button" data-testid="reissue-cancel">${t('cancel')}</button>
  </div>
</section>

<section class="card" data-testid="tiers-section">
  <h2>${t('tiers_title')}</h2>
  <p class="muted">${t('tiers_help')}</p>
  <table>
    <thead><tr><th>${t('tier_code')}</th><th>${t('tier_name')}</th><th></th></tr></thead>
    <tbody data-testid="tier-list"></tbody>
  </table>
  <form data-testid="tier-form" class="inline">
    <input type="text" name="name" required maxlength="50" placeholder="${t('tier_name')}" data-testid="tier-name">
    <input type="text" name="tier_code" maxlength="3" pattern="[A-Za-z0-9]{3}" placeholder="${t('tier_code_optional')}" data-testid="tier-code">
    <button type="submit" data-testid="tier-add">${t('add')}</button>
  </form>
  <p role="alert" class="error" data-testid="tier-error"></p>
</section>

<section class="card" data-testid="channels-section">
  <h2>${t('channels_title')}</h2>
  <p class="muted">${t('channels_help')}</p>
  <table>
    <thead><tr><th>${t('kind')}</th><th>${t('pg_provider')}</th><th>${t('pg_id')}</th><th>${t('channel_key')}</th><th></th></tr></thead>
    <tbody data-testid="channel-list"></tbody>
  </table>
  <form data-testid="channel-form" class="inline">
    <select name="provider" data-testid="channel-provider"></select>
    <input type="text" name="pg_id" maxlength="64" placeholder="${t('pg_id_placeholder')}" data-testid="channel-pg-id">
    <button type="submit" data-testid="channel-add">${t('add')}</button>
  </form>
  <p role="alert" class="error" data-testid="channel-error"></p>
</section>

<section class="card" data-testid="webhook-section">
  <h2>${t('webhook_title')}</h2>
  <p class="muted">${t('webhook_help')}</p>
  <form data-testid="webhook-form" class="inline">
    <input type="url" name="url" placeholder="https://example.com/iamport-webhook" data-testid="webhook-url">
    <label>${t('webhook_format')} <select name="content_type" data-testid="webhook-content-type">
      <option value="json">application/json</option>
      <option value="form">application/x-www-form-urlencoded</option>
    </select></label>
    <button type="submit" data-testid="webhook-save">${t('save')}</button>
  </form>
  <p role="status" data-testid="webhook-message"></p>
  <h3>${t('deliveries_title')} <button type="button" data-testid="webhook-refresh">${t('refresh')}</button></h3>
  <table>
    <thead><tr><th>imp_uid</th><th>${t('status')}</th><th>URL</th><th>${t('attempts')}</th><th>${t('last_result')}</th></tr></thead>
    <tbody data-testid="webhook-deliveries"></tbody>
  </table>
</section>

<section class="card" data-testid="origins-section">
  <h2>${t('origins_title')}</h2>
  <p class="muted">${t('origins_help')}</p>
  <p role="status" data-testid="origins-mode" data-enforced="false"></p>
  <table>
    <tbody data-testid="origin-list"></tbody>
  </table>
  <form data-testid="origin-form" class="inline">
    <input type="url" name="origin" required maxlength="300" placeholder="${t('origin_placeholder')}" data-testid="origin-input">
    <button type="submit" data-testid="origin-add">${t('add')}</button>
  </form>
  <p role="alert" class="error" data-testid="origin-error"></p>
</section>

<section class="card" data-testid="payments-section">
  <h2>${t('payments_title')} <button type="button" data-testid="payments-refresh">${t('refresh')}</button></h2>
  <table>
    <thead><tr><th>imp_uid</th><th>${t('merchant_uid')}</th><th>${t('tier_code')}</th><th>${t('order_name')}</th><th>${t('amount')}</th><th>${t('pay_method')}</th><th>${t('status')}</th><th></th></tr></thead>
    <tbody data-testid="payment-list"></tbody>
  </table>
  <p role="alert" class="error" data-testid="payment-error"></p>
</section>
</div>
</main>
</body>
</html>
`;
}
