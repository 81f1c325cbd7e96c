// Normalisation and validation of request params, as real merchants send
// them (merchant-patterns.md): numeric strings, numbers as ids, missing
// fields, junk and unknown keys, and hostile objects that must not throw.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalise, type Normalised } from '../../src/params';

const BASE = 'https://shop.example.com/cart/checkout?step=2#pay';
const ok = (n: Normalised) => {
  if (n.problem) throw new Error(`expected usable params, got: ${n.problem}`);
  return n;
};
const pay = (raw: unknown) => normalise('payment', raw, BASE);

afterEach(() => vi.useRealTimers());

describe('amount', () => {
  it.each([
    [1000, 1000],
    [0, 0],
    [12.5, 12.5],
    ['1000', 1000],
    [' 1000 ', 1000],
    ['1000.50', 1000.5],
    ['0', 0],
  ])('accepts %j as %j', (amount, expected) => {
    const n = ok(pay({ amount }));
    expect(n.params.amount).toBe(expected);
    expect(typeof n.params.amount).toBe('number');
  });

  it.each([
    ['1,000', '"1,000"'],
    ['', '""'],
    ['abc', '"abc"'],
    ['-5', '"-5"'],
    ['1e3', '"1e3"'],
    [-1, 'number'],
    [Number.NaN, 'number'],
    [Infinity, 'number'],
    [undefined, 'undefined'],
    [null, 'object'],
    [true, 'boolean'],
    [{ value: 1000 }, 'object'],
  ])('refuses %j with a message that names it', (amount, shown) => {
    const n = pay({ amount, merchant_uid: 'order_1' });
    expect(n).toMatchObject({ merchantUid: 'order_1', problem: expect.stringContaining(`got ${shown}`) });
  });

  it('is not required for certification', () => {
    expect(ok(normalise('certification', { merchant_uid: 'c1' }, BASE)).params).toEqual({ merchant_uid: 'c1' });
  });
});

describe('merchant_uid', () => {
  it.each([undefined, null, ''])('missing (%j): generated as nobody_<ms>, V1 style', (merchant_uid) => {
    vi.useFakeTimers({ now: 1_700_000_000_123 });
    const n = ok(pay({ amount: 1, merchant_uid }));
    expect(n.merchantUid).toBe('nobody_1700000000123');
    expect(n.params.merchant_uid).toBe('nobody_1700000000123');
  });

  it('a number is sent as a string', () => {
    const n = ok(pay({ amount: 1, merchant_uid: 20240501001 }));
    expect(n.params.merchant_uid).toBe('20240501001');
    expect(n.merchantUid).toBe('20240501001');
  });

  it('at most 40 characters', () => {
    expect(ok(pay({ amount: 1, merchant_uid: 'x'.repeat(40) })).merchantUid).toHaveLength(40);
    expect(pay({ amount: 1, merchant_uid: 'x'.repeat(41) })).toMatchObject({ merchantUid: null, problem: expect.stringContaining('40') });
  });

  it.each([[{ id: 1 }], [true], [Number.NaN]])('refuses %j', (merchant_uid) => {
    expect(pay({ amount: 1, merchant_uid })).toMatchObject({ merchantUid: null });
  });
});

describe('defaults and V1 fields', () => {
  it('fills pay_method card and currency KRW, and leaves pg out when missing', () => {
    const n = ok(pay({ amount: 1000, merchant_uid: 'o1' }));
    expect(n.params).toEqual({ amount: 1000, merchant_uid: 'o1', pay_method: 'card', currency: 'KRW' });
  });

  it('keeps pg as given, including the provider.MID form; "" means default', () => {
    expect(ok(pay({ amount: 1, pg: 'html5_inicis.INIpayTest' })).params.pg).toBe('html5_inicis.INIpayTest');
    expect(ok(pay({ amount: 1, pg: '' })).params).not.toHaveProperty('pg');
    expect(pay({ amount: 1, pg: 42 })).toMatchObject({ problem: expect.stringContaining('pg') });
  });

  it('upper-cases a currency code and refuses junk', () => {
    expect(ok(pay({ amount: 1, currency: 'usd' })).params.currency).toBe('USD');
    expect(pay({ amount: 1, currency: 'dollars' })).toMatchObject({ problem: expect.stringContaining('currency') });
  });

  it('refuses a pay_method that is not a string', () => {
    expect(pay({ amount: 1, pay_method: ['card'] })).toMatchObject({ problem: expect.stringContaining('pay_method') });
  });

  it.each([
    ['/order/done', 'https://shop.example.com/order/done'],
    ['done?x=1#top', 'https://shop.example.com/cart/done?x=1#top'],
    ['?paid=1', 'https://shop.example.com/cart/checkout?paid=1'],
    ['http://localhost:4010/result?a=b', 'http://localhost:4010/result?a=b'],
  ])('resolves m_redirect_url %j against the page to %j', (given, absolute) => {
    expect(ok(pay({ amount: 1, m_redirect_url: given })).params.m_redirect_url).toBe(absolute);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 12])('refuses m_redirect_url %j', (m_redirect_url) => {
    expect(pay({ amount: 1, m_redirect_url })).toMatchObject({ problem: expect.stringContaining('m_redirect_url') });
  });
});

