// Bank codes (금융결제원 codes, as V1 reports them in bank_code / vbank_code).
export const BANKS: Readonly<Record<string, string>> = {
  '004': 'KB국민은행',
  '011': 'NH농협은행',
  '020': '우리은행',
  '081': '하나은행',
  '088': '신한은행',
  '090': '카카오뱅크',
  '092': '토스뱅크',
};

export const DEFAULT_BANK_CODE = '004';

export function bankName(code: string): string | undefined {
  return BANKS[code];
}
