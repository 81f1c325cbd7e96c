// The landing URL of a redirect-mode checkout (DESIGN "Redirect result").
import { describe, expect, it } from 'vitest';
import { buildRedirectUrl } from '../../demo/sandbox/checkout/redirect-url';

const success = { imp_uid: 'imp_123456789012', merchant_uid: 'order 1/2', success: true };
const failure = { imp_uid: null, merchant_uid: 'o-9', success: false, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' };

describe('buildRedirectUrl', () => {
  it('appends the result to a plain URL', () => {
    expect(buildRedirectUrl('https://shop.test/done', success)).toBe(
      'https://shop.test/done?imp_uid=imp_123456789012&merchant_uid=order%201%2F2&imp_success=true&success=true',
    );
  });

  it('keeps the URL’s own query byte for byte and its hash at the end', () => {
    expect(buildRedirectUrl('https://shop.test/done?a=1&b=x%20y+z#section-2', success)).toBe(
      'https://shop.test/done?a=1&b=x%20y+z&imp_uid=imp_123456789012&merchant_uid=order%201%2F2&imp_success=true&success=true#section-2',
    );
    expect(buildRedirectUrl('https://shop.test/done?#h', success)).toBe(
      'https://shop.test/done?imp_uid=imp_123456789012&merchant_uid=order%201%2F2&imp_success=true&success=true#h',
    );
    expect(buildRedirectUrl('http://localhost:3000/cb?x=1&', success)).toMatch(/^http:\/\/localhost:3000\/cb\?x=1&imp_uid=/);
  });

  it('adds error_code and error_msg on failure, with an empty imp_uid when none was created', () => {
    const url = buildRedirectUrl('https://shop.test/done#/spa/route?keep=1', failure)!;
    expect(url).toBe(
      `https://shop.test/done?imp_uid=&merchant_uid=o-9&imp_success=false&success=false&error_code=F1002&error_msg=${encodeURIComponent(failure.error_msg)}#/spa/route?keep=1`,
    );
    const query = new URL(url).searchParams;
    expect(query.get('error_msg')).toBe(failure.error_msg);
    expect(query.get('imp_success')).toBe('false');
  });

  it('resolves relative-looking targets against the merchant origin, and refuses them without one', () => {
    expect(buildRedirectUrl('/order/done?step=3', success, 'https://shop.test')).toBe(
      'https://shop.test/order/done?step=3&imp_uid=imp_123456789012&merchant_uid=order%201%2F2&imp_success=true&success=true',
    );
    expect(buildRedirectUrl('done', success, 'https://shop.test')).toMatch(/^https:\/\/shop\.test\/done\?imp_uid=/);
    expect(buildRedirectUrl('//cdn.shop.test/x', success, 'https://shop.test')).toMatch(/^https:\/\/cdn\.shop\.test\/x\?/);
    expect(buildRedirectUrl('/order/done', success)).toBeNull();
  });

  it('never produces a javascript: or data: navigation', () => {
    expect(buildRedirectUrl('javascript:alert(1)', success)).toBeNull();
    expect(buildRedirectUrl('javascript:alert(1)', success, 'https://shop.test')).toBeNull();
    expect(buildRedirectUrl('data:text/html,hi', success)).toBeNull();
  });
});
