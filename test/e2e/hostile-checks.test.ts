// Each postMessage check on its own, in a real browser, against the one
// attacker that only that check stops (hostile-messages.test.ts floods them
// all at once, where the first check in line hides the others):
//
// SDK (src/listen.ts: source, shape, origin, channel)
//   source   C's frame and C's popup turn themselves into checkout windows on
//            the stolen channel: real checkout pages, on the service origin,
//            saying `ready` to the merchant page. Only the source tells them apart.
//   origin   the merchant page's own script points the checkout iframe at C:
//            the right window now, but C's origin.
//   channel  ... and then at a checkout of another flow: right window, right origin.
// Checkout page (demo/sandbox/web/checkout/messaging.ts: source, shape, origin, channel)
//   source   C's sibling frame (hostile-messages.test.ts, before the real request)
//   channel  a page that frames the checkout posts a request on another channel first
//   origin   an opaque-origin ("null") parent cannot be answered to one origin
// And: a third-party page that frames the checkout IS its parent and is
// answered; the merchant's allowed origins refuse it (F1009).
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkoutWindowUrl, createChannelId } from '../../src/protocol';
import {
  answered,
  clickToStart,
  DEMO_MERCHANT,
  openShopPage,
  orderId,
  rest,
  restPayment,
  startCheckoutWorld,
  type CheckoutWorld,
  type ShopPage,
} from '../support/checkout-e2e';
import {
  answersSoFar,
  attack,
  channelOf,
  checkoutFrameOf,
  checkoutPopupOf,
  countCheckoutOpens,
  gate,
  inboxOf,
  openAttackedShop,
  recordInboxes,
  sentinelsArrived,
  storedRows,
  type AttackedShop,
  type Inbox,
} from '../support/hostile';
import { consoleCall, http, sessionCookie } from '../sandbox/helpers';

const SEED = 6400;

let world: CheckoutWorld;
let attacked: AttackedShop | null = null;
let plain: ShopPage | null = null;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(() => world?.close());
afterEach(async () => {
  await attacked?.shop.context.close();
  await plain?.context.close();
  attacked = null;
  plain = null;
});

/** Navigates `target` from inside (a window may always navigate itself), without waiting on the old document. */
const navigateItself = (target: Page | Frame, url: string) =>
  target.evaluate((u) => void setTimeout(() => (location.href = u)), url);

/** `ready`s the merchant page got from the service's origin, by sending window. */
const readiesFrom = (page: Page, service: string, source: string) =>
  page.evaluate(
    ([origin, from]) =>
      (window as unknown as { __inbox: Inbox }).__inbox.ours.filter((m) => m.type === 'ready' && m.origin === origin && m.source === from).length,
    [service, source] as const,
  );

const requestsIn = async (target: Page | Frame) => (await inboxOf(target)).ours.filter((m) => m.type === 'request').length;

/** From the merchant page, one sentinel to a window it can reach (script source, e.g. 'frames[0]'). */
const sentinelFromMerchant = (page: Page, to: string, sentinel: string) =>
  page.evaluate(
    ([expr, s]) => (new Function(`return ${expr}`)() as Window).postMessage({ hostile_sentinel: s }, '*'),
    [to, sentinel] as const,
  );

