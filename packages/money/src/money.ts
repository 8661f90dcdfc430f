import { minorDigitsOf, MoneyError } from './currency';

/** An amount as the system keeps it: a safe integer of minor units (cents) and its currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Decimal → integer scaled by 10^`digits`, exactly: 5.5 with 2 digits is 550. A JSON number
 * reaches us as a double; its shortest round-trip text (`String(12.3)` is "12.3") is exactly
 * what the client wrote for any value of up to 15 significant digits, so the conversion works
 * on that text, digit by digit, and never multiplies a float. More decimals than `digits` is
 * an error, not a rounding.
 */
export function toScaledInteger(value: number | string, digits: number): number {
  const text = typeof value === 'number' ? numberToPlainText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError('NOT_A_NUMBER', `${JSON.stringify(value)} is not a decimal number`);
  const [, sign, whole = '', fraction = ''] = match;
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > digits) throw new MoneyError('TOO_MANY_DECIMALS', `${text} has more than ${digits} decimal(s)`);
  const scaled = Number(whole + significantFraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(scaled)) throw new MoneyError('OUT_OF_RANGE', `${text} is too large`);
  return sign && scaled !== 0 ? -scaled : scaled;
}

/** API decimal → minor units of `currency`, exactly (see toScaledInteger). */
export function toMinorUnits(amount: number | string, currency: string): number {
  const digits = minorDigitsOf(currency);
  try {
    return toScaledInteger(amount, digits);
  } catch (error) {
    if (!(error instanceof MoneyError) || error.code === 'NOT_A_NUMBER') throw error;
    const text = typeof amount === 'number' ? numberToPlainText(amount) : amount.trim();
    throw new MoneyError(error.code, error.code === 'TOO_MANY_DECIMALS' ? `${text} has more than ${digits} decimal(s) for ${currency}` : `${text} ${currency} is too large`);
  }
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
