import type { IsoDate } from './contract';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM-DD strings of fixed width order like the dates they name; anything else is a bug. */
function checked(date: IsoDate): IsoDate {
  if (!isIsoDate(date)) throw new Error(`not an ISO date: ${JSON.stringify(date)}`);
  return date;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return checked(a) < checked(b);
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return checked(a) > checked(b);
}

/** The calendar date an instant falls on in `timeZone` (e.g. Europe/Paris). */
export function calendarDateIn(timeZone: string, instant: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = checked(date).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