describe('the SDK, one check at a time', () => {
  it('source: C’s windows turned into checkout windows on the stolen channel say ready, and get no request', async () => {
    attacked = await openAttackedShop(world);
    const { shop, page, frame, popup } = attacked;
    const opens = countCheckoutOpens(shop.context, world.sandbox.url);
    const merchantUid = orderId('turncoat');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '진짜 주문', amount: 8800 } });
    const checkout = await checkoutFrameOf(page, world.sandbox.url);
    await checkout.getByTestId('approve').waitFor();
    const channel = channelOf(checkout.url());

    // C's frame is the merchant page's frames[0]; C's popup has the merchant page as opener.
    await navigateItself(frame, checkoutWindowUrl(world.sandbox.url, channel, 'iframe'));
    await navigateItself(popup, checkoutWindowUrl(world.sandbox.url, channel, 'popup'));
    // Each says `ready` on the real channel from the service's origin. The
    // merchant page's recorder listens before the SDK, so once it has them
    // the SDK has had them too, and answered or not.
    await page.waitForFunction(
      ([service]) => {
        const ours = (window as unknown as { __inbox: Inbox }).__inbox.ours;
        const from = (source: string) => ours.some((m) => m.type === 'ready' && m.origin === service && m.source === source);
        return from('frames[0]') && from('other');
      },
      [world.sandbox.url] as const,
      { timeout: 15_000 },
    );
    await expect.poll(() => new URL(frame.url()).origin).toBe(world.sandbox.url);
    expect(channelOf(frame.url())).toBe(channel);
    await expect.poll(() => new URL(popup.url()).origin).toBe(world.sandbox.url);
    // Anything the SDK posted to them went before these sentinels (one sender, one receiver: in order).
    await sentinelFromMerchant(page, 'window.frames[0]', 'merchant:after-ready');
    await sentinelFromMerchant(page, 'window.__adPopup', 'merchant:after-ready');
    await sentinelsArrived(frame, ['merchant:after-ready']);
    await sentinelsArrived(popup, ['merchant:after-ready']);
    expect(await requestsIn(frame)).toBe(0);
    expect(await requestsIn(popup)).toBe(0);
    expect(opens.payments).toBe(1); // the real checkout's

    await checkout.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 8800 });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ status: 'paid', amount: 8800 });
    expect(opens.payments).toBe(1);
    expect(shop.errors).toEqual([]);
    console.log(
      `hostile turncoats: 2 windows of C became checkout windows on the stolen channel; ` +
        `${(await readiesFrom(page, world.sandbox.url, 'frames[0]')) + (await readiesFrom(page, world.sandbox.url, 'other'))} readies, 0 requests sent to them, 1 payment opened`,
    );
  });

  it('origin and channel: the checkout iframe pointed at C, then at another flow’s checkout, cannot answer; IMP.close() still cancels once', async () => {
    attacked = await openAttackedShop(world);
    const { shop, page } = attacked;
    const opens = countCheckoutOpens(shop.context, world.sandbox.url);
    const stored = storedRows(world.sandbox);
    await gate.close(page);
    const merchantUid = orderId('repointed');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, amount: 9900 } });
    await gate.holding(page);
    const checkout = await checkoutFrameOf(page, world.sandbox.url);
    const channel = channelOf(checkout.url());
    // From here on only this checkout's readies are held; a checkout of another flow speaks freely.
    await gate.close(page, channel);

    // Origin: the SDK's own iframe, now showing C, posts look-alikes on the real channel.
    expect(await page.evaluate((url) => (window as unknown as { repoint(u: string): number }).repoint(url), `${world.third.url}/hostile/attacker.html`)).toBe(1);
    await expect.poll(() => new URL(checkout.url()).origin).toBe(world.third.origin);
    await checkout.waitForFunction(() => typeof (window as unknown as { attack?: unknown }).attack === 'function');
    const report = await attack(checkout, { seed: SEED, count: 1000, channel, label: 'overlay', phase: 1, merchantCode: DEMO_MERCHANT.merchantCode, targets: ['parent'] });
    expect(report).toMatchObject({ posted: 1000, failed: 0 });
    await sentinelsArrived(page, ['overlay:1']);
    expect(await answersSoFar(page)).toBe(0);
    expect((await inboxOf(checkout)).total).toBe(0); // the SDK sent C nothing

    // Channel: the same iframe, now a checkout of another flow, on the service's origin.
    const other = createChannelId();
    await page.evaluate((url) => (window as unknown as { repoint(u: string): number }).repoint(url), checkoutWindowUrl(world.sandbox.url, other, 'iframe'));
    await page.waitForFunction(
      ([service, c]) => (window as unknown as { __inbox: Inbox }).__inbox.ours.some((m) => m.type === 'ready' && m.origin === service && m.channel === c),
      [world.sandbox.url, other] as const,
    );
    await sentinelFromMerchant(page, 'window.frames[1]', 'merchant:after-ready');
    await sentinelsArrived(checkout, ['merchant:after-ready']);
    expect(await requestsIn(checkout)).toBe(0);
    expect(await answersSoFar(page)).toBe(0);

    // The merchant gives up: one cancel, nothing opened anywhere.
    await page.evaluate(() => window.IMP!.close());
    expect(await answered(page, 1)).toMatchObject({ success: false, imp_uid: null, merchant_uid: merchantUid, error_code: 'F0000' });
    expect(opens).toEqual({ payments: 0, certifications: 0 });
    expect(storedRows(world.sandbox)).toEqual(stored);
    expect(shop.errors).toEqual([]);
    console.log(`hostile re-pointed iframe: C posted ${report.posted} look-alikes from the SDK's own iframe (seed ${SEED}), another flow's checkout said ready; 0 accepted, 0 requests sent`);
  });
});

