import { formatAmount, formatDate, formatPeriod, formatPeriodRange, formatVatRate } from './invoice-format';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('invoice formatting', () => {
  it('when amounts are formatted, then they are exact French-style figures from minor units', () => {
    expect(plain(formatAmount(123456, 'EUR'))).toBe('1 234,56 €');
    expect(plain(formatAmount(5, 'EUR'))).toBe('0,05 €');
    expect(plain(formatAmount(-120000, 'EUR'))).toBe('-1 200,00 €');
    expect(plain(formatAmount(900719925474099, 'EUR'))).toBe('9 007 199 254 740,99 €');
    expect(plain(formatAmount(1500, 'JPY'))).toBe('1 500 JPY');
    expect(plain(formatAmount(1005, 'TND'))).toBe('1,005 TND');
    expect(plain(formatAmount(0, 'EUR'))).toBe('0,00 €');
  });

  it('when a figure is grouped, then the separator is a no-break space so it never wraps', () => {
    expect(formatAmount(123456, 'EUR')).toBe('1\u00a0234,56\u00a0€');
  });

  it('when VAT rates are formatted from basis points, then they read as percentages', () => {
    expect(plain(formatVatRate(2000))).toBe('20 %');
    expect(plain(formatVatRate(550))).toBe('5,5 %');
    expect(plain(formatVatRate(210))).toBe('2,1 %');
    expect(plain(formatVatRate(1))).toBe('0,01 %');
    expect(plain(formatVatRate(0))).toBe('0 %');
  });

  it('when dates and periods are formatted, then they read day first and month by name', () => {
    expect(formatDate('2026-11-10')).toBe('10/11/2026');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatPeriod('2026-10')).toBe('October 2026');
    expect(formatPeriodRange('2026-10')).toBe('01/10/2026 – 31/10/2026');
    expect(formatPeriodRange('2028-02')).toBe('01/02/2028 – 29/02/2028');
    expect(formatPeriodRange('2100-02')).toBe('01/02/2100 – 28/02/2100');
    expect(formatPeriodRange('2026-04')).toBe('01/04/2026 – 30/04/2026');
  });
});
