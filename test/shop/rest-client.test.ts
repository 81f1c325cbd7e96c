// The shop's REST client against a real sandbox: one token shared and
// cached, renewed 30 s before expiry, and on a 401 re-authenticated and
// retried exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { IamportApiError } from '../../demo/shop/iamport/api-error';
import { IamportClient, TOKEN_RENEW_MARGIN_MS } from '../../demo/shop/iamport/client';
import { startTestSandbox, TestClock, type RunningSandbox } from '../support/sandbox';
import { checkoutPayment } from './helpers';

let sandbox: RunningSandbox;
let sandboxClock: TestClock;
let impUid: string;
beforeAll(async () => {
  sandboxClock = new TestClock();
  sandbox = await startTestSandbox({ clock: sandboxClock.now });
  ({ impUid } = await checkoutPayment(sandbox.url, { merchant_uid: 'client-test', amount: 1000 }));
});
afterAll(() => sandbox.close());

/** A client whose requests are recorded; `tamper` may rewrite a request before it goes out. */
function recordingClient(options: { now?: () => number; apiSecret?: string; tamper?: (url: string, init: RequestInit) => RequestInit } = {}) {
  const calls: Array<{ path: string; status: number }> = [];
  const client = new IamportClient({
    baseUrl: sandbox.url,
    apiKey: DEMO_MERCHANT.apiKey,
    apiSecret: options.apiSecret ?? DEMO_MERCHANT.apiSecret,
    ...(options.now ? { now: options.now } : {}),
    fetch: async (input, init = {}) => {
      const url = String(input);
      const response = await fetch(url, options.tamper ? options.tamper(url, init) : init);
      calls.push({ path: new URL(url).pathname, status: response.status });
      return response;
    },
  });
  const tokenCalls = () => calls.filter((c) => c.path === '/users/getToken').length;
  return { client, calls, tokenCalls };
}

describe('IamportClient', () => {
  it('gets one token and reuses it for later calls', async () => {
    const { client, calls, tokenCalls } = recordingClient();
    const first = await client.getPayment(impUid);
    const second = await client.getPayment(impUid);
    expect(first).toMatchObject({ imp_uid: impUid, merchant_uid: 'client-test', amount: 1000, status: 'paid' });
    expect(second.imp_uid).toBe(impUid);
    expect(tokenCalls()).toBe(1);
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
  });

  it('shares one getToken between concurrent calls', async () => {
    const { client, tokenCalls } = recordingClient();
    const tokens = await Promise.all([client.getToken(), client.getToken(), client.getPayment(impUid).then(() => client.getToken())]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokenCalls()).toBe(1);
  });

  it('renews the token 30 s before it expires, not earlier', async () => {
    let now = Date.now();
    const { client, tokenCalls } = recordingClient({ now: () => now });
    await client.getToken();
    // The sandbox issues 30-minute tokens.
    now += 30 * 60_000 - TOKEN_RENEW_MARGIN_MS - 1_000;
    await client.getPayment(impUid);
    expect(tokenCalls()).toBe(1);
    now += 2_000; // inside the margin
    await client.getPayment(impUid);
    expect(tokenCalls()).toBe(2);
  });

  it('re-authenticates once after a 401 (the service expired the token) and the call succeeds', async () => {
    const { client, calls, tokenCalls } = recordingClient();
    await client.getPayment(impUid);
    // The sandbox's clock jumps 31 minutes: the token dies there while the client still trusts it.
    sandboxClock.advance(31 * 60_000);
    const payment = await client.getPayment(impUid);
    expect(payment.imp_uid).toBe(impUid);
    expect(tokenCalls()).toBe(2);
    expect(calls.map((c) => `${c.path} ${c.status}`)).toEqual([
      '/users/getToken 200',
      `/payments/${impUid} 200`,
      `/payments/${impUid} 401`,
      '/users/getToken 200',
      `/payments/${impUid} 200`,
    ]);
  });

  it('retries only once: a 401 with a fresh token too is reported, not looped', async () => {
    const { client, calls } = recordingClient({
      tamper: (url, init) => (url.includes('/payments/') ? { ...init, headers: { authorization: 'Bearer forged' } } : init),
    });
    const error = await client.getPayment(impUid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamportApiError);
    expect(error).toMatchObject({ kind: 'unauthorized', httpStatus: 401 });
    expect(calls.filter((c) => c.path.startsWith('/payments/')).length).toBe(2);
  });

  it('reports a wrong secret as bad_credentials without retrying', async () => {
    const { client, calls } = recordingClient({ apiSecret: 'wrong' });
    const error = await client.getPayment(impUid).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_credentials', httpStatus: 401 });
    expect(calls).toEqual([{ path: '/users/getToken', status: 401 }]);
    // A failed getToken is not cached: the next call asks again.
    await client.getToken().catch(() => undefined);
    expect(calls.length).toBe(2);
  });

  it('reports 404 as not_found and an unreachable service as unreachable', async () => {
    const { client } = recordingClient();
    await expect(client.getPayment('imp_999999999999')).rejects.toMatchObject({ kind: 'not_found', httpStatus: 404 });
    const closed = await startTestSandbox();
    const deadUrl = closed.url;
    await closed.close();
    const dead = new IamportClient({ baseUrl: deadUrl, apiKey: 'k', apiSecret: 's' });
    await expect(dead.getToken()).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('sends the Tier header for a sub-merchant and reports an unknown tier as forbidden', async () => {
    const { client } = recordingClient();
    const prepared = await client.preparePayment('client-tier', 5000, 'A01');
    expect(prepared).toMatchObject({ merchant_uid: 'client-tier', amount: 5000 });
    await expect(client.preparePayment('client-tier', 5000, 'ZZZ')).rejects.toMatchObject({ kind: 'forbidden', httpStatus: 403 });
    await expect(client.preparePayment('client-tier', 7000, 'A01')).rejects.toMatchObject({ kind: 'refused', httpStatus: 200, code: 1 });
  });
});
