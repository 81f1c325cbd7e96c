// What the fuzz feeds the SDK: V1 params with adversarial values, anything at
// all, hostile objects (throwing getters and traps, revoked proxies, cycles,
// "__proto__" keys), every kind of callback, and the ways a flow can end.
import fc from 'fast-check';
import { FROM_PROTO } from './checks';
import type { Coercion, Recipe, Thrown, Trap, Twist } from './recipes';
import type { WindowStep } from './windows';

const value = (v: unknown): Recipe => ({ t: 'value', v });

export const anythingAtAll = fc.anything({
  withObjectString: true,
  withNullPrototype: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withBoxedValues: true,
  withTypedArray: true,
  withSparseArray: true,
  withDate: true,
  maxDepth: 3,
  maxKeys: 5,
  depthSize: 'small',
});

export const thrown: fc.Arbitrary<Thrown> = fc.constantFrom('error', 'string', 'nullProto', 'proxy');

const specialNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, -1, 1e21, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
  fc.integer(),
  fc.double(),
);

const numericText = fc.oneof(
  fc.constantFrom('1000', ' 1000 ', '1,000', '1e3', '-5', '0x10', '١٠٠٠', '１０００', '1000.', '.5', '00', '\u00a01000\u00a0', 'Infinity', 'NaN', '', ' ', '0', '9'.repeat(400), '1_000'),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Strings of 1 kB to ~1 MB: names, buyer fields and amounts pasted from somewhere. */
export const hugeString: fc.Arbitrary<Recipe> = fc.record({
  t: fc.constant('huge' as const),
  unit: fc.constantFrom('9', 'x', '가', '1,', '\u0000', '<script>alert(1)</script>', '🙂', '\ud800', '"\\'),
  length: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1_000, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_000_000 }) }),
});

const symbol = fc.oneof(fc.string({ maxLength: 4 }).map((s) => Symbol(s)), fc.constantFrom(Symbol.iterator, Symbol.for('imp'), Symbol.toPrimitive));

/** Values that are not objects we made: scalars of every type. */
const scalar: fc.Arbitrary<Recipe> = fc
  .oneof(specialNumber, numericText, fc.bigInt(), symbol, fc.boolean(), fc.constantFrom(null, undefined, ''), fc.string({ unit: 'grapheme', maxLength: 30 }))
  .map(value);

const trap: fc.Arbitrary<Trap> = fc.constantFrom('none', 'ownKeys', 'get', 'getPrototypeOf', 'has', 'getOwnPropertyDescriptor', 'set', 'all');
const coercion: fc.Arbitrary<Coercion> = fc.constantFrom('toString', 'valueOf', 'toPrimitive', 'toJSON', 'all');

/** Keys that have a meaning on every object, or to the SDK, besides the V1 ones. */
const trickyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then', 'tier_code', 'user_code', '__defineGetter__', 'length', '0', '');

const hostileLeaf: fc.Arbitrary<Recipe> = fc.oneof(
  fc.record({ t: fc.constant('fn' as const), kind: fc.constantFrom('plain', 'throws', 'async', 'class', 'bound') }),
  fc.record({ t: fc.constant('date' as const), ms: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(Number.NaN)) }),
  fc.record({ t: fc.constant('dom' as const), tag: fc.constantFrom('div', 'input', 'form', 'a', 'script', 'select') }),
  fc.record({ t: fc.constant('host' as const), which: fc.constantFrom('window', 'document', 'body', 'text', 'location') }),
  fc.record({ t: fc.constant('coercion' as const), how: coercion, thrown }),
  fc.record({ t: fc.constant('revoked' as const), fn: fc.boolean() }),
);

const twistKey = fc.constantFrom('amount', 'merchant_uid', 'custom_data', 'name', 'pg', 'pay_method', 'm_redirect_url', 'self', 'bypass', 'x');