describe('sloppy and hostile params', () => {
  it('passes unknown keys and junk buyer fields through', () => {
    const n = ok(pay({ amount: '500', buyer_tel: '', buyer_name: null, buyer_emial: 'typo@example.com', bypass: { acceptmethod: 'x' }, popup: false }));
    expect(n.params).toMatchObject({ buyer_tel: '', buyer_name: null, buyer_emial: 'typo@example.com', bypass: { acceptmethod: 'x' }, popup: false });
  });

  it('sends custom_data as JSON and keeps the original object for the response', () => {
    const custom_data = { order: 7, items: [1, 2] };
    const n = ok(pay({ amount: 1, custom_data }));
    expect(n.params.custom_data).toEqual(custom_data);
    expect(n.params.custom_data).not.toBe(custom_data);
    expect(n.given.custom_data).toBe(custom_data);
  });

  it('never mutates the merchant params object', () => {
    const raw = { amount: '1000', merchant_uid: 7, m_redirect_url: '/done', pg: '' };
    const frozen = Object.freeze({ ...raw });
    ok(pay(frozen));
    ok(pay(raw));
    expect(raw).toEqual({ amount: '1000', merchant_uid: 7, m_redirect_url: '/done', pg: '' });
  });

  it('drops functions and undefined values, like JSON', () => {
    const n = ok(pay({ amount: 1, onDone: () => 1, note: undefined }));
    expect(n.params).not.toHaveProperty('onDone');
    expect(n.params).not.toHaveProperty('note');
  });

  it.each([
    ['no params', undefined],
    ['null', null],
    ['a string', 'amount=1000'],
    ['an array', [{ amount: 1000 }]],
  ])('refuses %s', (_, raw) => {
    expect(pay(raw)).toMatchObject({ merchantUid: null, problem: 'params must be an object' });
  });

  it('reports a throwing getter by its key', () => {
    const raw = Object.defineProperty({ amount: 1 }, 'buyer_tel', { enumerable: true, get() { throw new Error('boom'); } });
    expect(pay(raw)).toMatchObject({ merchantUid: null, problem: 'params.buyer_tel is not readable JSON' });
  });

  it('reports a Proxy whose traps throw, and a revoked Proxy', () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
    expect(pay(hostile)).toMatchObject({ problem: 'params could not be read' });
    const { proxy, revoke } = Proxy.revocable({ amount: 1 }, {});
    revoke();
    expect(pay(proxy)).toMatchObject({ problem: 'params could not be read' });
  });

  it('refuses a cyclic value by its key, without throwing', () => {
    const raw: Record<string, unknown> = { amount: 1, merchant_uid: 'o1' };
    raw.self = raw;
    expect(pay(raw)).toMatchObject({ merchantUid: 'o1', problem: expect.stringContaining('params.self') });
    expect(pay({ amount: 1, big: 10n })).toMatchObject({ problem: expect.stringContaining('params.big') });
  });

  it('ignores a __proto__ key and keeps constructor as plain data; Object.prototype is untouched', () => {
    const raw = JSON.parse('{"amount":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as object;
    const n = ok(pay(raw));
    expect(Object.getPrototypeOf(n.params)).toBe(Object.prototype);
    expect(Object.keys(n.params)).not.toContain('__proto__');
    expect(n.params.constructor).toEqual({ prototype: { polluted: true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(n.params))).toEqual(n.params);
  });

  it('reads nothing through a __proto__ key (it could smuggle in fields)', () => {
    const raw = JSON.parse('{"amount":1,"__proto__":{"merchant_uid":"from_proto","custom_data":"x"}}') as object;
    const n = ok(pay(raw));
    expect(n.merchantUid).toMatch(/^nobody_\d+$/);
    expect('custom_data' in n.given).toBe(false);
    expect(Object.getPrototypeOf(n.given)).toBe(Object.prototype);
  });

  it('accepts a Proxy that behaves like an object', () => {
    const n = ok(pay(new Proxy({ amount: '1000', name: 'Tea' }, {})));
    expect(n.params).toMatchObject({ amount: 1000, name: 'Tea' });
  });
});
