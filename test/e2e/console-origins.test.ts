// The console's 허용 도메인 section in headless Chromium: the empty list says
// every origin is allowed; adding an origin lists it (normalised) and says it
// is enforced; an invalid one shows the error; removing it opens up again.
// The checkout refusal itself (F1009) is tested at the API level in
// test/sandbox/allowed-origins.test.ts.
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
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('console: allowed origins', () => {
  it('lists, adds and removes origins, and says whether the list is enforced', async () => {
    await page.goto(`${sandbox.url}/console`);
    await page.getByTestId('signup-email').fill('origins-owner@example.com');
    await page.getByTestId('signup-password').fill('origins password 1');
    await page.getByTestId('signup-name').fill('도메인 상점');
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });

    const mode = page.getByTestId('origins-mode');
    await page.waitForFunction(() => (document.querySelector('[data-testid="origins-mode"]')?.textContent ?? '') !== '');
    expect(await mode.getAttribute('data-enforced')).toBe('false');
    expect(await mode.textContent()).toContain('모든 도메인');

    await page.getByTestId('origin-input').fill('https://Shop.Example:443');
    await page.getByTestId('origin-add').click();
    await page.locator('[data-testid="origin-row"][data-origin="https://shop.example"]').waitFor({ state: 'visible' });
    expect(await mode.getAttribute('data-enforced')).toBe('true');

    await page.getByTestId('origin-input').fill('https://shop.example/checkout');
    await page.getByTestId('origin-add').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="origin-error"]')?.textContent ?? '') !== '');
    expect(await page.getByTestId('origin-error').textContent()).toMatch(/path/);
    expect(await page.locator('[data-testid="origin-row"]').count()).toBe(1);

    await page.locator('[data-testid="origin-row"][data-origin="https://shop.example"] [data-testid="origin-remove"]').click();
    await page.locator('[data-testid="origin-row"]').waitFor({ state: 'detached' });
    expect(await mode.getAttribute('data-enforced')).toBe('false');
    expect(pageErrors).toEqual([]);
  });
});
