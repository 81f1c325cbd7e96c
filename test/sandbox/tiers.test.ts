// Tier codes (하위가맹점): the console creates, lists and removes them;
// checkouts with tier_code belong to that sub-merchant; REST calls with the
// parent's token plus `Tier: XXX` act as that sub-merchant only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { authHeaders, consoleCall, getToken, http, openPayment, pay, signUp, type SignedUp } from './helpers';

let sandbox: RunningSandbox;
let merchant: SignedUp;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  merchant = await signUp(sandbox.url);
  token = await getToken(sandbox.url, merchant.api_key, merchant.api_secret);
});
afterAll(() => sandbox.close());

describe('console tier management', () => {
  it('creates tiers with a chosen or generated 3-character code, lists and removes them', async () => {
    const chosen = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: '판교점', tier_code: 'b02' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ tier_code: 'B02', name: '판교점' });
    const generated = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: '자동' });
    expect(generated.body.tier_code).toMatch(/^[A-Z0-9]{3}$/);

    const duplicate = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: 'x', tier_code: 'B02' });
    expect(duplicate.status).toBe(409);
    for (const bad of ['AB', 'ABCD', 'A-1', '가나다']) {
      const result = await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: 'x', tier_code: bad });
      expect(result.status, bad).toBe(400);
    }

    const keys = await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/keys');
    expect(keys.body.tiers.map((t: { tier_code: string }) => t.tier_code).sort()).toEqual(['B02', generated.body.tier_code].sort());

    const removed = await consoleCall(sandbox.url, merchant.cookie, 'DELETE', `/console/api/tiers/${generated.body.tier_code}`);
    expect(removed.body).toEqual({ tier_code: generated.body.tier_code, removed: true });
    expect((await consoleCall(sandbox.url, merchant.cookie, 'DELETE', `/console/api/tiers/${generated.body.tier_code}`)).status).toBe(404);
    expect((await consoleCall(sandbox.url, merchant.cookie, 'GET', '/console/api/tiers')).body.tiers).toHaveLength(1);
  });

  it('keeps tier codes per merchant: another merchant may use the same code', async () => {
    const other = await signUp(sandbox.url);
    const result = await consoleCall(sandbox.url, other.cookie, 'POST', '/console/api/tiers', { name: '다른 상점', tier_code: 'B02' });
    expect(result.status).toBe(200);
  });
});

describe('the Tier header', () => {
  let tierUid: string;
  let parentUid: string;

  beforeAll(async () => {
    await consoleCall(sandbox.url, merchant.cookie, 'POST', '/console/api/tiers', { name: '강남점', tier_code: 'T01' });
    tierUid = await pay(sandbox.url, { user_code: merchant.merchant_code, tier_code: 'T01', merchant_uid: 'same-order', amount: 700 });
    parentUid = await pay(sandbox.url, { user_code: merchant.merchant_code, merchant_uid: 'same-order', amount: 800 });
  });

  it('shows a sub-merchant payment with the header and hides it without', async () => {
    const withTier = await http(sandbox.url, 'GET', `/payments/${tierUid}`, { headers: authHeaders(token, 'bearer', 'T01') });
    expect(withTier.status).toBe(200);
    expect(withTier.body.response.tier_code).toBe('T01');
    expect((await http(sandbox.url, 'GET', `/payments/${tierUid}`, { headers: authHeaders(token) })).status).toBe(404);
    // And the parent's own payment is invisible to the sub-merchant.
    expect((await http(sandbox.url, 'GET', `/payments/${parentUid}`, { headers: authHeaders(token, 'raw', 'T01') })).status).toBe(404);
    expect((await http(sandbox.url, 'GET', `/payments/${parentUid}`, { headers: authHeaders(token, 'raw') })).status).toBe(200);
  });

  it('scopes merchant_uid lookups, lists, prepare and cancel to the tier', async () => {
    const tierFind = await http(sandbox.url, 'GET', '/payments/find/same-order', { headers: authHeaders(token, 'legacy', 'T01') });
    expect(tierFind.body.response.imp_uid).toBe(tierUid);
    const parentFind = await http(sandbox.url, 'GET', '/payments/find/same-order', { headers: authHeaders(token, 'legacy') });
    expect(parentFind.body.response.imp_uid).toBe(parentUid);
    const tierList = await http(sandbox.url, 'GET', '/payments/status/all', { headers: authHeaders(token, 'bearer', 't01') });
    expect(tierList.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([tierUid]);

    await http(sandbox.url, 'POST', '/payments/prepare', { json: { merchant_uid: 'tier-prep', amount: 10 }, headers: authHeaders(token, 'bearer', 'T01') });
    expect((await http(sandbox.url, 'GET', '/payments/prepare/tier-prep', { headers: authHeaders(token) })).status).toBe(404);
    expect((await http(sandbox.url, 'GET', '/payments/prepare/tier-prep', { headers: authHeaders(token, 'bearer', 'T01') })).status).toBe(200);

    const parentCancel = await http(sandbox.url, 'POST', '/payments/cancel', { json: { imp_uid: tierUid }, headers: authHeaders(token) });
    expect(parentCancel.body.code).toBe(1);
    const tierCancel = await http(sandbox.url, 'POST', '/payments/cancel', { json: { merchant_uid: 'same-order' }, headers: authHeaders(token, 'bearer', 'T01') });
    expect(tierCancel.body.response).toMatchObject({ imp_uid: tierUid, status: 'cancelled' });
  });

  it('refuses an unknown or malformed tier with 403 and a clear message', async () => {
    const unknown = await http(sandbox.url, 'GET', `/payments/${tierUid}`, { headers: authHeaders(token, 'bearer', 'ZZZ') });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toMatchObject({ code: -1, response: null });
    expect(unknown.body.message).toContain('ZZZ');
    const malformed = await http(sandbox.url, 'GET', '/payments/status/all', { headers: authHeaders(token, 'bearer', 'TOO-LONG') });
    expect(malformed.status).toBe(403);
    // A tier of another merchant is unknown to this one.
    const other = await signUp(sandbox.url);
    await consoleCall(sandbox.url, other.cookie, 'POST', '/console/api/tiers', { name: 'x', tier_code: 'OTH' });
    expect((await http(sandbox.url, 'GET', '/payments/status/all', { headers: authHeaders(token, 'bearer', 'OTH') })).status).toBe(403);
  });

  it('refuses a checkout for an unknown tier (F1005)', async () => {
    const result = await openPayment(sandbox.url, { user_code: merchant.merchant_code, tier_code: 'NOP', merchant_uid: 'x', amount: 1 });
    expect(result.body.code).toBe(1);
    expect(result.body.response.sdk_response).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'x',
      error_code: 'F1005',
      error_msg: expect.stringContaining('NOP'),
    });
  });

  it('tells the checkout page which sub-merchant a checkout belongs to', async () => {
    const result = await openPayment(sandbox.url, { user_code: merchant.merchant_code, tier_code: 't01', merchant_uid: 'y', amount: 1 });
    expect(result.body.response.tier).toEqual({ code: 'T01', name: '강남점' });
  });
});
