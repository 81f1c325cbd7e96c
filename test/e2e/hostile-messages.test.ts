// Hostile messages in a real browser (issue 6). Three origins: the sandbox (A,
// the checkout window), the merchant site (B) and a third party (C). While a
// checkout is open, three attackers post thousands of seeded messages
// (fixtures/hostile/messages.js: look-alike envelopes on the real channel,
// which the test leaks to them, and on guessed ones, wrong versions and
// namespaces, `ready` floods, forged requests for other orders, text, huge
// values, Blobs, transferred buffers and ports, cyclic and __proto__-keyed
// objects) to every window each can reach:
//
//   frame   an iframe from C in the merchant page: the page, and the checkout iframe through parent.frames
//   popup   a popup on C the merchant page opened: its opener, and opener.frames
//   page    a script on the merchant page itself (origin B, like the SDK): its own window, and the checkout iframe
//
// The checkout page is flooded twice: while it listens without a request
// (fixtures/hostile/gate.js holds its `ready` back from the SDK), which tests
// its source check, and after the real request, which tests "one request per
// page". Then the buyer approves, and the merchant must get exactly one
// callback with the real result, equal to what REST says; no page may throw;
// the service must have been asked to open exactly one payment; and no
// attacker may have received anything from A or B. Late look-alikes after the
// end change nothing either. hostile-checks.test.ts takes each check alone.
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answered, clickToStart, DEMO_MERCHANT, orderId, rest, restPayment, startCheckoutWorld, type CheckoutWorld } from '../support/checkout-e2e';
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
  sentinelsArrived,
  storedRows,
  Tally,
  type AttackedShop,
} from '../support/hostile';

/** Generated messages per attacker per flood; each goes to every window the attacker targets. */
const PER_FLOOD = 1000;
/** Messages per attacker after the flow has ended. */
const AFTER_END = 200;
/** Base seeds; flood n of a test uses seed + n. */
const SEEDS = { frame: 6100, popup: 6200, page: 6300 } as const;

let world: CheckoutWorld;
let attacked: AttackedShop | null = null;
beforeAll(async () => {
  world = await startCheckoutWorld();
});
afterAll(() => world?.close());
afterEach(async () => {
  await attacked?.shop.context.close();
  attacked = null;
});

/** Chromium logs C's refused attempt to navigate the checkout as a console error of the page: the probe's own. */
const REFUSED_NAVIGATION = /navigat.*\/hostile\/attacker\.html/i;

/** Messages the windows of C received from A or B (there must be none); and how many they received in all. */
async function attackerInboxes({ frame, popup }: AttackedShop): Promise<{ foreign: string[]; total: number }> {
  const foreign: string[] = [];
  let total = 0;
  for (const target of [frame, popup]) {
    const inbox = await inboxOf(target);
    total += inbox.total;
    for (const [origin, n] of Object.entries(inbox.byOrigin)) if (origin !== world.third.origin) foreign.push(`${n} from ${origin}`);
  }
  return { foreign, total };
}

type Targets = { frame: string[]; popup: string[]; page: string[] };

/** All three attackers at once; `pageExclude` leaves kinds out of the page script's list. */
async function flood(on: AttackedShop, tally: Tally, channel: string, phase: number, count: number, targets: Targets, pageExclude: string[] = []) {
  const common = { count, channel, phase, merchantCode: DEMO_MERCHANT.merchantCode, claimedOrigin: world.shop.origin };
  const run = async (label: keyof Targets, from: Page | Frame, exclude: string[]) => {
    const report = await attack(from, { ...common, seed: SEEDS[label] + phase, label, targets: targets[label], exclude });
    tally.add(label, SEEDS[label], report);
    return report;
  };
  const [frame, popup, page] = await Promise.all([run('frame', on.frame, []), run('popup', on.popup, []), run('page', on.page, pageExclude)]);
  return { frame, popup, page };
}

