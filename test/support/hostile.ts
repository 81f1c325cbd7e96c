// Helpers for the hostile-message browser tests (test/e2e/hostile-*.test.ts):
// find the checkout window by its origin (not by URL layout), read its channel
// from the URL wherever it rides (query or fragment), record every message a
// window receives, wait for the attackers' sentinels, and count what the
// service was asked to open.
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { isChannelId } from '../../src/protocol';
import { openShopPage, type CheckoutWorld, type ShopPage } from './checkout-e2e';
import type { RunningSandbox } from './sandbox';

/** The channel id a checkout URL carries: `?channel=`, `#channel=` or a bare `#<id>`. */
export function channelOf(url: string): string {
  const parsed = new URL(url);
  const hash = parsed.hash.slice(1);
  const found = [parsed.searchParams.get('channel'), new URLSearchParams(hash).get('channel'), hash].find(isChannelId);
  if (!found) throw new Error(`no channel id in ${url}`);
  return found;
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** The page's frame (iframe overlay) showing the checkout service, found by origin. */
export async function checkoutFrameOf(page: Page, serviceOrigin: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && originOf(f.url()) === serviceOrigin);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no frame of ${serviceOrigin} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The context's top-level window (popup) showing the checkout service, found by origin. */
export async function checkoutPopupOf(context: BrowserContext, serviceOrigin: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const popup = context.pages().find((p) => originOf(p.url()) === serviceOrigin);
    if (popup) return popup;
    if (Date.now() > deadline) throw new Error(`no window of ${serviceOrigin}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The first frame of `page` on `origin` (a third-party iframe). */
export function frameOn(page: Page, origin: string): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame() && originOf(f.url()) === origin);
  if (!frame) throw new Error(`no frame of ${origin} in ${page.url()}`);
  return frame;
}

export interface Inbox {
  total: number;
  byOrigin: Record<string, number>;
  /** Sentinels received, '<label>:<phase>', in order. */
  sentinels: string[];
  /**
   * Messages in our namespace (the protocol's, or look-alikes): origin, type,
   * channel, and the sending window as this window sees it: 'self', 'parent',
   * 'opener', 'frames[i]' (its own i-th frame) or 'other'.
   */
  ours: Array<{ origin: string; type: unknown; channel: unknown; source: string }>;
}

/**
 * From now on, every document of the context (pages, popups, frames, the
 * checkout window included) records every message it receives in
 * window.__inbox, from before its own scripts run. An init script of the
 * DevTools protocol, so the checkout page's CSP does not apply; it only
 * listens, so the pages behave as they would without it.
 */
export async function recordInboxes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __inbox?: Inbox };
    if (w.__inbox) return;
    const inbox: Inbox = { total: 0, byOrigin: {}, sentinels: [], ours: [] };
    w.__inbox = inbox;
    const sourceOf = (source: MessageEventSource | null): string => {
      if (source === window) return 'self';
      if (source === window.parent && window.parent !== window) return 'parent';
      if (source !== null && source === window.opener) return 'opener';
      for (let i = 0; i < window.frames.length; i++) if (source === window.frames[i]) return `frames[${i}]`;
      return 'other';
    };
    window.addEventListener('message', (event) => {
      inbox.total++;
      inbox.byOrigin[event.origin] = (inbox.byOrigin[event.origin] ?? 0) + 1;
      const data: unknown = event.data;
      if (data === null || typeof data !== 'object') return;
      const record = data as Record<string, unknown>;
      if (typeof record.hostile_sentinel === 'string') inbox.sentinels.push(record.hostile_sentinel);
      else if (record.ns === 'imp-checkout') inbox.ours.push({ origin: event.origin, type: record.type, channel: record.channel, source: sourceOf(event.source) });
    });
  });
}

export const inboxOf = (target: Page | Frame): Promise<Inbox> =>
  target.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __inbox: Inbox }).__inbox)) as Inbox);

/** Waits until `target` has received every sentinel in `expected` (so every message posted before them). */
export async function sentinelsArrived(target: Page | Frame, expected: string[], timeoutMs = 30_000): Promise<void> {
  await target.waitForFunction(
    (want) => {
      const got = (window as unknown as { __inbox: Inbox }).__inbox.sentinels;
      return want.every((sentinel) => got.includes(sentinel));
    },
    expected,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** What one attacker's attack() call reported (test/e2e/fixtures/hostile/attack.js). */
export interface AttackReport {
  posted: number;
  failed: number;
  failures: string[];
  kinds: Record<string, number>;
  /** Messages posted to each target window (named as in attack.js). */
  perTarget: Record<string, number>;
  targets: string[];
}

export interface AttackOptions {
  seed: number;
  count: number;
  channel: string;
  label: string;
  phase: number;
  merchantCode: string;
  /** The origin forged requests claim in their own fields (the merchant's). */
  claimedOrigin?: string;
  targets: string[];
  exclude?: string[];
}

export const attack = (from: Page | Frame, options: AttackOptions): Promise<AttackReport> =>
  from.evaluate((o) => (window as unknown as { attack(o: AttackOptions): AttackReport }).attack(o), options);

/**
 * Counts the checkout page's calls that open something at the service
 * (POST /checkout/api/payments and /certifications, docs/checkout-api.md),
 * seen from the browser: a forged request that got through would show up
 * here even when the service refuses it (F1009) and stores nothing.
 */
export function countCheckoutOpens(context: BrowserContext, serviceUrl: string): { payments: number; certifications: number } {
  const counts = { payments: 0, certifications: 0 };
  context.on('request', (request) => {
    if (request.method() !== 'POST') return;
    const url = request.url();
    if (url === `${serviceUrl}/checkout/api/payments`) counts.payments++;
    else if (url === `${serviceUrl}/checkout/api/certifications`) counts.certifications++;
  });
  return counts;
}

/** Rows the service stored: payments and certifications, all merchants. */
export function storedRows(sandbox: RunningSandbox): { payments: number; certifications: number } {
  const count = (table: string) => (sandbox.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { payments: count('payments'), certifications: count('certifications') };
}

// --- the attacked shop ----------------------------------------------------

export interface AttackedShop {
  shop: ShopPage;
  /** The merchant page (origin B), with the SDK and the page's own attacker script. */
  page: Page;
  /** The third-party iframe in it (origin C). */
  frame: Frame;
  /** The third-party popup the merchant page opened (origin C). */
  popup: Page;
}

const hasAttack = () => typeof (window as unknown as { attack?: unknown }).attack === 'function';

/**
 * fixtures/hostile/shop.html on the merchant origin with its third-party
 * frame and popup (opened from a click, as a shop's promotion would be); every
 * window records what it receives.
 */
export async function openAttackedShop(world: CheckoutWorld): Promise<AttackedShop> {
  const shop = await openShopPage(world, 'hostile/shop.html', {}, recordInboxes);
  const { page, context } = shop;
  const frame = frameOn(page, world.third.origin);
  await frame.waitForFunction(hasAttack);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#open-ad')]);
  await popup.waitForFunction(hasAttack);
  return { shop, page, frame, popup };
}

/** The merchant page's gate on the checkout's `ready` (fixtures/hostile/gate.js). */
export const gate = {
  /** Hold every `ready` of the service back from the SDK; with `channel`, only those on that channel. */
  close: (page: Page, channel?: string) =>
    page.evaluate((c) => (window as unknown as { __gate: { close(c?: string): void } }).__gate.close(c), channel),
  open: (page: Page) => page.evaluate(() => (window as unknown as { __gate: { open(): number } }).__gate.open()),
  /** Resolves once the checkout window has said `ready` (it is listening) and the gate holds it. */
  holding: (page: Page) => page.waitForFunction(() => (window as unknown as { __gate: { held(): number } }).__gate.held() > 0),
};

/** What the merchant page's callback and promise have received so far (fixtures/harness.js). */
export const answersSoFar = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __results: unknown[] }).__results.length);

/** Figures per attacker, summed over the floods of one test, printed as the README quotes them. */
export class Tally {
  private readonly rows = new Map<string, { seed: number; posted: number; failed: number; failures: string[]; perTarget: Record<string, number> }>();
  private readonly kinds: Record<string, number> = {};

  add(attacker: string, seed: number, report: AttackReport): void {
    const row = this.rows.get(attacker) ?? { seed, posted: 0, failed: 0, failures: [], perTarget: {} };
    row.posted += report.posted;
    row.failed += report.failed;
    row.failures.push(...report.failures);
    for (const [target, n] of Object.entries(report.perTarget)) row.perTarget[target] = (row.perTarget[target] ?? 0) + n;
    for (const [kind, n] of Object.entries(report.kinds)) this.kinds[kind] = (this.kinds[kind] ?? 0) + n;
    this.rows.set(attacker, row);
  }

  posted(attacker: string): number {
    return this.rows.get(attacker)?.posted ?? 0;
  }

  failures(): string[] {
    return [...this.rows.values()].flatMap((row) => row.failures);
  }

  print(test: string, accepted: number, errors: number): void {
    for (const [attacker, row] of this.rows) {
      const targets = Object.entries(row.perTarget).map(([target, n]) => `${target} ${n}`).join(', ');
      console.log(`hostile ${attacker} (${test}): ${row.posted} messages, ${accepted} accepted, ${errors} errors, seed ${row.seed} [${targets}]`);
    }
    const kinds = Object.entries(this.kinds).sort(([a], [b]) => a.localeCompare(b));
    console.log(`hostile kinds (${test}): ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  }
}
