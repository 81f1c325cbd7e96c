// The pay_method values the sandbox can simulate. V1 knows more (culture
// gift cards, points, foreign wallets); those are refused with a clear message
// rather than faked.

/** Simulated as a card payment funded through an easy-pay wallet. */
export const EASY_PAY_METHODS = [
  'kakaopay',
  'naverpay',
  'naverpay_card',
  'naverpay_point',
  'tosspay',
  'tosspay_card',
  'tosspay_money',
  'payco',
  'samsung',
  'samsungpay',
  'kpay',
  'lpay',
  'ssgpay',
  'applepay',
  'skpay',
  'chai',
  'paypal',
] as const;

export const BASE_PAY_METHODS = ['card', 'trans', 'vbank', 'phone'] as const;

export const SUPPORTED_PAY_METHODS: readonly string[] = [...BASE_PAY_METHODS, ...EASY_PAY_METHODS];

export function isEasyPay(payMethod: string): boolean {
  return (EASY_PAY_METHODS as readonly string[]).includes(payMethod);
}

/** Methods paid by card (card itself and card-funded wallets): the test card decides the outcome. */
export function usesCard(payMethod: string): boolean {
  return payMethod === 'card' || isEasyPay(payMethod);
}