/** Payloads for an own "__proto__" key or an inherited prototype: things a pollution bug would spread. */
const protoPayload = fc.constantFrom<unknown>(
  { polluted: 1 },
  { amount: 1000, merchant_uid: FROM_PROTO, polluted: 'yes' },
  { constructor: { prototype: { polluted: 1 } } },
  { toString: 'x', then: 'x', custom_data: FROM_PROTO },
  'x',
  null,
);

export const twist: fc.Arbitrary<Twist> = fc.oneof(
  fc.constant<Twist>({ t: 'freeze' }),
  fc.constant<Twist>({ t: 'nullProto' }),
  fc.record({ t: fc.constant('inherit' as const), from: fc.constantFrom({ amount: 1000, merchant_uid: FROM_PROTO }, { polluted: 1 }, { custom_data: FROM_PROTO, pg: 'payco' }) }),
  fc.record({ t: fc.constant('cyclic' as const), key: twistKey }),
  fc.record({ t: fc.constant('throwingGetter' as const), key: twistKey, thrown }),
  fc.record({ t: fc.constant('protoKey' as const), how: fc.constantFrom('json' as const, 'define' as const), payload: protoPayload }),
  fc.record({ t: fc.constant('reentrantGetter' as const), key: fc.constantFrom('amount', 'name'), call: fc.constantFrom('request_pay' as const, 'close' as const, 'deinit' as const, 'init' as const) }),
);

/** Any adversarial value: scalars, anything, huge strings, hostile objects, and objects / arrays / proxies of them. */
export const adversarial: fc.Arbitrary<Recipe> = fc.letrec<{ value: Recipe }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 4, arbitrary: scalar },
    { weight: 3, arbitrary: anythingAtAll.map(value) },
    { weight: 1, arbitrary: hugeString },
    { weight: 3, arbitrary: hostileLeaf },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('proxy' as const), target: tie('value'), trap, thrown }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('object' as const),
        entries: fc.array(fc.tuple(fc.oneof(trickyKey, fc.string({ maxLength: 8 })), tie('value')), { maxLength: 4 }),
        twists: fc.array(twist, { maxLength: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('array' as const), items: fc.array(tie('value'), { maxLength: 4 }), sparse: fc.boolean() }) },
  ),
})).value;

// Values a V1 merchant would really send, per key. Every one of them is valid for the SDK.
const goodUrl = fc.constantFrom('/order/done', 'done?x=1#top', '?paid=1', 'https://shop.example.com/done', 'http://localhost:4010/r?a=b', ' https://shop.example.com/x ');
const goodJson = fc.jsonValue({ maxDepth: 3 });
const good: Record<string, fc.Arbitrary<unknown>> = {
  amount: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('1000', '0', '1000.50', ' 250 ', '00'), fc.double({ min: 0, max: 1e9, noNaN: true })),
  merchant_uid: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.nat(), fc.constantFrom('', null, undefined)),
  pay_method: fc.constantFrom('card', 'trans', 'vbank', 'phone', 'kakaopay', '', undefined),
  pg: fc.constantFrom('html5_inicis', 'html5_inicis.INIpayTest', 'kcp', 'payco', 'PAYCO.x', 'kakaopay', 'tosspay', 'danal', 'naverco', '', null),
  name: fc.string({ unit: 'grapheme', maxLength: 40 }),
  buyer_name: fc.string({ unit: 'grapheme', maxLength: 20 }),
  buyer_email: fc.oneof(fc.emailAddress(), fc.constant('')),
  buyer_tel: fc.stringMatching(/^0\d{1,2}-?\d{3,4}-?\d{4}$/),
  buyer_addr: fc.string({ maxLength: 40 }),
  buyer_postcode: fc.stringMatching(/^\d{5}$/),
  custom_data: goodJson,
  m_redirect_url: goodUrl,
  popup: fc.boolean(),
  currency: fc.constantFrom('KRW', 'usd', 'USD', 'Jpy', ''),
  notice_url: fc.oneof(fc.webUrl(), fc.array(fc.webUrl(), { maxLength: 2 })),
  customer_uid: fc.stringMatching(/^[a-z0-9_]{1,20}$/),
  digital: fc.boolean(),
  vbank_due: fc.constantFrom('20301231', '2030-12-31 23:59'),
  tax_free: fc.nat(1000),
  language: fc.constantFrom('ko', 'en'),
  bypass: goodJson,
  min_age: fc.nat(30),
  phone: fc.stringMatching(/^010\d{8}$/),
  carrier: fc.constantFrom('SKT', 'KTF', 'LGT', 'MVNO'),
  company: fc.string({ maxLength: 20 }),
};

