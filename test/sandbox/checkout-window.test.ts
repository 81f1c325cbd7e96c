// GET /checkout/window: the page the SDK opens (iframe, popup) and redirect
// mode lands on. Served to any merchant origin (frameable, no cross-site
// guard), under a strict CSP; a malformed link gets a 400 explanation. Also
// the window's own service calls: a cancel sent as a form-encoded beacon,
// and the PG's display name in the open answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { authHeaders, demoToken, http, openPayment } from './helpers';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const CHANNEL = '0123456789abcdef0123456789abcdef';

describe('the checkout window page', () => {
  it.each([
    ['iframe', `mode=iframe&channel=${CHANNEL}`],
    ['popup', `mode=popup&channel=${CHANNEL}`],
    ['redirect', 'mode=redirect&session=AbCdEfGhIjKlMnOpQrStUv'],
  ])('serves the %s window to a cross-site navigation, frameable, under a strict CSP', async (mode, query) => {
    const page = await http(sandbox.url, 'GET', `/checkout/window?${query}`, {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': mode === 'iframe' ? 'iframe' : 'document', origin: 'http://shop.test' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin');
    expect(page.text).toContain(`<html lang="ko" class="mode-${mode}">`);
    expect(page.text).toContain('<script src="/assets/checkout.js" defer></script>');
    expect(page.text).toContain('<link rel="stylesheet" href="/assets/checkout.css">');
    // No inline script or style: the CSP would block them.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|\sstyle=/);
  });

  it.each([
    ['no mode', ''],
    ['an unknown mode', `mode=modal&channel=${CHANNEL}`],
    ['no channel', 'mode=iframe'],
    ['a short channel', 'mode=popup&channel=abc'],
    ['a channel with markup', `mode=iframe&channel=${CHANNEL}%3Cscript%3E`],
    ['two modes', `mode=iframe&mode=popup&channel=${CHANNEL}`],
    ['no session', 'mode=redirect'],
    ['a session with markup', 'mode=redirect&session=%22%3E%3Cimg%20src%3Dx%3E'],
  ])('answers %s with a 400 page that says why, and loads no script', async (_, query) => {
    const page = await http(sandbox.url, 'GET', `/checkout/window?${query}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.text).toContain('결제창을 열 수 없습니다');
    expect(page.text).not.toContain('<script');
    expect(page.text).not.toContain('<img');
  });

  it('serves the page script and styles', async () => {
    const script = await http(sandbox.url, 'GET', '/assets/checkout.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const css = await http(sandbox.url, 'GET', '/assets/checkout.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});

describe('what the window asks of the service', () => {
  it('names the PG for the window header in the open answers', async () => {
    const payment = await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, amount: 1000, merchant_uid: 'label-1', pg: 'kcp' });
    expect(payment.body.response.payment).toMatchObject({ pg_provider: 'kcp', pg_label: 'NHN KCP' });
    const certification = await http(sandbox.url, 'POST', '/checkout/api/certifications', {
      json: { params: { user_code: DEMO_MERCHANT.merchantCode, merchant_uid: 'label-2' }, mode: 'popup', origin: 'http://shop.test' },
    });
    expect(certification.body.response.certification).toMatchObject({ pg_provider: 'danal', pg_label: '다날 휴대폰 본인인증' });
  });

  it('takes a cancel sent as a form-encoded beacon (the window going away) and records [결제포기]', async () => {
    const opened = (await openPayment(sandbox.url, { user_code: DEMO_MERCHANT.merchantCode, amount: 1000, merchant_uid: 'beacon-1' })).body.response;
    // What navigator.sendBeacon(url, new URLSearchParams(...)) sends from the checkout page.
    const beacon = await http(sandbox.url, 'POST', `/checkout/api/payments/${opened.imp_uid}/cancel`, {
      form: { checkout_token: opened.checkout_token },
      headers: { origin: sandbox.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(beacon.status).toBe(200);
    expect(beacon.body.response.sdk_response).toMatchObject({ error_code: 'F0000', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' });
    const token = await demoToken(sandbox.url);
    const stored = await http(sandbox.url, 'GET', `/payments/${opened.imp_uid}`, { headers: authHeaders(token) });
    expect(stored.body.response).toMatchObject({ status: 'failed', fail_reason: '[결제포기] 사용자가 결제를 취소하셨습니다' });
  });
});
