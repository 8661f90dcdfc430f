import { toDecimalText } from '@boissipay/money';
import type { Settlement } from './invoice';

/**
 * How amounts, rates and dates read on invoices: French conventions (1 234,56 €, 5,5 %,
 * 31/10/2026). Amounts are formatted from the decimal text of their minor units, digit by
 * digit, never through floating-point arithmetic.
 */
const NBSP = '\u00a0';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€' };

export function formatAmount(amountMinor: number, currency: string): string {
  const text = toDecimalText(amountMinor, currency);
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}${NBSP}${SYMBOLS[currency] ?? currency}`;
}

/** 2000 basis points → "20 %", 550 → "5,5 %", 0 → "0 %". */
export function formatVatRate(rateBasisPoints: number): string {
  const whole = Math.trunc(rateBasisPoints / 100);
  const hundredths = String(Math.abs(rateBasisPoints % 100)).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${hundredths === '' ? '' : `,${hundredths}`}${NBSP}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

/** 2026-11-10 → 10/11/2026; anything else is shown as it came. */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** 2026-10 → "October 2026". */
export function formatPeriod(period: string): string {
  const match = PERIOD.exec(period);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : period;
}

/** 2026-02 → "01/02/2026 – 28/02/2026": the days the billed month covers. */
export function formatPeriodRange(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const [, year = '', month = ''] = match;
  return `01/${month}/${year} – ${daysInMonth(Number(year), Number(month))}/${month}/${year}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** One sentence about paying, shared by the e-mail and the PDF. */
export function settlementSentence(settlement: Settlement, currency: string): string {
  switch (settlement.kind) {
    case 'direct-debit':
      return (
        `The amount of ${formatAmount(settlement.amountMinor, currency)} will be debited on ${formatDate(settlement.collectionDate)} ` +
        `from account ${settlement.maskedIban} under SEPA mandate ${settlement.mandateRef}.`
      );
    case 'nothing-debited':
      return settlement.creditMinor > 0
        ? `Nothing will be debited: the balance of ${formatAmount(settlement.creditMinor, currency)} is in your favour.`
        : 'Nothing will be debited.';
    case 'pay-by-due-date':
      return `Please pay ${formatAmount(settlement.amountMinor, currency)} by ${formatDate(settlement.dueDate)}: no SEPA direct-debit mandate is on file for this contract.`;
    default: {
      const unknown: never = settlement;
      return unknown;
    }
  }
}