export const PAYMENT_KEYS = ['amount', 'merchant_uid', 'pay_method', 'pg', 'name', 'buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode', 'custom_data', 'm_redirect_url', 'popup', 'currency', 'notice_url', 'customer_uid', 'digital', 'vbank_due', 'tax_free', 'language', 'bypass'];
export const CERTIFICATION_KEYS = ['merchant_uid', 'pg', 'm_redirect_url', 'popup', 'min_age', 'name', 'phone', 'carrier', 'company', 'custom_data'];

/** One params input: the recipe, and whether every part of it is something the SDK must accept. */
export interface ParamsInput {
  recipe: Recipe | 'omitted';
  /** Built only from valid values (twists that leave own data keys alone allowed): must never be INVALID_PARAMS. */
  clean: boolean;
}

/** Own data keys stay as given under these twists, so clean params stay clean. */
const harmlessTwist: fc.Arbitrary<Twist> = fc.oneof(
  fc.constant<Twist>({ t: 'freeze' }),
  fc.record({ t: fc.constant('inherit' as const), from: fc.constantFrom({ amount: 'junk', merchant_uid: FROM_PROTO }, { polluted: 1 }, { pg: 42, custom_data: FROM_PROTO }) }),
  fc.record({ t: fc.constant('protoKey' as const), how: fc.constantFrom('json' as const, 'define' as const), payload: protoPayload }),
);

/**
 * V1 params. Clean ones hold only values a merchant really sends (harmless
 * twists allowed) and must never be refused; mixed ones have each key
 * adversarial one time in eight, tricky extra keys, and any twist.
 */
function v1Params(keys: string[], required: string[]): fc.Arbitrary<ParamsInput> {
  const requiredKeys = required.filter((key) => keys.includes(key));
  const entries = (values: (key: string) => fc.Arbitrary<Recipe>) =>
    fc
      .record(Object.fromEntries(keys.map((key) => [key, values(key)])), { requiredKeys })
      .map((fields) => Object.entries(fields) as [string, Recipe][]);
  const goodValue = (key: string) => good[key]!.map(value);
  const anyValue = (key: string) => fc.oneof({ weight: 7, arbitrary: goodValue(key) }, { weight: 1, arbitrary: adversarial });
  const extras = fc.array(fc.tuple(fc.oneof(trickyKey, fc.string({ maxLength: 10 })), adversarial), { maxLength: 3 });
  const clean = fc.tuple(entries(goodValue), fc.array(harmlessTwist, { maxLength: 1 })).map(([fields, twists]): ParamsInput => ({
    recipe: { t: 'object', entries: fields, twists },
    clean: true,
  }));
  const mixed = fc.tuple(entries(anyValue), extras, fc.array(twist, { maxLength: 2 })).map(([fields, more, twists]): ParamsInput => ({
    recipe: { t: 'object', entries: [...fields, ...more], twists },
    clean: false,
  }));
  return fc.oneof({ weight: 1, arbitrary: clean }, { weight: 1, arbitrary: mixed });
}

