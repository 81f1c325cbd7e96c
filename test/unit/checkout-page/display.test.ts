// What the checkout window shows: amounts as buyers read them, wallets under
// their own brand, Korean unless the merchant asks for English.
import { describe, expect, it } from 'vitest';
import { walletBrand } from '../../../demo/sandbox/web/checkout/brands';
import { formatAmount } from '../../../demo/sandbox/web/checkout/format';
import { languageOf } from '../../../demo/sandbox/web/checkout/strings';

describe('amounts', () => {
  it.each([
    [15000, 'KRW', 'ko', '15,000원'],
    [15000, 'KRW', 'en', '₩15,000'],
    [12.5, 'USD', 'en', '$12.50'],
    [12.5, 'USD', 'ko', 'US$12.50'],
    [1000, 'JPY', 'en', '¥1,000'],
    [5, 'XYZ1', 'en', '5 XYZ1'],
  ])('%s %s in %s is %s', (amount, currency, lang, shown) => {
    expect(formatAmount(amount, currency, lang as 'ko' | 'en')).toBe(shown);
  });
});

describe('wallet brands', () => {
  it.each([
    ['kakaopay', 'html5_inicis', 'kakaopay', '카카오페이'],
    ['card', 'kakaopay', 'kakaopay', '카카오페이'],
    ['naverpay_point', 'html5_inicis', 'naverpay', '네이버페이'],
    ['tosspay_card', 'tosspay', 'tosspay', '토스페이'],
    ['samsungpay', 'kcp', 'samsungpay', '삼성페이'],
    ['card', 'payco', 'payco', '페이코'],
  ])('pay_method %s through %s is %s', (payMethod, pg, key, name) => {
    expect(walletBrand(payMethod, pg)).toMatchObject({ key, name: { ko: name } });
  });

  it.each([
    ['card', 'html5_inicis'],
    ['trans', 'kakaopay'],
    ['vbank', 'html5_inicis'],
  ])('pay_method %s through %s is no wallet', (payMethod, pg) => {
    expect(walletBrand(payMethod, pg)).toBeUndefined();
  });
});

describe('language', () => {
  it.each([
    [{ language: 'en' }, 'en'],
    [{ language: 'ko' }, 'ko'],
    [{ language: 'zh' }, 'ko'],
    [{}, 'ko'],
  ])('%j shows %s', (params, lang) => {
    expect(languageOf(params)).toBe(lang);
  });
});
