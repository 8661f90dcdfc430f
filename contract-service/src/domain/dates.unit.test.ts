import { addDays, calendarDateIn, isAfter, isBefore, isIsoDate } from './dates';

describe('dates', () => {
  it('when a string names a real calendar day, then it is an ISO date; otherwise not', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('when comparing dates, then order follows the calendar, across months and years', () => {
    expect(isBefore('2026-09-30', '2026-10-01')).toBe(true);
    expect(isAfter('2027-01-01', '2026-12-31')).toBe(true);
    expect(isBefore('2026-10-01', '2026-10-01')).toBe(false);
    expect(() => isBefore('2026-10-1', '2026-10-01')).toThrow(/not an ISO date/);
  });

  it('when an instant is late in the UTC evening, then Paris is already on the next day', () => {
    const instant = new Date('2026-12-31T23:30:00.000Z');
    expect(calendarDateIn('Europe/Paris', instant)).toBe('2027-01-01');
    expect(calendarDateIn('UTC', instant)).toBe('2026-12-31');
    // Summer time: UTC+2.
    expect(calendarDateIn('Europe/Paris', new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });

  it('when adding days, then months and leap years are respected', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
