// Easy-pay wallets are shown as their own brand (name and colour in the
// window header, see checkout.css [data-brand]), as their real windows are.
// A wallet is named either by pay_method (`pg: 'html5_inicis', pay_method:
// 'kakaopay'`) or by the PG itself (`pg: 'kakaopay'`, pay_method 'card').
import type { Lang } from './strings';

export interface Brand {
  /** The key checkout.css styles: [data-brand="kakaopay"]. */
  key: string;
  name: Record<Lang, string>;
}

const brand = (key: string, ko: string, en: string): Brand => ({ key, name: { ko, en } });

const WALLETS: Record<string, Brand> = {
  kakaopay: brand('kakaopay', '카카오페이', 'KakaoPay'),
  naverpay: brand('naverpay', '네이버페이', 'Naver Pay'),
  tosspay: brand('tosspay', '토스페이', 'Toss Pay'),
  payco: brand('payco', '페이코', 'PAYCO'),
  samsung: brand('samsungpay', '삼성페이', 'Samsung Pay'),
  kpay: brand('kpay', 'KPAY', 'KPAY'),
  lpay: brand('lpay', 'L.PAY', 'L.PAY'),
  ssgpay: brand('ssgpay', 'SSG PAY', 'SSG PAY'),
  applepay: brand('applepay', 'Apple Pay', 'Apple Pay'),
  skpay: brand('skpay', 'SK pay', 'SK pay'),
  chai: brand('chai', '차이', 'CHAI'),
  paypal: brand('paypal', 'PayPal', 'PayPal'),
  smilepay: brand('smilepay', '스마일페이', 'Smile Pay'),
};

/** pay_method spellings of the same wallet. */
const ALIASES: Record<string, string> = {
  samsungpay: 'samsung',
  naverpay_card: 'naverpay',
  naverpay_point: 'naverpay',
  tosspay_card: 'tosspay',
  tosspay_money: 'tosspay',
  tosspay_v2: 'tosspay',
  kakao: 'kakaopay',
};

const walletOf = (code: string): Brand | undefined => WALLETS[ALIASES[code] ?? code];

/** The wallet this payment runs through, if any. */
export function walletBrand(payMethod: string, pgProvider: string): Brand | undefined {
  return walletOf(payMethod) ?? (payMethod === 'card' ? walletOf(pgProvider) : undefined);
}