describe('hostile messages during an iframe checkout', () => {
  it('thousands of forged, stolen-channel and malformed messages change nothing; the real result arrives once and matches REST', async () => {
    attacked = await openAttackedShop(world);
    const { shop, page, frame } = attacked;
    const opens = countCheckoutOpens(shop.context, world.sandbox.url);
    const stored = storedRows(world.sandbox);
    const tally = new Tally();

    await gate.close(page);
    const merchantUid = orderId('hostile-iframe');
    await clickToStart(page, { id: 1, params: { merchant_uid: merchantUid, name: '진짜 주문', amount: 47000 } });
    await gate.holding(page); // the checkout page listens; it has no request yet
    const checkout = await checkoutFrameOf(page, world.sandbox.url);
    // The worst case: the channel id has leaked to the attackers.
    const channel = channelOf(checkout.url());

    // Besides posting, C cannot touch the checkout iframe: navigating it is refused.
    const reach = await frame.evaluate(
      (url) => (window as unknown as { reach(o: unknown): { navigate: string[] } }).reach({ navigate: url, of: 'parent' }),
      `${world.third.url}/done.html`,
    );
    expect(reach.navigate).toEqual(['refused']);
    expect(new URL(checkout.url()).origin).toBe(world.sandbox.url);

    const targets: Targets = { frame: ['parent', 'parent-frames'], popup: ['opener', 'opener-frames'], page: ['self', 'own-frames'] };
    // 1. Before the real request. The merchant page's own script is the
    //    checkout's parent, so a well-formed request of its own on the real
    //    channel would be taken (it is the merchant): here it sends only what
    //    must be dropped. C's forged requests on the real channel must be
    //    dropped for their sender alone.
    const first = await flood(attacked, tally, channel, 1, PER_FLOOD, targets, ['request-stolen']);
    expect(first.frame.targets).toEqual(['parent', 'parent-frames[0]']); // the page, the checkout iframe
    expect(first.popup.targets).toEqual(['opener', 'opener-frames[0]', 'opener-frames[1]']); // the page, the ad frame, the checkout iframe
    expect(first.page.targets).toEqual(['self', 'own-frames[0]']); // itself, the checkout iframe
    await sentinelsArrived(page, ['frame:1', 'popup:1', 'page:1']);
    await sentinelsArrived(checkout, ['frame:1', 'popup:1', 'page:1']);
    expect(await answersSoFar(page)).toBe(0);
    expect(opens).toEqual({ payments: 0, certifications: 0 }); // no forged request reached the service
    expect(await checkout.getByTestId('approve').count()).toBe(0); // still waiting for its request

    // 2. The SDK gets the `ready` and sends the real request.
    await gate.open(page);
    await checkout.getByTestId('approve').waitFor();
    expect(await checkout.getByTestId('amount').textContent()).toBe('47,000원');
    expect(await checkout.getByTestId('order-name').textContent()).toBe('진짜 주문');

    // 3. During the open flow, everything again, the page's script now with
    //    requests on the real channel too: one request per page.
    await flood(attacked, tally, channel, 2, PER_FLOOD, targets);
    await sentinelsArrived(page, ['frame:2', 'popup:2', 'page:2']);
    await sentinelsArrived(checkout, ['frame:2', 'popup:2', 'page:2']);
    expect(await answersSoFar(page)).toBe(0);
    expect(await page.locator('[role="dialog"]').count()).toBe(1);
    expect(opens).toEqual({ payments: 1, certifications: 0 });
    expect(await checkout.getByTestId('amount').textContent()).toBe('47,000원');
    const checkoutInbox = await inboxOf(checkout);

    // 4. The buyer approves: one callback, the real result, as REST has it.
    await checkout.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, imp_success: true, merchant_uid: merchantUid, paid_amount: 47000, status: 'paid' });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({
      imp_uid: response.imp_uid,
      merchant_uid: merchantUid,
      amount: 47000,
      status: 'paid',
    });
    expect((await rest(world.sandbox, `/payments/findAll/${merchantUid}`)).body.response.list).toHaveLength(1);

    // 5. Late look-alikes after the end change nothing.
    await flood(attacked, tally, channel, 3, AFTER_END, targets);
    await sentinelsArrived(page, ['frame:3', 'popup:3', 'page:3']);
    const answers = await answersSoFar(page); // the callback and the promise of start 1
    expect(answers).toBe(2);
    expect((await answered(page, 1)).imp_uid).toBe(response.imp_uid);

    const rows = storedRows(world.sandbox);
    expect(rows).toEqual({ payments: stored.payments + 1, certifications: stored.certifications });
    expect(opens).toEqual({ payments: 1, certifications: 0 });
    const attackers = await attackerInboxes(attacked);
    expect(attackers.foreign).toEqual([]);
    expect(tally.failures()).toEqual([]);
    const refused = shop.errors.filter((e) => REFUSED_NAVIGATION.test(e));
    const errors = shop.errors.filter((e) => !REFUSED_NAVIGATION.test(e));
    // The navigation probe above, once: Chromium may log the same refusal more than once.
    expect(new Set(refused).size).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    for (const attacker of ['frame', 'popup', 'page']) expect(tally.posted(attacker)).toBeGreaterThanOrEqual(2000);

    // Anything accepted would show as an extra answer, an extra open, or a message to C.
    const accepted = answers - 2 + (opens.payments - 1) + opens.certifications + attackers.foreign.length;
    tally.print('iframe', accepted, errors.length);
    console.log(
      `hostile iframe records: merchant window received ${(await inboxOf(page)).total} messages, checkout iframe ${checkoutInbox.total} ` +
        `before the result, C's windows ${attackers.total} (0 from A or B); answers 2 (callback + promise of one start); ` +
        `checkout opens 1; stored payments +${rows.payments - stored.payments}, certifications +${rows.certifications - stored.certifications}`,
    );
  });
});

