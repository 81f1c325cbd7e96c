// Webhooks: on paid, vbank issued and cancel, POST {imp_uid, merchant_uid,
// status} (+ cancellation_id) to notice_url or the console URL, signed with
// the merchant's key; kept in an outbox, retried with backoff when the
// receiver fails or is down, resumed after a restart, shown in the console.
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../../demo/sandbox/webhooks/signature';
import { startTestSandbox, tempDatabase, type RunningSandbox } from '../support/sandbox';
import { authHeaders, consoleCall, getToken, http, openPayment, approve, pay, signUp, waitFor, type SignedUp } from './helpers';
import { WebhookReceiver } from './webhook-receiver';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(options: { db?: string } = {}) {
  const sandbox = await startTestSandbox(options);
  cleanups.push(() => sandbox.close());
  const receiver = await new WebhookReceiver().start();
  cleanups.push(() => receiver.stop());
  const merchant = await signUp(sandbox.url);
  return { sandbox, receiver, merchant };
}

function expectSigned(merchant: SignedUp, delivery: { headers: Record<string, unknown>; body: string }) {
  const header = delivery.headers['x-impcheckout-signature'] as string;
  expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature(merchant.api_secret, header, delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
  expect(verifySignature(merchant.api_secret, header, `${delivery.body} `, Math.floor(Date.now() / 1000))).toBe(false);
  expect(verifySignature('another secret', header, delivery.body, Math.floor(Date.now() / 1000))).toBe(false);
}

describe('webhook delivery', () => {
  it('retries after a 500 until the receiver answers 200, signed, and the console shows it', async () => {
    const { sandbox, receiver, merchant } = await setup();
    await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: receiver.url });
    receiver.status = 500;
    const impUid = await pay(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'wh-1', amount: 1200 });
    await waitFor(() => receiver.received.length >= 1, 5_000, 'first attempt');
    receiver.status = 200;
    await waitFor(() => receiver.received.some((r) => r.answeredWith === 200), 5_000, 'successful delivery');

    const delivered = receiver.received.find((r) => r.answeredWith === 200)!;
    expect(delivered.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivered.body)).toEqual({ imp_uid: impUid, merchant_uid: 'wh-1', status: 'paid' });
    expect(receiver.received.every((r) => r.body === delivered.body)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.headers['x-impcheckout-delivery'])).size).toBe(1);
    expectSigned(merchant, delivered);

    const log = await waitFor(async () => {
      const result = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/webhook');
      return result.body.deliveries[0]?.state === 'delivered' ? result.body : null;
    }, 5_000, 'console shows delivered');
    expect(log.deliveries[0]).toMatchObject({ imp_uid: impUid, status: 'paid', url: receiver.url, last_status: 200 });
    expect(log.deliveries[0].attempts).toBeGreaterThanOrEqual(2);
  });

  it('survives the receiver being down and a sandbox restart in between (same database file)', async () => {
    const db = tempDatabase();
    cleanups.push(() => db.cleanup());
    const first = await startTestSandbox({ db: db.path });
    let firstClosed = false;
    cleanups.push(() => (firstClosed ? undefined : first.close()));
    const receiver = await new WebhookReceiver().start();
    cleanups.push(() => receiver.stop());
    const merchant = await signUp(first.url);

    receiver.status = 503;
    const impUid = await pay(first.url, { user_code: merchant.merchant_code, merchant_uid: 'wh-restart', amount: 500, notice_url: receiver.url });
    await waitFor(() => receiver.received.length >= 1, 5_000, 'a failed attempt before the restart');
    await first.close();
    firstClosed = true;
    await receiver.stop(); // down while the sandbox restarts
    const countWhileDown = receiver.received.length;

    const second = await startTestSandbox({ db: db.path });
    cleanups.push(() => second.close());
    const downError = await waitFor(() => {
      const row = second.db.prepare('SELECT last_error, delivered_at_ms FROM webhook_deliveries WHERE imp_uid = ?').get(impUid) as
        | { last_error: string | null; delivered_at_ms: number | null }
        | undefined;
      return row && row.last_error && /ECONNREFUSED/.test(row.last_error) ? row : null;
    }, 5_000, 'an attempt against the stopped receiver');
    expect(downError.delivered_at_ms).toBeNull();
    expect(receiver.received.length).toBe(countWhileDown);

    receiver.status = 200;
    await receiver.start(); // back up, same port
    await waitFor(() => receiver.received.some((r) => r.answeredWith === 200), 5_000, 'delivery after the restart');
    const delivered = receiver.received.find((r) => r.answeredWith === 200)!;
    expect(JSON.parse(delivered.body)).toEqual({ imp_uid: impUid, merchant_uid: 'wh-restart', status: 'paid' });
    expectSigned(merchant, delivered);
    const row = second.db.prepare('SELECT delivered_at_ms, attempts FROM webhook_deliveries WHERE imp_uid = ?').get(impUid) as { delivered_at_ms: number; attempts: number };
    expect(row.delivered_at_ms).toBeGreaterThan(0);
    expect(row.attempts).toBeGreaterThanOrEqual(3);
  });

  it('sends ready on vbank issue, paid on deposit, cancelled with cancellation_id, and nothing on failure', async () => {
    const { sandbox, receiver, merchant } = await setup();
    await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: '지점', tier_code: 'W01' });
    await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: receiver.url, content_type: 'form' });
    const token = await getToken(sandbox.url, merchant.api_key, merchant.api_secret);

    const declined = await openPayment(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'wh-fail', amount: 1 });
    await approve(sandbox.url, declined.body.response.imp_uid, declined.body.response.checkout_token, { card_number: '4000000000000002' });

    const vbank = await pay(sandbox.url, { user_code: merchant.merchant_code, tier_code: 'W01', merchant_uid: 'wh-vbank', pay_method: 'vbank', amount: 3000 });
    await waitFor(() => receiver.received.length >= 1, 5_000, 'ready webhook');
    await consoleCall(sandbox.url, merchant.cookie, 'POST', `/console/api/payments/${vbank}/deposit`);
    await waitFor(() => receiver.received.length >= 2, 5_000, 'paid webhook');

    // An API cancel sends a webhook only with enable_webhook (V1).
    const card = await pay(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'wh-card', amount: 1000 });
    await waitFor(() => receiver.received.length >= 3, 5_000, 'card paid webhook');
    await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: card, amount: 100 }, headers: authHeaders(token) });
    const withHook = await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: card, amount: 200, enable_webhook: true }, headers: authHeaders(token) });
    await waitFor(() => receiver.received.length >= 4, 5_000, 'cancel webhook');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const bodies = receiver.received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(receiver.received.every((r) => r.headers['content-type'] === 'application/x-www-form-urlencoded')).toBe(true);
    expect(bodies).toEqual([
      { imp_uid: vbank, merchant_uid: 'wh-vbank', status: 'ready', tier_code: 'W01' },
      { imp_uid: vbank, merchant_uid: 'wh-vbank', status: 'paid', tier_code: 'W01' },
      { imp_uid: card, merchant_uid: 'wh-card', status: 'paid' },
      { imp_uid: card, merchant_uid: 'wh-card', status: 'cancelled', cancellation_id: withHook.body.response.cancel_history[1].cancellation_id },
    ]);
    for (const delivery of receiver.received) expectSigned(merchant, delivery);
  });

  it('signs with the new secret after a reissue and prefers notice_url over the console URL', async () => {
    const { sandbox, receiver, merchant } = await setup();
    const consoleReceiver = await new WebhookReceiver().start();
    cleanups.push(() => consoleReceiver.stop());
    await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: consoleReceiver.url });
    const reissued = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/keys/reissue');
    await pay(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'wh-notice', amount: 10, notice_url: [receiver.url] });
    await waitFor(() => receiver.received.length >= 1, 5_000, 'notice_url delivery');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(consoleReceiver.received).toHaveLength(0);
    const delivery = receiver.received[0]!;
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(reissued.body.api_secret, delivery.headers['x-impcheckout-signature'] as string, delivery.body, now)).toBe(true);
    expect(verifySignature(merchant.api_secret, delivery.headers['x-impcheckout-signature'] as string, delivery.body, now)).toBe(false);
  });

  it('refuses a webhook URL that is not http(s)', async () => {
    const { sandbox, merchant } = await setup();
    const result = await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: 'ftp://example.com/x' });
    expect(result.status).toBe(400);
    const cleared = await consoleCall(sandbox.url, merchant.cookie, 'PUT', '/console/api/webhook', { url: '' });
    expect(cleared.body).toEqual({ url: null, content_type: 'json' });
  });
});
