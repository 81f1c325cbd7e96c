// The framework demos, built and driven as a merchant would run them, against
// a real sandbox on another origin, through the real checkout window:
//
// - demo/react: a Vite + React app importing 'imp-checkout' (resolved by Vite
//   through the package's exports map), built with `vite build` and served as
//   static files from its own origin.
// - demo/ssr: a Node server that renders a React component importing
//   'imp-checkout' at its top level (Node loads dist/index.mjs while
//   rendering; request_pay there answers NO_BROWSER), and a client build that
//   hydrates it, then pays.
//
// Each payment is checked in the REST API afterwards. Builds run once, in
// beforeAll. (test/packaging/demos.test.ts type-checks both demos.)
// UPDATE_SCREENSHOTS=1 also writes docs/images/react-demo.png.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_MESSAGE } from '../../src/errors';
import { DEMO_MERCHANT, UPDATE_SCREENSHOTS, restPayment } from '../support/checkout-e2e';
import { launchChromium } from '../support/chromium';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startStaticSite, type StaticSite } from '../support/static-site';

const run = promisify(execFile);
const root = process.cwd();
const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

let browser: Browser;
let sandbox: RunningSandbox;
let reactSite: StaticSite;
let ssr: { url: string; child: ChildProcess; output: () => string };
const contexts: BrowserContext[] = [];

const vite = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [VITE, 'build', '--logLevel', 'warn', ...args], { cwd: root, env: { ...process.env, ...env } });

/** `node --import tsx demo/ssr/main.ts` on a free port; resolves with its URL once it listens. */
function startSsrProcess(serviceUrl: string): Promise<typeof ssr> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'demo/ssr/main.ts')], {
    cwd: root,
    env: { ...process.env, SSR_PORT: '0', SANDBOX_URL: serviceUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the SSR demo did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the SSR demo exited (${code}):\n${output}`));
    });
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  await buildSandboxPages();
  sandbox = await startTestSandbox();
  // The three builds side by side: the React app (pointed at this sandbox at build time), the SSR client and server.
  await Promise.all([
    vite(['--config', 'demo/react/vite.config.ts'], { VITE_IMP_SERVICE_URL: sandbox.url, VITE_IMP_MERCHANT_CODE: DEMO_MERCHANT.merchantCode }),
    vite(['--config', 'demo/ssr/vite.config.ts']),
    vite(['--config', 'demo/ssr/vite.config.ts', '--ssr']),
  ]);
  reactSite = await startStaticSite({ dir: join(root, 'build/demo/react') });
  ssr = await startSsrProcess(sandbox.url);
}, 120_000);

afterAll(async () => {
  if (ssr && ssr.child.exitCode === null) {
    const exited = new Promise((resolve) => ssr.child.once('exit', resolve));
    ssr.child.kill('SIGTERM');
    await exited;
  }
  await browser?.close();
  await reactSite?.close();
  await sandbox?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

const checkout = (page: Page) => page.frameLocator('[role="dialog"] iframe');

describe('framework demos', () => {
  it('React (Vite): request_pay from the click handler, the awaited result shown, the payment paid in REST', async () => {
    const { page, errors } = await open(`${reactSite.url}/`);
    expect(new URL(reactSite.url).origin).not.toBe(new URL(sandbox.url).origin);
    await page.getByRole('radio', { name: /만년필/ }).check();
    await page.getByTestId('pay').click();
    await checkout(page).getByTestId('approve').click();

    const result = page.getByTestId('result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('paid');
    const impUid = (await page.getByTestId('imp-uid').textContent())!;
    const payment = await restPayment(sandbox, impUid);
    expect(payment).toMatchObject({ status: 'paid', amount: 32_000, name: '만년필', pg_provider: 'html5_inicis' });
    expect(JSON.parse(payment.custom_data)).toEqual({ productId: 'pen' });
    expect(await result.textContent()).toContain('32,000원');
    expect(errors).toEqual([]);
    // The README's picture of the demo (written only with UPDATE_SCREENSHOTS=1, as docs-screenshots.test.ts does).
    if (UPDATE_SCREENSHOTS) await page.locator('main').screenshot({ path: 'docs/images/react-demo.png' });
  });

  it('React (Vite): a cancelled window shows the F0000 failure and what to do next', async () => {
    const { page, errors } = await open(`${reactSite.url}/`);
    await page.getByTestId('pay').click();
    await checkout(page).getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('result').getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
    expect(await page.getByTestId('error-code').textContent()).toBe('F0000');
    expect(await page.getByTestId('result').textContent()).toContain(CANCEL_MESSAGE);
    expect(await page.getByTestId('result').textContent()).toContain('Press the button again');
    expect(await page.getByTestId('pay').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('SSR: Node renders the page with the package imported (request_pay there answers NO_BROWSER); hydrated, it pays', async () => {
    // The server's own HTML, before any script: rendered, not crashed.
    const html = await (await fetch(`${ssr.url}/`)).text();
    expect(html).toContain('<main data-hydrated="no">');
    expect(html).toContain('data-testid="server-answer">NO_BROWSER</code>');
    expect(html).toMatch(/<button type="button" data-testid="pay" disabled="">/);
    expect(ssr.output()).toContain('[imp-checkout] NO_BROWSER: IMP.request_pay needs a browser');
    expect(ssr.child.exitCode).toBeNull();

    const { page, errors } = await open(`${ssr.url}/`);
    await page.locator('main[data-hydrated="yes"]').waitFor(); // hydrated: the effect ran IMP.configure / IMP.init
    expect(await page.evaluate(() => typeof (window as { IMP?: unknown }).IMP)).toBe('undefined'); // no script tag: the module build
    await page.getByTestId('pay').click();
    await checkout(page).getByTestId('approve').click();

    const result = page.getByTestId('result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('paid');
    const impUid = /imp_\d{12}/.exec((await result.textContent())!)![0];
    expect(await restPayment(sandbox, impUid)).toMatchObject({ status: 'paid', amount: 7_700, name: '서버 렌더링 주문' });
    // No hydration mismatch or any other error in the browser.
    expect(errors).toEqual([]);
  });
});
