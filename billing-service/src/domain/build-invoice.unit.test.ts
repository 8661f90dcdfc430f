import { buildInvoiceDraft, mandateToDebit } from './build-invoice';
import { TRAVEL_AGENT_MARGIN } from './vat-category';
import type { BillableLine, BillableOperation } from './invoice';
import { formatInvoiceRef } from './invoice-number';

let nextId = 0;

function line(withoutTaxMinor: number, rateBasisPoints: number, taxMinor: number, overrides: Partial<BillableLine> = {}): BillableLine {
  return {
    lineNo: 1,
    productLabel: 'Paris – Lyon, 2nd class',
    quantity: 1,
    unitPriceMinor: withoutTaxMinor,
    vatRateBasisPoints: rateBasisPoints,
    amountWithoutTaxMinor: withoutTaxMinor,
    amountTaxMinor: taxMinor,
    amountWithTaxMinor: withoutTaxMinor + taxMinor,
    travellerName: 'Jane Martin',
    bookingRef: 'PNR7XK2Q',
    costCentre: null,
    vatCategoryCode: rateBasisPoints === 0 ? 'Z' : 'S',
    vatExemptionReasonCode: null,
    vatExemptionReason: null,
    ...overrides,
  };
}

function operation(type: 'PURCHASE' | 'REFUND', lines: BillableLine[], overrides: Partial<BillableOperation> = {}): BillableOperation {
  nextId += 1;
  return { operationId: `op-${nextId}`, type, orderRef: `ORD-${nextId}`, operationAt: '2026-10-15', currency: 'EUR', lines, ...overrides };
}

function draftOf(operations: BillableOperation[]) {
  const outcome = buildInvoiceDraft(operations);
  if (outcome.kind !== 'draft') throw new Error(`expected a draft, got ${outcome.kind}`);
  return outcome.draft;
}

const EXEMPT_FLIGHT = { vatCategoryCode: 'E', vatExemptionReasonCode: null, vatExemptionReason: 'Exonération de TVA, article 262 II 8° du CGI' } as const;

