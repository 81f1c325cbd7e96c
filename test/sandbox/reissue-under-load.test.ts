// Issue 6, "Secrets and sessions": a reissued secret and its tokens are
// refused at once, under load. 32 clients hammer the REST API with the old
// token and getToken with the old secret; the secret is reissued mid-load.
// Every request SENT after the reissue answered must be refused (401); the
// ones in flight while it ran may go either way. No wall-clock assertion:
// "at once" is "no request that started after the answer got through".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { authHeaders, consoleCall, getToken, http, signUp, type SignedUp } from './helpers';

let sandbox: RunningSandbox;
let merchant: SignedUp;
beforeAll(async () => {
  // Attempt limits off: the old secret failing hundreds of times is the point here.
  sandbox = await startTestSandbox({ webhooks: false, attemptLimits: false });
  merchant = await signUp(sandbox.url);
});
afterAll(() => sandbox.close());

interface Sample {
  kind: 'token' | 'secret';
  sentAt: number;
  answeredAt: number;
  status: number;
}

describe('secret reissue under load', () => {
  it('refuses the old secret and every token issued with it for every request sent after the reissue answered', async () => {
    const oldToken = await getToken(sandbox.url, merchant.api_key, merchant.api_secret);
    const samples: Sample[] = [];
    let stop = false;
    let seq = 0;
    const tick = () => ++seq; // a logical clock: order of events in this process, not wall time

    const client = async (kind: Sample['kind']) => {
      while (!stop) {
        const sentAt = tick();
        const result =
          kind === 'token'
            ? await http(sandbox.url, 'GET', '/payments/status/all', { headers: authHeaders(oldToken) })
            : await http(sandbox.url, 'POST', '/users/getToken', { json: { imp_key: merchant.api_key, imp_secret: merchant.api_secret } });
        samples.push({ kind, sentAt, answeredAt: tick(), status: result.status });
      }
    };
    const clients = Array.from({ length: 32 }, (_, i) => client(i % 4 === 0 ? 'secret' : 'token'));

    while (samples.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const reissueSentAt = tick();
    const reissue = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/keys/reissue');
    const reissueAnsweredAt = tick();
    expect(reissue.status).toBe(200);
    const settled = samples.length;
    while (samples.length < settled + 400) await new Promise((resolve) => setTimeout(resolve, 5));
    stop = true;
    await Promise.all(clients);

    const before = samples.filter((s) => s.answeredAt < reissueSentAt);
    const after = samples.filter((s) => s.sentAt > reissueAnsweredAt);
    const inFlight = samples.length - before.length - after.length;
    expect(before.length).toBeGreaterThan(100);
    expect(before.every((s) => s.status === 200)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(300);
    expect(after.filter((s) => s.status !== 401)).toEqual([]);

    // The new secret works at once.
    const fresh = await getToken(sandbox.url, merchant.api_key, reissue.body.api_secret);
    expect((await http(sandbox.url, 'GET', '/payments/status/all', { headers: authHeaders(fresh) })).status).toBe(200);
    console.log(
      `[reissue] 32 clients: ${before.length} requests before the reissue all accepted; ${after.length} sent after it answered ` +
        `(${after.filter((s) => s.kind === 'token').length} with the old token, ${after.filter((s) => s.kind === 'secret').length} getToken with the old secret) all 401; ${inFlight} in flight`,
    );
  }, 60_000);
});
