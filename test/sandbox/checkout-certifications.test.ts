// IMP.certification's service side: open, approve with a test identity, cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { authHeaders, demoToken, http } from './helpers';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await demoToken(sandbox.url);
});
afterAll(() => sandbox.close());

const open = (params: Record<string, unknown>, mode = 'popup') =>
  http(sandbox.url, 'POST', '/checkout/api/certifications', {
    json: { params: { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'cert', ...params }, mode, origin: 'http://shop.test' },
  });
const act = (impUid: string, action: 'approve' | 'cancel', body: Record<string, unknown>) =>
  http(sandbox.url, 'POST', `/checkout/api/certifications/${impUid}/${action}`, { json: body });

describe('certification checkout', () => {
  it('certifies a test identity and the merchant reads it through REST', async () => {
    const opened = await open({ merchant_uid: 'cert-ok', name: '김철수', phone: '010-9999-8888' });
    expect(opened.body.code).toBe(0);
    const { imp_uid, checkout_token, prefill, certification } = opened.body.response;
    expect(certification).toMatchObject({ pg_provider: 'danal', pg_id: 'A010002002', merchant_uid: 'cert-ok' });
    expect(prefill).toMatchObject({ name: '김철수', phone: '01099998888' });
    const result = await act(imp_uid, 'approve', { checkout_token, name: '김철수', birthday: '1985-07-20', gender: 'male', carrier: 'KT' });
    expect(result.body.response.sdk_response).toEqual({
      success: true,
      imp_success: true,
      imp_uid,
      merchant_uid: 'cert-ok',
      pg_provider: 'danal',
      pg_type: 'certification',
    });
    const rest = await http(sandbox.url, 'GET', `/certifications/${imp_uid}`, { headers: authHeaders(token) });
    expect(rest.body.response).toMatchObject({ name: '김철수', birthday: '1985-07-20', phone: '01099998888', carrier: 'KT', certified: true });

    // The same person: same CI everywhere, same DI within this merchant.
    const second = await open({ merchant_uid: 'cert-again', pg: 'inicis_unified' });
    await act(second.body.response.imp_uid, 'approve', { checkout_token: second.body.response.checkout_token, name: '김철수', phone: '01099998888', birthday: '19850720', gender: 'male', carrier: 'KT' });
    const again = await http(sandbox.url, 'GET', `/certifications/${second.body.response.imp_uid}`, { headers: authHeaders(token) });
    expect(again.body.response.pg_provider).toBe('inicis_unified');
    expect(again.body.response.unique_key).toBe(rest.body.response.unique_key);
    expect(again.body.response.unique_in_site).toBe(rest.body.response.unique_in_site);
  });

  it('cancels with F0000, refuses under-age buyers with F3001, and validates the identity', async () => {
    const cancelled = await open({ merchant_uid: 'cert-cancel' });
    const cancel = await act(cancelled.body.response.imp_uid, 'cancel', { checkout_token: cancelled.body.response.checkout_token });
    expect(cancel.body.response.sdk_response).toMatchObject({ success: false, imp_success: false, error_code: 'F0000', merchant_uid: 'cert-cancel' });
    expect((await http(sandbox.url, 'GET', `/certifications/${cancelled.body.response.imp_uid}`, { headers: authHeaders(token) })).status).toBe(404);

    const young = await open({ merchant_uid: 'cert-young', min_age: 19 });
    const underAge = await act(young.body.response.imp_uid, 'approve', { checkout_token: young.body.response.checkout_token, birthday: `${new Date().getUTCFullYear() - 10}-01-01` });
    expect(underAge.body.response.sdk_response).toMatchObject({ success: false, error_code: 'F3001' });

    const checked = await open({ merchant_uid: 'cert-bad' });
    const bad = await act(checked.body.response.imp_uid, 'approve', { checkout_token: checked.body.response.checkout_token, birthday: '1990-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.response.sdk_response.error_code).toBe('F1006');
  });

  it('refuses an unknown certification channel (F1001)', async () => {
    const result = await open({ pg: 'kcp_v2' });
    expect(result.body.code).toBe(1);
    expect(result.body.response.sdk_response.error_code).toBe('F1001');
  });
});