/** Everything request_pay / certification may get as params. */
export function paramsInput(action: 'payment' | 'certification'): fc.Arbitrary<ParamsInput> {
  const keys = action === 'payment' ? PAYMENT_KEYS : CERTIFICATION_KEYS;
  const v1 = v1Params(keys, action === 'payment' ? ['amount'] : []);
  return fc.oneof(
    { weight: 8, arbitrary: v1 },
    { weight: 1, arbitrary: fc.constant<ParamsInput>({ recipe: 'omitted', clean: false }) },
    { weight: 2, arbitrary: anythingAtAll.map((v) => ({ recipe: value(v), clean: false })) },
    { weight: 2, arbitrary: adversarial.map((recipe) => ({ recipe, clean: false })) },
    // The whole params object behind a Proxy (transparent, or one that throws), or in an array.
    {
      weight: 1,
      arbitrary: fc.tuple(v1, trap, thrown).map(([p, t, th]) => ({
        recipe: p.recipe === 'omitted' ? p.recipe : ({ t: 'proxy', target: p.recipe, trap: t, thrown: th } as Recipe),
        clean: false,
      })),
    },
    { weight: 1, arbitrary: v1.map((p) => ({ recipe: { t: 'array', items: [p.recipe as Recipe], sparse: false } as Recipe, clean: false })) },
  );
}

/** The merchant callback. */
export type CallbackRecipe =
  | { t: 'omitted' }
  | { t: 'value'; v: unknown }
  | { t: 'record' }
  | { t: 'throws'; thrown: Thrown }
  | { t: 'rejects' }
  /** Returns an object whose `then` getter throws. */
  | { t: 'hostileThenable' }
  /** Calls request_pay / certification again from inside the callback. */
  | { t: 'reentrant'; api: 'request_pay' | 'certification' }
  | { t: 'close' }
  /** A Proxy of a function whose apply trap counts the call, then throws. */
  | { t: 'trappedFunction' }
  /** typeof is 'function', but any call throws before anything can count it. */
  | { t: 'revokedFunction' };

export const callbackRecipe: fc.Arbitrary<CallbackRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'omitted' }) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(undefined, null, 'done', 0, true), anythingAtAll).map((v): CallbackRecipe => ({ t: 'value', v })) },
  { weight: 5, arbitrary: fc.constant<CallbackRecipe>({ t: 'record' }) },
  { weight: 1, arbitrary: thrown.map((th): CallbackRecipe => ({ t: 'throws', thrown: th })) },
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'rejects' }) },
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'hostileThenable' }) },
  { weight: 1, arbitrary: fc.constantFrom('request_pay' as const, 'certification' as const).map((api): CallbackRecipe => ({ t: 'reentrant', api })) },
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'close' }) },
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'trappedFunction' }) },
  { weight: 1, arbitrary: fc.constant<CallbackRecipe>({ t: 'revokedFunction' }) },
);

