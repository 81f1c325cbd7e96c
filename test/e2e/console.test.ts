// The merchant console in a real browser (headless Chromium): sign up, see
// the merchant code, API key and secret, reissue the secret through the
// confirmation step, and add a tier code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from '../support/sandbox';

let browser: Browser;
let sandbox: RunningSandbox;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildSandboxPages();
  sandbox = await startTestSandbox();
  browser = await launchChromium();
  page = await browser.newPage();
  // CSP violations and script errors surface here.
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function getToken(apiKey: string, apiSecret: string): Promise<number> {
  const response = await fetch(`${sandbox.url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: apiKey, imp_secret: apiSecret }),
  });
  return response.status;
}

describe('console page', () => {
  it('signs up, shows the keys, reissues the secret and adds a tier', async () => {
    await page.goto(`${sandbox.url}/console`);
    await page.getByTestId('auth-section').waitFor({ state: 'visible' });
    await page.getByTestId('signup-email').fill('browser-owner@example.com');
    await page.getByTestId('signup-password').fill('browser password 1');
    await page.getByTestId('signup-name').fill('브라우저 상점');
    await page.getByTestId('signup-submit').click();

    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    const merchantCode = await page.getByTestId('merchant-code').textContent();
    const apiKey = (await page.getByTestId('api-key').textContent())!;
    const firstSecret = (await page.getByTestId('api-secret').textContent())!;
    expect(merchantCode).toMatch(/^imp\d{8}$/);
    expect(apiKey).toMatch(/^\d{16}$/);
    expect(firstSecret).toMatch(/^[0-9a-f]{80}$/);
    expect(await page.getByTestId('secret-panel').isVisible()).toBe(true);
    expect(await page.getByTestId('account-email').textContent()).toContain('browser-owner@example.com');
    expect(await getToken(apiKey, firstSecret)).toBe(200);

    // 재발급 asks first; cancelling changes nothing.
    await page.getByTestId('reissue').click();
    await page.getByTestId('reissue-confirm-panel').waitFor({ state: 'visible' });
    await page.getByTestId('reissue-cancel').click();
    expect(await page.getByTestId('reissue-confirm-panel').isHidden()).toBe(true);
    expect(await page.getByTestId('api-secret').textContent()).toBe(firstSecret);

    await page.getByTestId('reissue').click();
    await page.getByTestId('reissue-confirm').click();
    await page.waitForFunction(
      (old) => {
        const text = document.querySelector('[data-testid="api-secret"]')?.textContent ?? '';
        return text !== old && /^[0-9a-f]{80}$/.test(text);
      },
      firstSecret,
    );
    const newSecret = (await page.getByTestId('api-secret').textContent())!;
    expect(newSecret).not.toBe(firstSecret);
    expect(await getToken(apiKey, firstSecret)).toBe(401);
    expect(await getToken(apiKey, newSecret)).toBe(200);

    await page.getByTestId('tier-name').fill('강남점');
    await page.getByTestId('tier-code').fill('g01');
    await page.getByTestId('tier-add').click();
    const row = page.locator('[data-testid="tier-row"][data-tier-code="G01"]');
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('강남점');

    // After a reload the secret is gone for good; the tier stays.
    await page.reload();
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    expect(await page.getByTestId('secret-panel').isHidden()).toBe(true);
    expect(await page.getByTestId('secret-hidden').isVisible()).toBe(true);
    await page.locator('[data-testid="tier-row"][data-tier-code="G01"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="channel-row"]').count()).toBeGreaterThan(10);

    expect(pageErrors).toEqual([]);
  });

  it('switches to English and remembers it', async () => {
    await page.getByTestId('lang-en').click();
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="keys-section"] h2').textContent()).toBe('Merchant code · API Keys');
    await page.goto(`${sandbox.url}/console`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-ko').click();
    expect(await page.locator('[data-testid="keys-section"] h2').textContent()).toBe('내 식별코드 · API Keys');
  });

  it('logs out and back in with the password', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('auth-section').waitFor({ state: 'visible' });
    await page.getByTestId('login-email').fill('browser-owner@example.com');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="auth-error"]')?.textContent ?? '') !== '');
    await page.getByTestId('login-password').fill('browser password 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    expect(pageErrors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
