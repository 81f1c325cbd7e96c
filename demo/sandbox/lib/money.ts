// Amounts arrive as JSON numbers (V1 clients send numbers, forms send
// numeric strings). KRW and JPY have no minor unit; USD and friends have
// cents. Arithmetic on balances is done in integer minor units so partial
// cancels of 10.10 USD never drift, and values are stored as given.

const MINOR_DIGITS: Record<string, number> = { KRW: 0, JPY: 0, USD: 2, EUR: 2, CNY: 2 };

export const SUPPORTED_CURRENCIES = Object.keys(MINOR_DIGITS);

export function isSupportedCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(MINOR_DIGITS, currency);
}

function digitsOf(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** Integer minor units, or null when the amount has more precision than the currency allows. */
export function toMinor(amount: number, currency: string): number | null {
  const scale = 10 ** digitsOf(currency);
  const minor = Math.round(amount * scale);
  return Math.abs(minor - amount * scale) < 1e-6 ? minor : null;
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** digitsOf(currency);
}

/** A human reason why `amount` is not a valid amount in `currency`, or null when it is. */
export function amountProblem(amount: unknown, currency: string): string | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return 'amount must be a number';
  if (amount < 0) return 'amount must not be negative';
  if (amount > 1e12) return 'amount is too large';
  if (toMinor(amount, currency) === null) {
    return digitsOf(currency) === 0
      ? `amount must be a whole number for ${currency}`
      : `amount has more than ${digitsOf(currency)} decimal places for ${currency}`;
  }
  return null;
}
