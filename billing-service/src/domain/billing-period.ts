import type { Refusal } from './billing.errors';

/**
 * A billing period is a calendar month of billing's time zone, written YYYY-MM. Operations
 * carry a calendar date (the sales system's, YYYY-MM-DD) and belong to the month of that
 * date; the only instant that needs the time zone is "now", turned into today's date there
 * (see calendar.ts), so DST changes never move a day from one month to another.
 */
export interface BillingPeriod {
  /** YYYY-MM */
  readonly id: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** First day, YYYY-MM-DD. */
  readonly firstDay: string;
  /** Last day, YYYY-MM-DD (28 to 31 days after the first, leap years included). */
  readonly lastDay: string;
  /** First day of the next period: operations dated before it belong to this period or an earlier one. */
  readonly endExclusive: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC, so no time zone is involved.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function billingPeriod(year: number, month: number): BillingPeriod {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no billing period for year ${year}, month ${month}`);
  }
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    id: `${pad(year, 4)}-${pad(month)}`,
    year,
    month,
    firstDay: `${pad(year, 4)}-${pad(month)}-01`,
    lastDay: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    endExclusive: `${pad(next.year, 4)}-${pad(next.month)}-01`,
  };
}

/** "2026-10" → the period; undefined for anything else (years before 1000 included). */
export function parseBillingPeriod(text: string): BillingPeriod | undefined {
  const match = PERIOD.exec(text);
  const year = Number(match?.[1]);
  return match && year >= 1000 ? billingPeriod(year, Number(match[2])) : undefined;
}

/** The period an ISO date (YYYY-MM-DD) belongs to. */
export function periodOfDate(date: string): BillingPeriod {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`${date} is not an ISO date`);
  return billingPeriod(Number(match[1]), Number(match[2]));
}

export function previousPeriod(period: BillingPeriod): BillingPeriod {
  return period.month === 1 ? billingPeriod(period.year - 1, 12) : billingPeriod(period.year, period.month - 1);
}

/** The month that has just ended when it is `today` (billing's calendar date): what the scheduled run bills. */
export function periodJustEnded(today: string): BillingPeriod {
  return previousPeriod(periodOfDate(today));
}

/** A period is over once its last day is, in billing's calendar. */
export function isPeriodOver(period: BillingPeriod, today: string): boolean {
  return today >= period.endExclusive;
}

/**
 * Why `period` cannot be run when it is `today` in `timeZone`: a period is billed once it is
 * over, and previewed (a dry run) once it has begun.
 */
export function whyPeriodCannotRun(period: BillingPeriod, when: { today: string; timeZone: string }, dryRun: boolean): Refusal<'PERIOD_NOT_ENDED'> | undefined {
  const { today, timeZone } = when;
  if (dryRun) {
    return period.firstDay > today ? { code: 'PERIOD_NOT_ENDED', message: `${period.id} has not begun in ${timeZone}: there is nothing to preview.` } : undefined;
  }
  if (isPeriodOver(period, today)) return undefined;
  return {
    code: 'PERIOD_NOT_ENDED',
    message: `${period.id} is not over in ${timeZone} (today is ${today}): it can be billed from ${period.endExclusive}, or previewed with dryRun.`,
  };
}

/** `date` plus `days` calendar days (ISO dates, no time zone involved). */
export function addDays(date: string, days: number): string {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`${date} is not an ISO date`);
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}
