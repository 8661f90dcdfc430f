import type { VatBreakdownEntry, VatCategoryCode } from './document';
import { oneEntryPerUntaxedCategory } from './vat-breakdown';

const entry = (categoryCode: VatCategoryCode, rateBasisPoints: number, baseMinor: number, taxMinor: number, reason: [string | null, string | null] = [null, null]): VatBreakdownEntry => ({
  vat: { categoryCode, rateBasisPoints, exemptionReasonCode: reason[0], exemptionReason: reason[1] },
  baseMinor,
  taxMinor,
});

describe('oneEntryPerUntaxedCategory', () => {
  it('when exempt entries have different reasons, then they become one entry with the amounts summed and both reasons, and no code', () => {
    const flight = entry('E', 0, 45_000, 0, [null, 'Exonération de TVA, article 262 II 8° du CGI']);
    const margin = entry('E', 0, 184_800, 0, ['VATEX-EU-D', 'Régime particulier – Agences de voyages']);
    const hotel = entry('S', 1_000, 31_000, 3_100);
    const train = entry('S', 2_000, 10_000, 2_000);

    expect(oneEntryPerUntaxedCategory([hotel, flight, train, margin])).toEqual([
      hotel,
      train,
      entry('E', 0, 229_800, 0, [null, 'Exonération de TVA, article 262 II 8° du CGI; Régime particulier – Agences de voyages']),
    ]);
  });

  it('when untaxed entries share their reason code, then the merged entry keeps it; a single entry is left as it is', () => {
    const a = entry('E', 0, 100, 0, ['VATEX-EU-D', 'Régime particulier – Agences de voyages']);
    const b = entry('E', 0, 200, 0, ['VATEX-EU-D', 'Régime particulier – Agences de voyages']);
    const outside = entry('O', 0, 50, 0, ['VATEX-EU-O', 'Hors champ']);
    expect(oneEntryPerUntaxedCategory([a, b, outside])).toEqual([entry('E', 0, 300, 0, ['VATEX-EU-D', 'Régime particulier – Agences de voyages']), outside]);
  });
});
