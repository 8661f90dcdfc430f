/**
 * When, on its collection date, a debit may be sent to the provider: at `time` (HH:MM) on
 * that day in `timeZone`, the creditor's banking day, whatever the zone the service runs in.
 */
export interface CollectionSchedule {
  /** HH:MM, 24-hour clock. */
  time: string;
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant `date` at `schedule.time` falls on in `schedule.timeZone` (the later one when clocks go back). */
export function collectionStartOf(date: string, schedule: CollectionSchedule): Date {
  const day = DATE.exec(date);
  const time = TIME.exec(schedule.time);
  if (!day || !time) throw new RangeError(`${date} ${schedule.time} is not an ISO date and an HH:MM time`);
  const wallClock = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(time[1]), Number(time[2]));
  // The zone's offset at a first guess, then at the instant it gives: right on both sides of a change of offset.
  const firstGuess = wallClock - offsetMsAt(wallClock, schedule.timeZone);
  return new Date(wallClock - offsetMsAt(firstGuess, schedule.timeZone));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `instant`. */
function offsetMsAt(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) `instant` falls on in `timeZone`. */
export function calendarDateOf(instant: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/**
 * The date a debit sent at `now` is collected on: its collection date, or, for a debit presented
 * after it (an operator's retry, a late event, transient retries past midnight), the day it is sent.
 */
export function collectionDateOfDebit(collectionDate: string, now: Date, timeZone: string): string {
  const today = calendarDateOf(now, timeZone);
  return today > collectionDate ? today : collectionDate;
}
