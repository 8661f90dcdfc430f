/**
 * ISO 4217 currencies the runtime knows, with their minor-unit digits (EUR 2, JPY 0, TND 3).
 * Taken from the ICU data Node ships (Intl), so no list of our own drifts out of date.
 */
const known = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

const digitsByCurrency = new Map<string, number>();

export function minorDigitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    if (!isCurrencyCode(currency)) throw new MoneyError('UNKNOWN_CURRENCY', `${currency} is not an ISO 4217 currency code`);
    // Building a NumberFormat is costly; a currency's digits never change.
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export type MoneyErrorCode = 'UNKNOWN_CURRENCY' | 'TOO_MANY_DECIMALS' | 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'CURRENCY_MISMATCH';

export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}
