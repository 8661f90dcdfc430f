import { calendarDateIn } from './calendar';
import { addDays, billingPeriod, isPeriodOver, parseBillingPeriod, periodJustEnded, periodOfDate, whyPeriodCannotRun } from './billing-period';

const paris = 'Europe/Paris';
const periodJustEndedAt = (instant: string) => periodJustEnded(calendarDateIn(paris, new Date(instant))).id;

describe('billing periods', () => {
  it('when a month is parsed, then its first, last and next first days follow the calendar, leap years included', () => {
    expect(parseBillingPeriod('2026-10')).toEqual({ id: '2026-10', year: 2026, month: 10, firstDay: '2026-10-01', lastDay: '2026-10-31', endExclusive: '2026-11-01' });
    expect(parseBillingPeriod('2026-12')?.endExclusive).toBe('2027-01-01');
    expect(parseBillingPeriod('2028-02')?.lastDay).toBe('2028-02-29');
    expect(parseBillingPeriod('2026-02')?.lastDay).toBe('2026-02-28');
    expect(parseBillingPeriod('2100-02')?.lastDay).toBe('2100-02-28');
    for (const text of ['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '0999-01', '']) expect(parseBillingPeriod(text)).toBeUndefined();
  });

  it('when an operation is dated the last day of a month, then it is in that month; dated the 1st, in the next', () => {
    expect(periodOfDate('2026-10-31').id).toBe('2026-10');
    expect(periodOfDate('2026-11-01').id).toBe('2026-11');
    expect(periodOfDate('2026-03-31').id).toBe('2026-03');
    expect(periodOfDate('2026-04-01').id).toBe('2026-04');
    const october = billingPeriod(2026, 10);
    expect('2026-10-31' < october.endExclusive && '2026-10-31' >= october.firstDay).toBe(true);
    expect('2026-11-01' < october.endExclusive).toBe(false);
  });

  it('when the scheduler fires around midnight Paris time at the end of a DST month, then the month just ended is the Paris one, not the UTC one', () => {
    // March 2026 ends in summer time (UTC+2): 1 April 00:30 in Paris is still 31 March in UTC.
    expect(periodJustEndedAt('2026-03-31T22:30:00Z')).toBe('2026-03');
    expect(periodJustEndedAt('2026-03-31T21:59:59Z')).toBe('2026-02');
    // October 2026 ends in winter time (UTC+1, since 25 October): 1 November 00:30 in Paris is 31 October 23:30 UTC.
    expect(periodJustEndedAt('2026-10-31T23:30:00Z')).toBe('2026-10');
    expect(periodJustEndedAt('2026-10-31T22:59:59Z')).toBe('2026-09');
    // The default schedule, 02:00 on the 1st in Paris.
    expect(periodJustEndedAt('2026-11-01T01:00:00Z')).toBe('2026-10');
    expect(periodJustEndedAt('2027-01-01T01:00:00Z')).toBe('2026-12');
  });

  it('when today is in the period or before its end, then it is not over; from the 1st of the next month it is', () => {
    const october = billingPeriod(2026, 10);
    expect(isPeriodOver(october, '2026-10-31')).toBe(false);
    expect(isPeriodOver(october, '2026-11-01')).toBe(true);
    expect(isPeriodOver(october, calendarDateIn(paris, new Date('2026-10-31T23:30:00Z')))).toBe(true);
    expect(isPeriodOver(october, calendarDateIn(paris, new Date('2026-10-31T22:30:00Z')))).toBe(false);
  });

  it('when days are added to a date, then months and years roll over', () => {
    expect(addDays('2026-11-01', 30)).toBe('2026-12-01');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 3)).toBe('2026-03-31');
    expect(addDays('2026-11-01', 0)).toBe('2026-11-01');
  });

  describe('whyPeriodCannotRun', () => {
    const october = billingPeriod(2026, 10);
    const on = (today: string) => ({ today, timeZone: paris });

    it('when the period is over, then it can be run, and previewed', () => {
      expect(whyPeriodCannotRun(october, on('2026-11-01'), false)).toBeUndefined();
      expect(whyPeriodCannotRun(october, on('2026-11-01'), true)).toBeUndefined();
    });

    it('when the period is still going on, then it is PERIOD_NOT_ENDED, saying when it can be billed, but it can be previewed', () => {
      expect(whyPeriodCannotRun(october, on('2026-10-31'), false)).toEqual({
        code: 'PERIOD_NOT_ENDED',
        message: '2026-10 is not over in Europe/Paris (today is 2026-10-31): it can be billed from 2026-11-01, or previewed with dryRun.',
      });
      expect(whyPeriodCannotRun(october, on('2026-10-01'), true)).toBeUndefined();
    });

    it('when the period has not begun, then neither a run nor a preview is possible', () => {
      expect(whyPeriodCannotRun(october, on('2026-09-30'), true)).toEqual({ code: 'PERIOD_NOT_ENDED', message: '2026-10 has not begun in Europe/Paris: there is nothing to preview.' });
      expect(whyPeriodCannotRun(october, on('2026-09-30'), false)?.code).toBe('PERIOD_NOT_ENDED');
    });
  });
});