describe('hostile messages during a popup checkout', () => {
  it('the checkout popup is out of every attacker’s reach, even under its old fixed name; floods of the merchant window change nothing', async () => {
    attacked = await openAttackedShop(world);
    const { shop, page, frame, popup } = attacked;
    const opens = countCheckoutOpens(shop.context, world.sandbox.url);
    const stored = storedRows(world.sandbox);
    const tally = new Tally();

    // Name squatting: C opens a window under the name the SDK once gave its
    // popup ('imp_checkout'), so that window.open(url, 'imp_checkout') would
    // load the checkout into C's window and leave C holding it.
    const squatted = await frame.evaluate(() => (window as unknown as { squat(n: string): string }).squat('imp_checkout'));
    expect(squatted).toBe('own:about:blank');

    await gate.close(page);
    const merchantUid = orderId('hostile-popup');
    await clickToStart(page, { id: 1, params: { popup: true, merchant_uid: merchantUid, name: '팝업 주문', amount: 52000 } });
    await gate.holding(page);
    const checkout = await checkoutPopupOf(shop.context, world.sandbox.url);
    const channel = channelOf(checkout.url());

    // C's squatted window is still C's: the checkout opened in a window of its own.
    expect(await frame.evaluate(() => (window as unknown as { heldWindows(): string[] }).heldWindows())).toEqual(['own:about:blank']);
    // Looking it up by that name, from C's frame or C's popup, finds C's own window, never the checkout.
    const lookup = (from: Page | Frame) =>
      from.evaluate(() => (window as unknown as { reach(o: unknown): { lookup: string } }).reach({ name: 'imp_checkout' }).lookup);
    expect(await lookup(frame)).toBe('own:about:blank');
    expect(await lookup(popup)).toBe('own:about:blank');

    // 'held': any window an attacker got hold of (only its own blank one now).
    const targets: Targets = { frame: ['parent', 'held'], popup: ['opener', 'opener-frames', 'held'], page: ['self'] };
    await flood(attacked, tally, channel, 11, PER_FLOOD, targets);
    await sentinelsArrived(page, ['frame:11', 'popup:11', 'page:11']);
    expect(await answersSoFar(page)).toBe(0);
    expect(opens).toEqual({ payments: 0, certifications: 0 });

    await gate.open(page);
    await checkout.getByTestId('approve').waitFor();
    expect(await checkout.getByTestId('amount').textContent()).toBe('52,000원');

    await flood(attacked, tally, channel, 12, PER_FLOOD, targets);
    await sentinelsArrived(page, ['frame:12', 'popup:12', 'page:12']);
    expect(await answersSoFar(page)).toBe(0);
    expect(opens).toEqual({ payments: 1, certifications: 0 });
    // Nothing any attacker posted reached the checkout popup: it heard from its opener only.
    const checkoutInbox = await inboxOf(checkout);
    expect(checkoutInbox.sentinels).toEqual([]);
    expect(Object.keys(checkoutInbox.byOrigin)).toEqual([world.shop.origin]);
    expect(checkoutInbox.ours.every((m) => m.source === 'opener' && m.type === 'request')).toBe(true);

    await checkout.getByTestId('approve').click();
    const response = await answered(page, 1);
    expect(response).toMatchObject({ success: true, merchant_uid: merchantUid, paid_amount: 52000, status: 'paid' });
    expect(await restPayment(world.sandbox, response.imp_uid)).toMatchObject({ merchant_uid: merchantUid, amount: 52000, status: 'paid' });
    await expect.poll(() => checkout.isClosed()).toBe(true); // the SDK closed it

    await flood(attacked, tally, channel, 13, AFTER_END, targets);
    await sentinelsArrived(page, ['frame:13', 'popup:13', 'page:13']);
    const answers = await answersSoFar(page);
    expect(answers).toBe(2);

    const rows = storedRows(world.sandbox);
    expect(rows).toEqual({ payments: stored.payments + 1, certifications: stored.certifications });
    expect(opens).toEqual({ payments: 1, certifications: 0 });
    const attackers = await attackerInboxes(attacked);
    expect(attackers.foreign).toEqual([]);
    expect(tally.failures()).toEqual([]);
    expect(shop.errors).toEqual([]);
    for (const attacker of ['frame', 'popup', 'page']) expect(tally.posted(attacker)).toBeGreaterThanOrEqual(2000);

    const accepted = answers - 2 + (opens.payments - 1) + opens.certifications + attackers.foreign.length;
    tally.print('popup', accepted, shop.errors.length);
    console.log(
      `hostile popup records: merchant window received ${(await inboxOf(page)).total} messages, checkout popup ${checkoutInbox.total} ` +
        `(all from its opener), C's windows ${attackers.total} (0 from A or B); answers 2; checkout opens 1; ` +
        `stored payments +${rows.payments - stored.payments}`,
    );
  });
});
