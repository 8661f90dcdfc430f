import { toDecimalText } from '@boissipay/money';
import { localeOf, type Language } from './language';

/**
 * How amounts, rates and dates read on invoices and e-mails, by the conventions of their
 * language (Intl, fr-FR or en-GB): 2 452,40 € and 2 janvier 2027 in French, €2,452.40 and
 * 2 January 2027 in English. Amounts go to Intl as the exact decimal text of their minor
 * units (Intl formats a decimal string without turning it into a binary float), never as a
 * number. Spaces inside a figure are no-break spaces, so a figure never wraps.
 */

const amountFormats = new Map<string, Intl.NumberFormat>();

export function formatAmount(amountMinor: number, currency: string, language: Language): string {
  const text = toDecimalText(amountMinor, currency);
  const digits = text.split('.')[1]?.length ?? 0;
  const key = `${language}|${currency}|${digits}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    amountFormats.set(key, format);
  }
  return format.format(text as unknown as number);
}

/** A round sum without its zero cents, as legal texts write it: 40 € and 10 000 € (fr), €40 and €10,000 (en); 37 000,50 € otherwise. */
export function formatRoundAmount(amountMinor: number, currency: string, language: Language): string {
  const text = toDecimalText(amountMinor, currency);
  if (!/\.0+$/.test(text)) return formatAmount(amountMinor, currency, language);
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(
    text.replace(/\.0+$/, '') as unknown as number,
  );
}

/** 2000 basis points → "20 %" (fr) or "20%" (en); 550 → "5,5 %" or "5.5%". */
export function formatVatRate(rateBasisPoints: number, language: Language): string {
  return formatPercent(rateBasisPoints, language);
}

/** A rate given in hundredths of a percent, as a percentage of its language. */
export function formatPercent(basisPoints: number, language: Language): string {
  const sign = basisPoints < 0 ? '-' : '';
  const absolute = Math.abs(Math.trunc(basisPoints));
  const fraction = `${Math.trunc(absolute / 10000)}.${String(absolute % 10000).padStart(4, '0')}`;
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }).format(`${sign}${fraction}` as unknown as number);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

function utcDateOf(isoDate: string): Date | undefined {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // 2026-02-30 is not a day: Date would roll it over to March.
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? date : undefined;
}

/** 2027-01-02 → "2 janvier 2027" (fr), "2 January 2027" (en); anything else is shown as it came. */
export function formatDate(isoDate: string, language: Language): string {
  const date = utcDateOf(isoDate);
  return date ? new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date) : isoDate;
}

/** 2027-01-02 → "02/01/2027" in both languages (day first): for the narrow columns of the lines table. */
export function formatShortDate(isoDate: string, language: Language): string {
  const date = utcDateOf(isoDate);
  return date ? new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date) : isoDate;
}

/** 2026-10 → "octobre 2026" (fr), "October 2026" (en). */
export function formatPeriod(period: string, language: Language): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** 2026-02 → "01/02/2026 – 28/02/2026": the days the billed month covers. */
export function formatPeriodRange(period: string, language: Language): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const [, year = '', month = ''] = match;
  const last = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
  return `${formatShortDate(`${year}-${month}-01`, language)} – ${formatShortDate(`${year}-${month}-${last}`, language)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