describe('buildInvoiceDraft', () => {
  it('when lines are of several VAT categories, then the breakdown has one entry per category, rate and exemption reason, standard rates first', () => {
    const draft = draftOf([
      operation('PURCHASE', [
        line(30_000, 0, 0, { ...TRAVEL_AGENT_MARGIN, productLabel: 'Package Marrakech, 4 days' }),
        line(12_000, 1_000, 1_200, { lineNo: 2, productLabel: 'Hotel Lyon, 1 night' }),
        line(45_000, 0, 0, { lineNo: 3, ...EXEMPT_FLIGHT, productLabel: 'Flight Paris – New York' }),
        line(8_000, 1_000, 800, { lineNo: 4, productLabel: 'Hotel Lyon, breakfast' }),
        line(20_000, 0, 0, { lineNo: 5, ...TRAVEL_AGENT_MARGIN, productLabel: 'Package Rome, 3 days' }),
        line(5_000, 2_000, 1_000, { lineNo: 6, productLabel: 'Travel insurance fee' }),
      ]),
    ]);
    expect(draft.vatBreakdown).toEqual([
      { rateBasisPoints: 1_000, baseMinor: 20_000, taxMinor: 2_000, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { rateBasisPoints: 2_000, baseMinor: 5_000, taxMinor: 1_000, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { rateBasisPoints: 0, baseMinor: 45_000, taxMinor: 0, ...EXEMPT_FLIGHT },
      { rateBasisPoints: 0, baseMinor: 50_000, taxMinor: 0, ...TRAVEL_AGENT_MARGIN },
    ]);
    expect(draft.totals).toEqual({ withoutTaxMinor: 120_000, taxMinor: 3_000, withTaxMinor: 123_000 });
    expect(draft.lines.map((invoiceLine) => invoiceLine.vatCategoryCode)).toEqual(['E', 'S', 'E', 'S', 'E', 'S']);
  });

  it('when lines are under the margin scheme, then they carry no VAT, category E and the margin scheme reason', () => {
    const draft = draftOf([operation('PURCHASE', [line(30_000, 0, 0, TRAVEL_AGENT_MARGIN)])]);
    expect(draft.lines[0]).toMatchObject({ taxMinor: 0, vatRateBasisPoints: 0, amountWithTaxMinor: 30_000, vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D', vatExemptionReason: 'Régime particulier – Agences de voyages' });
    expect(draft.totals.taxMinor).toBe(0);
  });

  it('when the contract has credit to deduct, then the invoice deducts it up to its total and only the rest is due and debited', () => {
    const purchase = () => operation('PURCHASE', [line(10_000, 1_000, 1_000)]);
    expect(draftOf([purchase()])).toMatchObject({ prepaidAmountMinor: 0, amountDueMinor: 11_000, debitRequired: true });
    expect(buildInvoiceDraft([purchase()], 3_000)).toMatchObject({ draft: { totals: { withTaxMinor: 11_000 }, prepaidAmountMinor: 3_000, amountDueMinor: 8_000, debitRequired: true } });
    expect(buildInvoiceDraft([purchase()], 50_000)).toMatchObject({ draft: { invoiceType: 'INVOICE', prepaidAmountMinor: 11_000, amountDueMinor: 0, debitRequired: false } });
    expect(buildInvoiceDraft([purchase()], -500)).toMatchObject({ draft: { prepaidAmountMinor: 0, amountDueMinor: 11_000 } });
  });

  it('when operations have lines at several VAT rates, then the breakdown has one entry per rate and totals are the sums of the lines', () => {
    const draft = draftOf([
      operation('PURCHASE', [line(14_500, 1_000, 1_450), line(12_345, 2_000, 2_469, { lineNo: 2, quantity: 3, unitPriceMinor: 4_115 })]),
      operation('PURCHASE', [line(1_999, 550, 110)]),
      operation('REFUND', [line(4_000, 1_000, 400)]),
    ]);
    const standard = { vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null };
    expect(draft.vatBreakdown).toEqual([
      { rateBasisPoints: 550, baseMinor: 1_999, taxMinor: 110, ...standard },
      { rateBasisPoints: 1_000, baseMinor: 10_500, taxMinor: 1_050, ...standard },
      { rateBasisPoints: 2_000, baseMinor: 12_345, taxMinor: 2_469, ...standard },
    ]);
    expect(draft.totals).toEqual({ withoutTaxMinor: 24_844, taxMinor: 3_629, withTaxMinor: 28_473 });
    const sum = (pick: (line: (typeof draft.lines)[number]) => number) => draft.lines.reduce((total, current) => total + pick(current), 0);
    expect(draft.totals).toEqual({ withoutTaxMinor: sum((l) => l.amountWithoutTaxMinor), taxMinor: sum((l) => l.taxMinor), withTaxMinor: sum((l) => l.amountWithTaxMinor) });
    expect(draft.vatBreakdown.reduce((total, subtotal) => total + subtotal.baseMinor + subtotal.taxMinor, 0)).toBe(draft.totals.withTaxMinor);
    expect(draft.invoiceType).toBe('INVOICE');
    expect(draft.debitRequired).toBe(true);
  });

  it('when an operation is a refund, then its lines are negative, the quantity positive, numbered after the others', () => {
    const draft = draftOf([operation('PURCHASE', [line(10_000, 1_000, 1_000)]), operation('REFUND', [line(2_000, 1_000, 200, { quantity: 2, unitPriceMinor: 1_000 })])]);
    expect(draft.lines.map((l) => [l.lineNumber, l.operationType, l.quantity, l.unitPriceWithoutTaxMinor, l.amountWithoutTaxMinor, l.taxMinor, l.amountWithTaxMinor])).toEqual([
      [1, 'PURCHASE', 1, 10_000, 10_000, 1_000, 11_000],
      [2, 'REFUND', 2, -1_000, -2_000, -200, -2_200],
    ]);
  });

  it('when there are only refunds, then it is a credit note and nothing is debited', () => {
    const draft = draftOf([operation('REFUND', [line(5_000, 2_000, 1_000)])]);
    expect(draft).toMatchObject({ invoiceType: 'CREDIT_NOTE', debitRequired: false, totals: { withoutTaxMinor: -5_000, taxMinor: -1_000, withTaxMinor: -6_000 } });
  });

  it('when refunds cancel the purchases exactly, then it is a credit note of zero', () => {
    const draft = draftOf([operation('PURCHASE', [line(5_000, 2_000, 1_000)]), operation('REFUND', [line(5_000, 2_000, 1_000)])]);
    expect(draft).toMatchObject({ invoiceType: 'CREDIT_NOTE', debitRequired: false, totals: { withTaxMinor: 0 } });
  });

  it('when there is nothing, or currencies differ, then there is no draft', () => {
    expect(buildInvoiceDraft([])).toEqual({ kind: 'nothing-to-invoice' });
    expect(buildInvoiceDraft([operation('PURCHASE', [line(1, 0, 0)], { currency: 'USD' }), operation('PURCHASE', [line(1, 0, 0)])])).toEqual({
      kind: 'mixed-currencies',
      currencies: ['EUR', 'USD'],
    });
  });
});

describe('mandateToDebit', () => {
  const mandate = { mandateRef: 'RUM-1', iban: 'FR7630006000011234567890189', bic: null, status: 'ACTIVE' as const, signedAt: '2026-01-01', revokedAt: null };

  it('when the mandate is signed and not revoked, then the invoice carries it; otherwise none', () => {
    expect(mandateToDebit(mandate)).toEqual({ mandateRef: 'RUM-1', iban: 'FR7630006000011234567890189', bic: null, signedAt: '2026-01-01' });
    expect(mandateToDebit({ ...mandate, status: 'REVOKED', revokedAt: '2026-02-01' })).toBeNull();
    expect(mandateToDebit({ ...mandate, status: 'PENDING_SIGNATURE', signedAt: null })).toBeNull();
    expect(mandateToDebit(null)).toBeNull();
  });
});

describe('formatInvoiceRef', () => {
  it('when numbered, then BIL-<year>-<at least six digits>', () => {
    expect(formatInvoiceRef(2026, 42)).toBe('BIL-2026-000042');
    expect(formatInvoiceRef(2026, 1_234_567)).toBe('BIL-2026-1234567');
    expect(() => formatInvoiceRef(2026, 0)).toThrow(RangeError);
  });
});
