import { addDays } from './billing-period';

/**
 * The TARGET2 calendar, on which SEPA direct debits settle: every day but Saturdays, Sundays,
 * 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December (the ECB's published closing
 * days, unchanged since 2002). Written here rather than taken from a holiday library: those
 * model national public holidays (France's 14 July, 15 August… are TARGET2 business days), and
 * the whole rule is these few lines plus the Gregorian Easter date.
 */

const FIXED_CLOSING_DAYS = new Set(['01-01', '05-01', '12-25', '12-26']);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isTarget2BusinessDay(date: string): boolean {
  const weekDay = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (Number.isNaN(weekDay)) throw new RangeError(`${date} is not an ISO date`);
  if (weekDay === 0 || weekDay === 6) return false;
  if (FIXED_CLOSING_DAYS.has(date.slice(5))) return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** `date` itself when TARGET2 is open that day, else the next day it is. */
export function onOrAfterTarget2BusinessDay(date: string): string {
  let day = date;
  while (!isTarget2BusinessDay(day)) day = addDays(day, 1);
  return day;
}
