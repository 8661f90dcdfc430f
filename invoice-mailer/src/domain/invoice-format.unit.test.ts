import { formatAmount, formatDate, formatRoundAmount, formatPercent, formatPeriod, formatPeriodRange, formatShortDate, formatVatRate } from './invoice-format';

/** Intl separates French thousands with a narrow no-break space and the € with a no-break space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('invoice formatting', () => {
  it('when amounts are formatted in French, then they are exact fr-FR figures from minor units', () => {
    expect(plain(formatAmount(245240, 'EUR', 'fr'))).toBe('2 452,40 €');
    expect(plain(formatAmount(5, 'EUR', 'fr'))).toBe('0,05 €');
    expect(plain(formatAmount(-120000, 'EUR', 'fr'))).toBe('-1 200,00 €');
    expect(plain(formatAmount(900719925474099, 'EUR', 'fr'))).toBe('9 007 199 254 740,99 €');
    expect(plain(formatAmount(1500, 'JPY', 'fr'))).toBe('1 500 JPY');
    expect(plain(formatAmount(1005, 'TND', 'fr'))).toBe('1,005 TND');
    expect(plain(formatAmount(0, 'EUR', 'fr'))).toBe('0,00 €');
  });

  it('when amounts are formatted in English, then they are exact en-GB figures', () => {
    expect(formatAmount(245240, 'EUR', 'en')).toBe('€2,452.40');
    expect(formatAmount(-120000, 'EUR', 'en')).toBe('-€1,200.00');
    expect(formatAmount(900719925474099, 'EUR', 'en')).toBe('€9,007,199,254,740.99');
  });

  it('when a round sum is written as legal texts do, then its zero cents are left out, other cents kept', () => {
    expect(plain(formatRoundAmount(4000, 'EUR', 'fr'))).toBe('40 €');
    expect(formatRoundAmount(1_000_000, 'EUR', 'en')).toBe('€10,000');
    expect(plain(formatRoundAmount(3_700_050, 'EUR', 'fr'))).toBe('37 000,50 €');
  });

  it('when a French figure is grouped, then no separator is a breaking space, so it never wraps', () => {
    expect(formatAmount(123456, 'EUR', 'fr')).toBe('1\u202f234,56\u00a0€');
  });

  it('when VAT rates are formatted from basis points, then they read as percentages of the language', () => {
    expect(plain(formatVatRate(2000, 'fr'))).toBe('20 %');
    expect(plain(formatVatRate(550, 'fr'))).toBe('5,5 %');
    expect(plain(formatVatRate(210, 'fr'))).toBe('2,1 %');
    expect(plain(formatVatRate(1, 'fr'))).toBe('0,01 %');
    expect(plain(formatVatRate(0, 'fr'))).toBe('0 %');
    expect(formatVatRate(550, 'en')).toBe('5.5%');
    expect(formatPercent(1250, 'en')).toBe('12.5%');
  });

  it('when dates and periods are formatted, then they read day first with the month by name in the language', () => {
    expect(formatDate('2027-01-02', 'fr')).toBe('2 janvier 2027');
    expect(formatDate('2027-01-02', 'en')).toBe('2 January 2027');
    expect(formatDate('2026-02-30', 'fr')).toBe('2026-02-30');
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatShortDate('2026-11-10', 'fr')).toBe('10/11/2026');
    expect(formatShortDate('2026-11-10', 'en')).toBe('10/11/2026');
    expect(formatPeriod('2026-10', 'fr')).toBe('octobre 2026');
    expect(formatPeriod('2026-10', 'en')).toBe('October 2026');
    expect(formatPeriodRange('2026-10', 'fr')).toBe('01/10/2026 – 31/10/2026');
    expect(formatPeriodRange('2028-02', 'en')).toBe('01/02/2028 – 29/02/2028');
    expect(formatPeriodRange('2100-02', 'fr')).toBe('01/02/2100 – 28/02/2100');
    expect(formatPeriodRange('2026-04', 'fr')).toBe('01/04/2026 – 30/04/2026');
  });
});
