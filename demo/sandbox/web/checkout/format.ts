// Amounts as a buyer reads them: "15,000원" in Korean, "₩15,000" / "$12.50"
// in English (Intl, ko-KR / en-US).
import type { Lang } from './strings';

export function formatAmount(amount: number, currency: string, lang: Lang): string {
  if (lang === 'ko' && currency === 'KRW') return `${new Intl.NumberFormat('ko-KR').format(amount)}원`;
  try {
    return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ko-KR', { style: 'currency', currency }).format(amount);
  } catch {
    // A currency code Intl does not know: show it plainly.
    return `${amount} ${currency}`;
  }
}