describe('the checkout page framed by a third party', () => {
  async function openThirdPartyPage(): Promise<{ page: Page; opens: { payments: number; certifications: number } }> {
    const context = await world.browser.newContext();
    plain = { context, page: await context.newPage(), errors: [] };
    await recordInboxes(context);
    const opens = countCheckoutOpens(context, world.sandbox.url);
    plain.page.on('pageerror', (error) => plain!.errors.push(error.message));
    await plain.page.goto(`${world.third.url}/hostile/embed.html`);
    return { page: plain.page, opens };
  }

  const payment = (merchantUid: string) => ({
    action: 'payment',
    params: { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: merchantUid, amount: 10, name: 'C의 주문', pay_method: 'card' },
    sdk: '0.1.0',
  });

  it('answers C as the parent it is; skips a request on another channel; F1009 when the merchant lists only its own origin', async () => {
    const login = await http(world.sandbox.url, 'POST', '/console/api/login', {
      json: { email: DEMO_MERCHANT.email, password: DEMO_MERCHANT.password },
    });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login.headers);
    const added = await consoleCall(world.sandbox.url, cookie, 'POST', '/console/api/origins', { origin: world.shop.origin });
    expect(added.body).toMatchObject({ origins: [world.shop.origin], enforced: true });
    try {
      const { page, opens } = await openThirdPartyPage();
      const stored = storedRows(world.sandbox);
      const wrongChannel = orderId('embed-wrong-channel');
      const rightChannel = orderId('embed');
      await page.evaluate(
        ([url, service, requests]) =>
          (window as unknown as { embedCheckout(u: string, s: string, r: unknown): void }).embedCheckout(url, service, requests),
        [
          checkoutWindowUrl(world.sandbox.url, createChannelId(), 'iframe'),
          world.sandbox.url,
          [{ channel: createChannelId(), payload: payment(wrongChannel) }, { payload: payment(rightChannel) }],
        ] as const,
      );
      const handle = await page.waitForFunction(() => {
        const embed = (window as unknown as { __embed: { results: unknown[] } }).__embed;
        return embed.results.length > 0 ? embed : null;
      });
      const embed = (await handle.jsonValue()) as { readies: number; sent: number; results: Array<Record<string, any>> };
      expect(embed.sent).toBe(2);
      // The second request was the one taken (the first was on another channel), and the service refused its origin.
      expect(embed.results).toEqual([expect.objectContaining({ success: false, imp_uid: null, merchant_uid: rightChannel, error_code: 'F1009' })]);
      expect(embed.results[0]!.error_msg).toContain(world.third.origin);
      expect(opens.payments).toBe(1);
      for (const uid of [wrongChannel, rightChannel]) expect((await rest(world.sandbox, `/payments/findAll/${uid}`)).status).toBe(404);
      expect(storedRows(world.sandbox)).toEqual(stored);
      expect(plain!.errors).toEqual([]);
      console.log(`hostile embed: C framed the checkout; its request on another channel was skipped, the next was refused F1009; 0 payments stored`);
    } finally {
      await consoleCall(world.sandbox.url, cookie, 'DELETE', `/console/api/origins/${encodeURIComponent(world.shop.origin)}`);
    }
  });

  it('does not take a request from an opaque-origin ("null") opener, which it could not answer to one origin', async () => {
    const { page, opens } = await openThirdPartyPage();
    const merchantUid = orderId('opaque');
    await page.evaluate(
      ([url, service, requests]) =>
        (window as unknown as { embedCheckout(u: string, s: string, r: unknown, o: unknown): void }).embedCheckout(url, service, requests, {
          opaque: true,
          popup: true,
        }),
      [checkoutWindowUrl(world.sandbox.url, createChannelId(), 'popup'), world.sandbox.url, [{ payload: payment(merchantUid) }]] as const,
    );
    const opaque = await waitForFrame(page, (f) => f.url() === 'about:srcdoc');
    await opaque.waitForFunction(() => (window as unknown as { __embed?: { sent: number } }).__embed?.sent === 1);
    // The checkout keeps asking for a request after this one: it did not take it.
    await opaque.waitForFunction(() => (window as unknown as { __embed: { readies: number } }).__embed.readies >= 2, undefined, { timeout: 10_000 });
    const checkout = await checkoutPopupOf(plain!.context, world.sandbox.url);
    expect(await requestsIn(checkout)).toBe(1); // it arrived, from its opener, with origin "null"
    expect((await inboxOf(checkout)).ours).toEqual([{ origin: 'null', type: 'request', channel: channelOf(checkout.url()), source: 'opener' }]);
    expect(await checkout.getByTestId('approve').count()).toBe(0);
    expect(opens.payments).toBe(0);
    expect((await rest(world.sandbox, `/payments/findAll/${merchantUid}`)).status).toBe(404);
    expect(plain!.errors).toEqual([]);
  });
});

async function waitForFrame(page: Page, match: (frame: Frame) => boolean): Promise<Frame> {
  for (let i = 0; i < 300; i++) {
    const frame = page.frames().find(match);
    if (frame) return frame;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('frame not found');
}
