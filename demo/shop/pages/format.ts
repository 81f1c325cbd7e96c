// Display formats for the pages: won, Korean dates, pay methods.

export const won = (amount: number): string => `${amount.toLocaleString('ko-KR')}원`;

/** Unix seconds or epoch ms → "2025. 11. 27. 14:05" in Korea time. */
export function dateTime(value: number, unit: 'seconds' | 'ms' = 'ms'): string {
  const ms = unit === 'seconds' ? value * 1000 : value;
  return new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(new Date(ms));
}

const PAY_METHOD_LABEL: Record<string, string> = {
  card: '신용카드',
  trans: '실시간 계좌이체',
  vbank: '가상계좌',
  phone: '휴대폰 소액결제',
  kakaopay: '카카오페이',
  payco: '페이코',
};

export const payMethodLabel = (payMethod: string | null): string => (payMethod ? (PAY_METHOD_LABEL[payMethod] ?? payMethod) : '-');
