import { calendarDateOf, collectionDateOfDebit, collectionStartOf } from './collection-schedule';

const paris = { time: '06:00', timeZone: 'Europe/Paris' };

describe('the start of a collection day', () => {
  it('when the day is in winter, then 06:00 in Paris is 05:00 UTC', () => {
    expect(collectionStartOf('2027-01-04', paris).toISOString()).toBe('2027-01-04T05:00:00.000Z');
  });

  it('when the day is in summer, then 06:00 in Paris is 04:00 UTC', () => {
    expect(collectionStartOf('2026-07-15', paris).toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('when the day is the one clocks go forward, then 06:00 is already summer time', () => {
    expect(collectionStartOf('2026-03-29', paris).toISOString()).toBe('2026-03-29T04:00:00.000Z');
  });

  it('when the time is midnight and the zone UTC, then it is the start of the UTC day', () => {
    expect(collectionStartOf('2026-12-31', { time: '00:00', timeZone: 'UTC' }).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('when the date or the time is malformed, then it is refused', () => {
    expect(() => collectionStartOf('2026-12-3', paris)).toThrow(RangeError);
    expect(() => collectionStartOf('2026-12-03', { ...paris, time: '6h' })).toThrow(RangeError);
  });
});

describe('collectionDateOfDebit', () => {
  it('when the debit is sent on or before its collection date, then that date; after it, the day it is sent in the zone', () => {
    expect(collectionDateOfDebit('2027-01-04', new Date('2027-01-04T05:00:00Z'), 'Europe/Paris')).toBe('2027-01-04');
    expect(collectionDateOfDebit('2027-01-04', new Date('2027-01-07T23:30:00Z'), 'Europe/Paris')).toBe('2027-01-08');
    expect(calendarDateOf(new Date('2027-01-07T23:30:00Z'), 'UTC')).toBe('2027-01-07');
  });
});
