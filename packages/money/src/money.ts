import { minorDigitsOf, MoneyError } from './currency';

/** An amount as the system keeps it: a safe integer of minor units (cents) and its currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * API decimal → minor units, exactly. A JSON number reaches us as a double; its shortest
 * round-trip text (`String(12.3)` is "12.3") is exactly what the client wrote for any amount
 * of up to 15 significant digits, so the conversion works on that text, digit by digit, and
 * never multiplies a float. More decimals than the currency has is an error, not a rounding.
 */
export function toMinorUnits(amount: number | string, currency: string): number {
  const digits = minorDigitsOf(currency);
  const text = typeof amount === 'number' ? numberToPlainText(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError('NOT_A_NUMBER', `${JSON.stringify(amount)} is not a decimal amount`);
  const [, sign, whole = '', fraction = ''] = match;
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > digits) {
    throw new MoneyError('TOO_MANY_DECIMALS', `${text} has more than ${digits} decimal(s) for ${currency}`);
  }
  const minor = Number(whole + significantFraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new MoneyError('OUT_OF_RANGE', `${text} ${currency} is too large`);
  return sign && minor !== 0 ? -minor : minor;
}

/** Minor units → the API's decimal number (exact for every safe integer of minor units up to 15 digits). */
export function toDecimal(amountMinor: number, currency: string): number {
  return Number(toDecimalText(amountMinor, currency));
}

/** Minor units → decimal text with exactly the currency's digits: 1234 EUR → "12.34". */
export function toDecimalText(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError('OUT_OF_RANGE', `${amountMinor} is not a whole number of minor units`);
  const digits = minorDigitsOf(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = Math.abs(amountMinor).toString().padStart(digits + 1, '0');
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError('OUT_OF_RANGE', `${amountMinor} is not a whole number of minor units`);
  minorDigitsOf(currency);
  return { amountMinor, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new MoneyError('CURRENCY_MISMATCH', `cannot add ${a.currency} and ${b.currency}`);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** Plain decimal text of a double, never exponent notation (1e-7 → "0.0000001"). */
function numberToPlainText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
