// The browser tests' world: the sandbox (origin A, http://127.0.0.1:<a>), a
// merchant site serving the fixture pages (origin B, http://localhost:<b>), a
// third-party site (origin C, http://127.0.0.1:<c>), and Chromium. Plus what
// the tests ask of it: start a checkout the way a shop does, read what the
// merchant page received, check the REST API a merchant server would call,
// and look for anything a finished checkout left on the page.
import type { Browser, BrowserContext, BrowserContextOptions, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { launchChromium } from './chromium';
import { startMerchantSite, type MerchantSite } from './merchant-site';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from './sandbox';

export { DEMO_MERCHANT };

export interface CheckoutWorld {
  sandbox: RunningSandbox;
  /** The merchant's site, origin B. */
  shop: MerchantSite;
  /** A third-party site (ads, widgets) and "not a checkout service", origin C. */
  third: MerchantSite;
  browser: Browser;
  close(): Promise<void>;
}

export async function startCheckoutWorld(): Promise<CheckoutWorld> {
  // The browser first: without Chromium the tests fail loudly before any server starts.
  const browser = await launchChromium();
  await buildSandboxPages();
  const sandbox = await startTestSandbox();
  const third = await startMerchantSite({ host: '127.0.0.1' });
  const shop = await startMerchantSite({ host: 'localhost', vars: { SANDBOX: sandbox.url, HOSTILE: third.url } });
  return {
    sandbox,
    shop,
    third,
    browser,
    async close() {
      await browser.close();
      await shop.close();
      await third.close();
      await sandbox.close();
    },
  };
}

/** What a fixture page's checkout start looks like (test/e2e/fixtures/harness.js). */
export interface Start {
  id: number;
  params: Record<string, unknown>;
  action?: 'payment' | 'certification';
  /** A tier code: IMP.agency(code, tier) instead of IMP.init. */
  agency?: string;
  /** false: do not call IMP.init first (the page already did). */
  init?: boolean;
  code?: string;
}

export interface ShopPage {
  context: BrowserContext;
  page: Page;
  /** Script errors and console errors from every page and frame in the context. */
  errors: string[];
}

export async function openShopPage(
  world: CheckoutWorld,
  fixture: string,
  options: BrowserContextOptions = {},
  /** Runs on the new context before the page loads (init scripts, listeners). */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<ShopPage> {
  const context = await world.browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
  const errors: string[] = [];
  context.on('page', (page) => watch(page, errors)); // this page, and the popups it opens
  if (prepare) await prepare(context);
  const page = await context.newPage();
  await page.goto(`${world.shop.url}/${fixture}`);
  return { context, page, errors };
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
}

let nextId = 0;
/** A merchant_uid no other test uses. */
export const orderId = (prefix = 'order'): string => `${prefix}-${Date.now()}-${++nextId}`;

/** Starts a checkout from a real click on the page's pay button (a user gesture, as shops do). */
export async function clickToStart(page: Page, start: Start): Promise<void> {
  await page.evaluate((next) => {
    (window as unknown as { __next: unknown }).__next = next;
  }, start);
  await page.click('#pay');
}

/**
 * Starts a checkout from the keyboard: Enter on the focused pay button, a
 * user gesture too. Unlike a Playwright click it does not scroll the page or
 * hit-test through the page (Playwright leaves window listeners of its own
 * behind after a click, which footprint() would count), so tests that compare
 * the page before and after use this.
 */
export async function pressToStart(page: Page, start: Start): Promise<void> {
  await page.evaluate((next) => {
    (window as unknown as { __next: unknown }).__next = next;
    document.getElementById('pay')!.focus({ preventScroll: true });
  }, start);
  await page.keyboard.press('Enter');
}

/** Starts a checkout from script, outside any user gesture. */
export async function startFromScript(page: Page, start: Start): Promise<void> {
  await page.evaluate((next) => (window as unknown as { __start(n: unknown): void }).__start(next), start);
}

export interface Outcome {
  /** What the callback received (as JSON). */
  response: Record<string, any>;
  /** The callback ran once, and the promise resolved with the very same object. */
  callbacks: number;
  same: boolean;
}

/** Waits for start `id` to be answered through both the callback and the promise. */
export async function outcomeOf(page: Page, id: number): Promise<Outcome> {
  const handle = await page.waitForFunction(
    (n) => (window as unknown as { __outcome(n: number): unknown }).__outcome(n),
    id,
    { timeout: 30_000 },
  );
  const outcome = (await handle.jsonValue()) as { json: Record<string, any>; callbacks: number; same: boolean };
  return { response: outcome.json, callbacks: outcome.callbacks, same: outcome.same };
}

/** Asserts the merchant got exactly one answer, the same object through callback and promise. */
export async function answered(page: Page, id: number): Promise<Record<string, any>> {
  const outcome = await outcomeOf(page, id);
  expect(outcome.callbacks).toBe(1);
  expect(outcome.same).toBe(true);
  return outcome.response;
}

/** The checkout window inside the SDK's overlay. */
export const overlayFrame = (page: Page): FrameLocator => page.frameLocator('[role="dialog"] iframe');

// --- the merchant server's view: the V1 REST API -------------------------

export interface RestAnswer {
  status: number;
  body: { code: number; message: string | null; response: any };
}

let token: { base: string; value: string } | null = null;

async function accessToken(base: string): Promise<string> {
  if (token?.base === base) return token.value;
  const response = await fetch(`${base}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: DEMO_MERCHANT.apiKey, imp_secret: DEMO_MERCHANT.apiSecret }),
  });
  const body = (await response.json()) as { response: { access_token: string } };
  token = { base, value: body.response.access_token };
  return token.value;
}

/** GET a REST path as the demo merchant's server would (Tier header for a sub-merchant). */
export async function rest(sandbox: RunningSandbox, path: string, tier?: string): Promise<RestAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${await accessToken(sandbox.url)}` };
  if (tier) headers.tier = tier;
  const response = await fetch(`${sandbox.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as RestAnswer['body'] };
}

/** The payment through REST, expected to exist. */
export async function restPayment(sandbox: RunningSandbox, impUid: string, tier?: string): Promise<Record<string, any>> {
  const answer = await rest(sandbox, `/payments/${encodeURIComponent(impUid)}`, tier);
  expect(answer.status).toBe(200);
  return answer.body.response as Record<string, any>;
}

/** The one payment of an order through REST (when the browser never learned its imp_uid). */
export async function restPaymentOf(sandbox: RunningSandbox, merchantUid: string, tier?: string): Promise<Record<string, any>> {
  const answer = await rest(sandbox, `/payments/findAll/${encodeURIComponent(merchantUid)}`, tier);
  expect(answer.status).toBe(200);
  const { list } = answer.body.response as { list: Array<Record<string, any>> };
  expect(list).toHaveLength(1);
  return list[0]!;
}

// --- what a finished checkout must not leave behind ----------------------

export interface PageFootprint {
  elements: number;
  listeners: Record<string, number>;
  timers: number;
  htmlStyle: string | null;
  bodyStyle: string | null;
}

/**
 * Everything a checkout could leave on the merchant page: elements, event
 * listeners on window and document (from the DevTools protocol, so nothing is
 * patched), pending timers (counted by fixtures/instrument.js), and the
 * inline styles of <html> and <body> (the scroll lock).
 *
 * Only listeners added by the page's own scripts count (scripts loaded from a
 * URL, inline ones included): Playwright's injected script, evaluated without
 * a URL, adds window listeners of its own as it works.
 */
export async function footprint(page: Page): Promise<PageFootprint> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Debugger.enable reports every script already parsed, with its URL.
    const pageScripts = new Set<string>();
    cdp.on('Debugger.scriptParsed', (script) => {
      if (script.url) pageScripts.add(script.scriptId);
    });
    await cdp.send('Debugger.enable');
    const listeners: Record<string, number> = {};
    for (const target of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const listener of found) {
        if (!pageScripts.has(listener.scriptId)) continue;
        const key = `${target}:${listener.type}`;
        listeners[key] = (listeners[key] ?? 0) + 1;
      }
    }
    const dom = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      timers: (window as unknown as { __pendingTimers(): number }).__pendingTimers(),
      htmlStyle: document.documentElement.getAttribute('style'),
      bodyStyle: document.body.getAttribute('style'),
    }));
    return { ...dom, listeners };
  } finally {
    await cdp.detach();
  }
}

/**
 * Between flows the SDK keeps one prewarmed checkout on the page
 * (src/prewarm.ts): a hidden dialog holding the iframe and two focus guards.
 */
export const PREWARM_ELEMENTS = 4;

/**
 * What "nothing left behind" means now that the SDK prewarms the next
 * checkout after a flow: the page is exactly `before` plus the one hidden
 * prewarm container (PREWARM_ELEMENTS elements), with no listener, timer or
 * style of the SDK left, once the prewarmed frame has said `ready` (until
 * then it has one message listener and its give-up timer). Waits for that
 * state, then checks the container is the hidden, unused prewarm.
 */
export async function expectOnlyPrewarmLeft(page: Page, before: PageFootprint): Promise<void> {
  await expect.poll(() => footprint(page), { timeout: 15_000 }).toEqual({ ...before, elements: before.elements + PREWARM_ELEMENTS });
  expect(await prewarmed(page)).toEqual({ iframes: 1, dialogs: 0, visibility: 'hidden', onHtml: true });
}

/** The prewarm container as the page sees it. */
export const prewarmed = (page: Page) =>
  page.evaluate(() => {
    const frames = document.querySelectorAll('iframe');
    const container = frames[0]?.parentElement;
    return {
      iframes: frames.length,
      dialogs: document.querySelectorAll('[role="dialog"]').length,
      visibility: container ? getComputedStyle(container).visibility : null,
      onHtml: container?.parentElement === document.documentElement,
    };
  });

/** IMP.deinit() takes the prewarmed checkout away too: the page is exactly `before`. */
export async function expectDeinitLeavesNothing(page: Page, before: PageFootprint): Promise<void> {
  await page.evaluate(() => window.IMP!.deinit());
  expect(await footprint(page)).toEqual(before);
  expect(await page.locator('iframe').count()).toBe(0);
}

// --- the merchant's console (JSON API, as the console page calls it) -----

/** Logs the demo merchant into the console; returns the session cookie. */
export async function consoleLogin(sandbox: RunningSandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('imp_console_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

export async function consoleCall(sandbox: RunningSandbox, cookie: string, method: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: { cookie } });
  return { status: response.status, body: await response.json() };
}

/** Screenshots for the docs are written only when asked, so test runs leave the tree clean. */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
