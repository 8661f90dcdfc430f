import { creditableRemainingOf, decideCreditNote, formatCreditNoteRef, prorate, type CreditableInvoice } from './credit-note';
import { STANDARD, TRAVEL_AGENT_MARGIN } from './vat-category';

/** 120.00 at 20 % (100 + 20) and 55.00 at 10 % (50 + 5): 175.00 with tax. */
const invoice = (overrides: Partial<CreditableInvoice> = {}): CreditableInvoice => ({
  invoiceRef: 'BIL-2026-000042',
  invoiceType: 'INVOICE',
  currency: 'EUR',
  totalWithTaxMinor: 17_500,
  vatBreakdown: [
    { rateBasisPoints: 2000, baseMinor: 10_000, taxMinor: 2_000, ...STANDARD },
    { rateBasisPoints: 1000, baseMinor: 5_000, taxMinor: 500, ...STANDARD },
  ],
  creditedMinor: 0,
  ...overrides,
});

describe('decideCreditNote', () => {
  it('when no amount is given on an invoice never credited, then it credits the whole invoice, rate by rate', () => {
    const decision = decideCreditNote(invoice(), undefined);
    expect(decision).toMatchObject({
      kind: 'credit',
      draft: {
        currency: 'EUR',
        totals: { withoutTaxMinor: 15_000, taxMinor: 2_500, withTaxMinor: 17_500 },
        vatBreakdown: invoice().vatBreakdown,
        lines: [
          { lineNumber: 1, vatRateBasisPoints: 2000, amountWithoutTaxMinor: 10_000, taxMinor: 2_000, amountWithTaxMinor: 12_000, description: 'Credit of invoice BIL-2026-000042, VAT 20 %' },
          { lineNumber: 2, vatRateBasisPoints: 1000, amountWithoutTaxMinor: 5_000, taxMinor: 500, amountWithTaxMinor: 5_500 },
        ],
      },
    });
  });

  it('when the invoice has untaxed entries, then each credited line keeps its VAT category and says why it is untaxed', () => {
    const margin = invoice({ totalWithTaxMinor: 42_000, vatBreakdown: [...invoice().vatBreakdown, { rateBasisPoints: 0, baseMinor: 24_500, taxMinor: 0, ...TRAVEL_AGENT_MARGIN }] });
    const decision = decideCreditNote(margin, undefined);
    if (decision.kind !== 'credit') throw new Error('refused');
    expect(decision.draft.lines[2]).toEqual({
      lineNumber: 3,
      description: 'Credit of invoice BIL-2026-000042, Régime particulier – Agences de voyages',
      vatRateBasisPoints: 0,
      amountWithoutTaxMinor: 24_500,
      taxMinor: 0,
      amountWithTaxMinor: 24_500,
      ...TRAVEL_AGENT_MARGIN,
    });
    expect(decision.draft.vatBreakdown[2]).toMatchObject(TRAVEL_AGENT_MARGIN);
  });

  it('when part of it is credited, then the amount is spread over the rates in proportion and adds up exactly', () => {
    const decision = decideCreditNote(invoice(), 1_001);
    if (decision.kind !== 'credit') throw new Error('refused');
    const { lines, totals } = decision.draft;
    expect(totals.withTaxMinor).toBe(1_001);
    expect(lines.map((line) => line.amountWithTaxMinor)).toEqual([686, 315]);
    expect(lines.reduce((acc, line) => acc + line.amountWithoutTaxMinor + line.taxMinor, 0)).toBe(1_001);
    expect(lines[0]).toMatchObject({ amountWithoutTaxMinor: 572, taxMinor: 114 });
    expect(totals.withoutTaxMinor + totals.taxMinor).toBe(1_001);
  });

  it('when what remains after earlier credit notes is credited, then it is the remainder; a cent more is refused', () => {
    expect(creditableRemainingOf(invoice({ creditedMinor: 17_000 }))).toBe(500);
    expect(decideCreditNote(invoice({ creditedMinor: 17_000 }), undefined)).toMatchObject({ kind: 'credit', draft: { totals: { withTaxMinor: 500 } } });
    expect(decideCreditNote(invoice({ creditedMinor: 17_000 }), 501)).toMatchObject({ kind: 'refused', code: 'CREDIT_EXCEEDS_INVOICE' });
    expect(decideCreditNote(invoice({ creditedMinor: 17_500 }), undefined)).toMatchObject({ kind: 'refused', code: 'CREDIT_EXCEEDS_INVOICE' });
  });

  it('when the document is itself a credit note, then it cannot be credited', () => {
    expect(decideCreditNote(invoice({ invoiceType: 'CREDIT_NOTE', totalWithTaxMinor: -1_200 }), undefined)).toMatchObject({ kind: 'refused', code: 'INVOICE_NOT_CREDITABLE' });
  });
});

describe('prorate', () => {
  it('when shares do not divide evenly, then the units left go to the largest remainders and the sum is exact', () => {
    expect(prorate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(prorate(10, [12_000, 5_500])).toEqual([7, 3]);
    expect(prorate(-10, [-1, -1])).toEqual([-5, -5]);
    expect(prorate(100, [150, -50])).toEqual([150, -50]);
  });
});

describe('formatCreditNoteRef', () => {
  it('when numbered, then AV-<year>- and at least six digits', () => {
    expect(formatCreditNoteRef(2026, 1)).toBe('AV-2026-000001');
    expect(formatCreditNoteRef(2026, 1_234_567)).toBe('AV-2026-1234567');
  });
});
