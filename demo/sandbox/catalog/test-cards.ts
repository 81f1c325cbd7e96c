// Test card numbers and what each does (documented in docs/test-cards.md).
// Any other 14-16 digit number approves as a generic test card.

export type CardOutcome =
  | { kind: 'approve'; card_code: string; card_name: string; card_type: 0 | 1 }
  | { kind: 'decline' | 'fail'; error_code: string; error_msg: string };

export interface TestCard {
  number: string;
  label: string;
  outcome: CardOutcome;
}

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4111111111111111',
    label: '승인 (신한카드) · approves',
    outcome: { kind: 'approve', card_code: '366', card_name: '신한카드', card_type: 0 },
  },
  {
    number: '5555555555554444',
    label: '승인 (현대카드 체크) · approves (debit)',
    outcome: { kind: 'approve', card_code: '367', card_name: '현대카드', card_type: 1 },
  },
  {
    number: '4000000000000002',
    label: '거절: 잔액부족 · declined: insufficient funds',
    outcome: { kind: 'decline', error_code: 'F2001', error_msg: '[잔액부족] 카드 잔액이 부족합니다. (테스트 카드)' },
  },
  {
    number: '4000000000009995',
    label: '거절: 한도초과 · declined: limit exceeded',
    outcome: { kind: 'decline', error_code: 'F2002', error_msg: '[한도초과] 카드 한도를 초과했습니다. (테스트 카드)' },
  },
  {
    number: '4000000000000119',
    label: '실패: PG 오류 · fails: PG system error',
    outcome: {
      kind: 'fail',
      error_code: 'F2003',
      error_msg: '[PG오류] 카드사 시스템 점검 중입니다. 잠시 후 다시 시도하세요. (테스트 카드)',
    },
  },
];

/** The card the checkout window prefills: it approves. */
export const DEFAULT_TEST_CARD = TEST_CARDS[0]!.number;

const GENERIC_APPROVAL: CardOutcome = { kind: 'approve', card_code: '361', card_name: 'BC카드', card_type: 0 };
const INVALID_NUMBER: CardOutcome = { kind: 'decline', error_code: 'F2004', error_msg: '유효하지 않은 카드번호입니다.' };

export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function cardOutcome(cardNumber: string): CardOutcome {
  const digits = normaliseCardNumber(cardNumber);
  const known = TEST_CARDS.find((card) => card.number === digits);
  if (known) return known.outcome;
  return /^\d{14,16}$/.test(digits) ? GENERIC_APPROVAL : INVALID_NUMBER;
}

/** "411111******1111": first six and last four digits, as Korean PGs mask. */
export function maskCardNumber(cardNumber: string): string {
  const digits = normaliseCardNumber(cardNumber);
  return `${digits.slice(0, 6)}${'*'.repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
}
