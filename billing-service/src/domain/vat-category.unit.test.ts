import { vatTreatmentOf, withVatTreatment, type LineVat } from './vat-category';

const PATH = '/body/order/orderItems/0/productItems/1';
const line = (overrides: Partial<LineVat> = {}): LineVat => ({
  path: PATH,
  vatCategory: undefined,
  vatRateBasisPoints: 1_000,
  amountTaxMinor: 1_200,
  vatExemptionReasonCode: undefined,
  vatExemptionReason: undefined,
  ...overrides,
});
const untaxed = (overrides: Partial<LineVat>) => line({ vatRateBasisPoints: 0, amountTaxMinor: 0, ...overrides });

describe('vatTreatmentOf', () => {
  it('when a line has no category, then it is standard (S), or zero rated (Z) at 0 %, as older clients meant it', () => {
    expect(vatTreatmentOf(line())).toEqual({ kind: 'treatment', treatment: { vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null } });
    expect(vatTreatmentOf(untaxed({}))).toEqual({ kind: 'treatment', treatment: { vatCategoryCode: 'Z', vatExemptionReasonCode: null, vatExemptionReason: null } });
  });

  it('when each category is given with what it needs, then it maps to its EN 16931 code and reason', () => {
    expect(vatTreatmentOf(line({ vatCategory: 'STANDARD' }))).toMatchObject({ treatment: { vatCategoryCode: 'S' } });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'ZERO_RATED' }))).toMatchObject({ treatment: { vatCategoryCode: 'Z', vatExemptionReasonCode: null } });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'OUTSIDE_SCOPE' }))).toMatchObject({ treatment: { vatCategoryCode: 'O', vatExemptionReasonCode: 'VATEX-EU-O' } });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'TRAVEL_AGENT_MARGIN' }))).toEqual({
      kind: 'treatment',
      treatment: { vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D', vatExemptionReason: 'Régime particulier – Agences de voyages' },
    });
    const reason = 'Exonération de TVA, article 262 II 8° du CGI';
    expect(vatTreatmentOf(untaxed({ vatCategory: 'EXEMPT', vatExemptionReason: reason }))).toEqual({
      kind: 'treatment',
      treatment: { vatCategoryCode: 'E', vatExemptionReasonCode: null, vatExemptionReason: reason },
    });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'EXEMPT', vatExemptionReason: reason, vatExemptionReasonCode: 'VATEX-EU-132-1B' }))).toMatchObject({
      treatment: { vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-132-1B' },
    });
  });

  it('when a category other than STANDARD comes with a VAT rate or tax, then the line is refused, naming the field', () => {
    for (const vatCategory of ['ZERO_RATED', 'EXEMPT', 'OUTSIDE_SCOPE', 'TRAVEL_AGENT_MARGIN'] as const) {
      const withRate = vatTreatmentOf(line({ vatCategory, vatExemptionReason: vatCategory === 'EXEMPT' ? 'Exonération' : undefined }));
      expect(withRate).toMatchObject({ kind: 'problem', path: `${PATH}/vatCategory` });
      expect(withRate.kind === 'problem' && withRate.message).toContain(`a line of vatCategory ${vatCategory} has vatRate 0 and amountTax 0`);
      expect(vatTreatmentOf(line({ vatCategory, vatRateBasisPoints: 0, amountTaxMinor: 1 }))).toMatchObject({ kind: 'problem' });
    }
  });

  it('when STANDARD is at 0 %, an EXEMPT line has no reason, or another category has one, then the line is refused', () => {
    expect(vatTreatmentOf(untaxed({ vatCategory: 'STANDARD' }))).toMatchObject({ kind: 'problem', path: `${PATH}/vatRate` });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'EXEMPT' }))).toMatchObject({ kind: 'problem', path: `${PATH}/vatExemptionReason` });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'EXEMPT', vatExemptionReasonCode: 'VATEX-EU-132' }))).toMatchObject({ kind: 'problem', path: `${PATH}/vatExemptionReason` });
    expect(vatTreatmentOf(untaxed({ vatCategory: 'TRAVEL_AGENT_MARGIN', vatExemptionReason: 'mine' }))).toMatchObject({ kind: 'problem', path: `${PATH}/vatExemptionReason` });
    expect(vatTreatmentOf(line({ vatExemptionReasonCode: 'VATEX-EU-132' }))).toMatchObject({ kind: 'problem', path: `${PATH}/vatExemptionReason` });
  });
});

describe('withVatTreatment', () => {
  it('when an entry was stored before categories, then it reads as S, or Z at 0 %; a stored treatment is kept', () => {
    expect(withVatTreatment({ rateBasisPoints: 2_000, baseMinor: 1, taxMinor: 0 })).toMatchObject({ vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null });
    expect(withVatTreatment({ vatRateBasisPoints: 0 })).toMatchObject({ vatCategoryCode: 'Z' });
    expect(withVatTreatment({ rateBasisPoints: 0, vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D' })).toMatchObject({ vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D' });
  });
});
