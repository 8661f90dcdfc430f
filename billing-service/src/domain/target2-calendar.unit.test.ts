import { easterSunday, isTarget2BusinessDay, onOrAfterTarget2BusinessDay } from './target2-calendar';

describe('the TARGET2 calendar', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
  ])('when the year is %i, then Easter Sunday is %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it.each([
    ['2027-01-01', 'New Year'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-01', 'Labour Day'],
    ['2026-12-25', 'Christmas'],
    ['2026-12-26', 'Boxing Day (a Saturday anyway)'],
    ['2025-12-26', 'Boxing Day'],
    ['2027-01-02', 'a Saturday'],
    ['2027-01-03', 'a Sunday'],
  ])('when the day is %s (%s), then TARGET2 is closed', (date) => {
    expect(isTarget2BusinessDay(date)).toBe(false);
  });

  it.each([
    ['2026-07-14', 'Bastille Day: a French holiday, not a TARGET2 one'],
    ['2026-08-14', 'a Friday'],
    ['2026-05-14', 'Ascension: open'],
    ['2026-12-24', 'Christmas Eve'],
  ])('when the day is %s (%s), then TARGET2 is open', (date) => {
    expect(isTarget2BusinessDay(date)).toBe(true);
  });

  it('when the day is a business day, then it is kept', () => {
    expect(onOrAfterTarget2BusinessDay('2027-01-04')).toBe('2027-01-04');
  });

  it('when the day is New Year on a Friday, then the collection moves over the weekend to Monday', () => {
    expect(onOrAfterTarget2BusinessDay('2027-01-01')).toBe('2027-01-04');
  });

  it('when the day is Good Friday, then it moves past Easter Monday to the Tuesday', () => {
    expect(onOrAfterTarget2BusinessDay('2026-04-03')).toBe('2026-04-07');
  });

  it('when the day is Christmas, then it moves past Boxing Day', () => {
    expect(onOrAfterTarget2BusinessDay('2025-12-25')).toBe('2025-12-29');
  });

  it('when the text is not a date, then it is refused', () => {
    expect(() => isTarget2BusinessDay('2026-13-45')).toThrow(RangeError);
  });
});
