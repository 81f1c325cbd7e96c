// The browser benchmarks' world, as the e2e tests build it: Debian's Chromium
// (test/support/chromium.ts), the sandbox on one origin (http://127.0.0.1:<a>)
// and a merchant site on another (http://localhost:<b>) serving the bench
// pages in bench/browser/pages/ and the built dist/iamport.js. Two sites, so
// the checkout frame is a real cross-origin (out-of-process) frame.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/chromium';
import { startMerchantSite, type MerchantSite } from '../../test/support/merchant-site';
import { buildSandboxPages, startTestSandbox, type RunningSandbox } from '../../test/support/sandbox';

const PAGES = fileURLToPath(new URL('./pages', import.meta.url));
const PROBE = fileURLToPath(new URL('./pages/probe.js', import.meta.url));

export interface BenchWorld {
  browser: Browser;
  sandbox: RunningSandbox;
  site: MerchantSite;
  /** A fresh context (empty HTTP cache, no compiled-code cache), with the frame probe installed unless `probe` is false. */
  newPage(probe?: boolean): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBenchWorld(): Promise<BenchWorld> {
  const browser = await launchChromium();
  await buildSandboxPages();
  const sandbox = await startTestSandbox();
  const site = await startMerchantSite({
    host: 'localhost',
    pagesDir: PAGES,
    vars: { SANDBOX: sandbox.url },
  });
  return {
    browser,
    sandbox,
    site,
    async newPage(probe = true) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      if (probe) await context.addInitScript({ path: PROBE });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await site.close();
      await sandbox.close();
    },
  };
}

/** Timestamps a bench page's merchant code took for one click (bench/browser/pages/shop.js, bare.js). */
export interface MerchantRun {
  /** 1, 2, ... per page. */
  id: number;
  t0: number;
  returned?: number;
  ready?: number;
  overlayPainted?: number;
  callback?: number;
  success?: boolean;
  error_code?: string | null;
  done?: boolean;
}

/** Timestamps the probe took inside the checkout frame (bench/browser/pages/probe.js). */
export interface FrameMarks {
  fcp?: number;
  request?: number;
  summaryInserted?: number;
  summary?: number;
  sheetInserted?: number;
  sheet?: number;
}

/** The checkout frame that is shown (the SDK's dialog, or the bare page's iframe). */
export async function shownCheckoutFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[role="dialog"] iframe, body > iframe, html > iframe', { state: 'attached', timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the checkout iframe has no frame');
  return frame;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until `test` (run in the page, with `arg`) is truthy; returns its value. */
export async function until<T, A = undefined>(page: Page | Frame, test: (arg: A) => T, arg?: A): Promise<NonNullable<T>> {
  const handle = await page.waitForFunction(test as (arg: unknown) => T, arg, { timeout: 30_000, polling: 5 });
  try {
    return (await handle.jsonValue()) as NonNullable<T>;
  } finally {
    // A kept handle keeps its object alive in the page: the leak figures would count it.
    await handle.dispose();
  }
}

declare global {
  interface Window {
    /** The bench pages' last few clicks (shop.js, bare.js). */
    __runs: MerchantRun[];
    /** Channels whose `ready` the SDK page heard, with when (shop.js). */
    __readyChannels: Record<string, number>;
    __orderName?: string;
    /** The probe's timestamps inside a checkout frame (probe.js). */
    __bench: FrameMarks;
  }
}

/**
 * Until the SDK page's prewarmed checkout is ready: the hidden container's
 * iframe (no dialog role yet) is on a channel whose `ready` the page heard.
 */
export async function prewarmReady(page: Page): Promise<void> {
  await until(page, () => {
    const frame = Array.from(document.documentElement.children).find((el) => el.localName === 'div')?.querySelector('iframe');
    if (!frame || frame.closest('[role="dialog"]')) return false;
    const channel = new URL(frame.src).searchParams.get('channel');
    return !!channel && !!window.__readyChannels[channel];
  });
}