/** The `response` a checkout page posts in its `result`. "$echo" stands for the merchant_uid the SDK sent. */
export const serviceResponse: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      success: fc.boolean(),
      imp_uid: fc.oneof(fc.constant('imp_123456789012'), fc.string({ maxLength: 20 }), goodJson),
      merchant_uid: fc.oneof({ weight: 4, arbitrary: fc.constant('$echo') }, fc.string({ maxLength: 20 }), goodJson),
      error_code: fc.oneof(fc.constantFrom('F1002', 'F1001', 'F0000', ''), fc.string({ maxLength: 10 }), goodJson),
      error_msg: fc.oneof(fc.constantFrom('이미 결제가 이루어진 거래건입니다.', ''), fc.string({ maxLength: 30 }), goodJson),
      paid_amount: fc.oneof(fc.nat(), fc.string()),
      status: fc.constantFrom('paid', 'failed', 'ready'),
      pay_method: fc.constantFrom('card', 'vbank'),
      card_number: fc.constant('536112******1234'),
      custom_data: fc.oneof(fc.constant('{"order":7}'), goodJson),
      vbank_num: fc.string({ maxLength: 12 }),
      extra: fc.dictionary(fc.oneof(trickyKey, fc.string({ maxLength: 8 })), goodJson, { maxKeys: 3 }),
      protoKey: fc.boolean(),
    },
    { requiredKeys: ['success'] },
  )
  .map(({ extra, protoKey, ...fields }) => {
    // JSON.parse: the shape a structured clone of the page's JSON would have, "__proto__" an own key.
    const text = JSON.stringify({ ...extra, ...fields });
    return JSON.parse(protoKey ? text.replace(/^\{/, '{"__proto__":{"polluted":1},') : text) as Record<string, unknown>;
  });

/** Messages that are not the genuine checkout's, delivered in the middle of a flow. */
export type Noise =
  | { t: 'data'; data: unknown }
  | { t: 'wrongOrigin' }
  | { t: 'wrongSource'; source: 'page' | 'none' | 'otherWindow' }
  | { t: 'wrongChannel' }
  | { t: 'hostileData'; recipe: Recipe };

export const noise: fc.Arbitrary<Noise> = fc.oneof(
  anythingAtAll.map((data): Noise => ({ t: 'data', data })),
  fc.constant<Noise>({ t: 'wrongOrigin' }),
  fc.constantFrom('page' as const, 'none' as const, 'otherWindow' as const).map((source): Noise => ({ t: 'wrongSource', source })),
  fc.constant<Noise>({ t: 'wrongChannel' }),
  adversarial.map((recipe): Noise => ({ t: 'hostileData', recipe })),
);

/** How the checkout window of a flow ends. */
export type Completion =
  | { t: 'result'; readyFirst: boolean; noise: Noise[]; response: Record<string, unknown> }
  | { t: 'close'; readyFirst: boolean }
  | { t: 'deinit' }
  | { t: 'timeout' }
  /** The buyer closes the popup (an iframe has no close button of the page's own: IMP.close()). */
  | { t: 'userCloses' };

export const completion: fc.Arbitrary<Completion> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('result' as const), readyFirst: fc.boolean(), noise: fc.array(noise, { maxLength: 2 }), response: serviceResponse }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('close' as const), readyFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant<Completion>({ t: 'deinit' }) },
  { weight: 1, arbitrary: fc.constant<Completion>({ t: 'timeout' }) },
  { weight: 1, arbitrary: fc.constant<Completion>({ t: 'userCloses' }) },
);

export const windowStep: fc.Arbitrary<WindowStep> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<WindowStep>({ t: 'ok' }) },
  { weight: 1, arbitrary: fc.constant<WindowStep>({ t: 'blocked' }) },
  { weight: 1, arbitrary: fc.constant<WindowStep>({ t: 'closedOnOpen' }) },
  { weight: 1, arbitrary: thrown.map((th): WindowStep => ({ t: 'throws', thrown: th })) },
);

/** A merchant code or tier code: valid ones, near misses, and anything hostile. */
export function codeRecipe(valid: string[], nearMiss: string[]): fc.Arbitrary<Recipe | 'omitted'> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valid).map(value) },
    { weight: 3, arbitrary: fc.constantFrom(...nearMiss).map(value) },
    { weight: 1, arbitrary: fc.constant<'omitted'>('omitted') },
    { weight: 3, arbitrary: adversarial },
    // A boxed code and objects that only look like one when converted.
    { weight: 1, arbitrary: fc.constantFrom(...valid).map((code) => value(Object(code))) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('coercion' as const), how: coercion, thrown }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('proxy' as const), target: fc.constant(value(Object(valid[0]))), trap, thrown }) },
  );
}

export const MERCHANT_CODES = ['imp12345678', 'IMP00000000', ' imp12345678 ', '\timp99999999\n', 'Imp55555555', '\u00a0imp12345678\ufeff'];
export const MERCHANT_NEAR_MISSES = ['imp1234567', 'imp123456789', 'imp12345678x', 'ımp12345678', 'imp１２３４５６７８', 'imp_12345678', 'imp 12345678', '', '12345678', 'imp٠١٢٣٤٥٦٧'];
export const TIER_CODES = ['A01', '001', 'ZZZ', 'B2C'];
export const TIER_NEAR_MISSES = ['a01', 'A0', 'A001', ' A01', 'A01 ', 'A-1', 'Ａ01', '', 'A0\u0301'];
