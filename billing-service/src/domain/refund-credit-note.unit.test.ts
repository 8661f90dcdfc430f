import type { BillableLine, BillableOperation } from './invoice';
import { separateRefundsOfEarlierInvoices } from './refund-credit-note';
import { TRAVEL_AGENT_MARGIN } from './vat-category';

const line = (withoutTaxMinor: number, rateBasisPoints: number, taxMinor: number, overrides: Partial<BillableLine> = {}): BillableLine => ({
  lineNo: 1,
  productLabel: 'Hotel Lyon, 1 night',
  quantity: 1,
  unitPriceMinor: withoutTaxMinor,
  vatRateBasisPoints: rateBasisPoints,
  amountWithoutTaxMinor: withoutTaxMinor,
  amountTaxMinor: taxMinor,
  amountWithTaxMinor: withoutTaxMinor + taxMinor,
  travellerName: null,
  bookingRef: null,
  costCentre: null,
  vatCategoryCode: 'S',
  vatExemptionReasonCode: null,
  vatExemptionReason: null,
  ...overrides,
});
const OCTOBER = { invoiceId: 'inv-10', invoiceRef: 'BIL-2026-000010', issueDate: '2026-11-01', language: 'fr' };
const SEPTEMBER = { invoiceId: 'inv-9', invoiceRef: 'BIL-2026-000009', issueDate: '2026-10-01', language: 'en' };
const op = (operationId: string, type: BillableOperation['type'], lines: BillableLine[], overrides: Partial<BillableOperation> = {}): BillableOperation => ({
  operationId,
  type,
  orderRef: `ORD-${operationId}`,
  operationAt: '2026-11-12',
  currency: 'EUR',
  lines,
  ...overrides,
});

describe('separateRefundsOfEarlierInvoices', () => {
  it('when refunds name purchases billed on earlier invoices, then each earlier invoice gets one credit note of their lines, and the rest stays to invoice', () => {
    const purchase = op('p', 'PURCHASE', [line(10_000, 1_000, 1_000)]);
    const sameMonthRefund = op('r0', 'REFUND', [line(2_000, 1_000, 200)], { refundedOrderRef: 'ORD-p', refundedInvoice: null });
    const hotel = op('r1', 'REFUND', [line(12_000, 1_000, 1_200)], { refundedOrderRef: 'ORD-H', refundedInvoice: OCTOBER });
    const pkg = op('r2', 'REFUND', [line(30_000, 0, 0, { ...TRAVEL_AGENT_MARGIN, productLabel: 'Package Rome' })], { refundedOrderRef: 'ORD-K', refundedInvoice: OCTOBER });
    const older = op('r3', 'REFUND', [line(5_000, 2_000, 1_000)], { refundedOrderRef: 'ORD-S', refundedInvoice: SEPTEMBER });

    const { toInvoice, creditNotes } = separateRefundsOfEarlierInvoices([purchase, hotel, sameMonthRefund, pkg, older]);

    expect(toInvoice).toEqual([purchase, sameMonthRefund]);
    expect(creditNotes).toHaveLength(2);
    const [october, september] = creditNotes;
    expect(october).toMatchObject({
      precedingInvoice: OCTOBER,
      currency: 'EUR',
      operationIds: ['r1', 'r2'],
      totals: { withoutTaxMinor: 42_000, taxMinor: 1_200, withTaxMinor: 43_200 },
      reason: 'Refunds of orders ORD-H, ORD-K, billed on invoice BIL-2026-000010.',
    });
    expect(october?.lines).toEqual([
      expect.objectContaining({ lineNumber: 1, amountWithoutTaxMinor: 12_000, taxMinor: 1_200, amountWithTaxMinor: 13_200, vatCategoryCode: 'S' }),
      expect.objectContaining({ lineNumber: 2, amountWithTaxMinor: 30_000, taxMinor: 0, ...TRAVEL_AGENT_MARGIN }),
    ]);
    expect(october?.vatBreakdown).toEqual([
      { rateBasisPoints: 1_000, baseMinor: 12_000, taxMinor: 1_200, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { rateBasisPoints: 0, baseMinor: 30_000, taxMinor: 0, ...TRAVEL_AGENT_MARGIN },
    ]);
    expect(september).toMatchObject({ precedingInvoice: SEPTEMBER, operationIds: ['r3'], totals: { withTaxMinor: 6_000 }, reason: 'Refund of order ORD-S, billed on invoice BIL-2026-000009.' });
  });

  it('when no refund names an invoiced purchase, then everything stays to invoice and no credit note is issued', () => {
    const operations = [op('p', 'PURCHASE', [line(10_000, 1_000, 1_000)]), op('r', 'REFUND', [line(1_000, 1_000, 100)], { refundedOrderRef: 'ORD-p', refundedInvoice: null })];
    expect(separateRefundsOfEarlierInvoices(operations)).toEqual({ toInvoice: operations, creditNotes: [] });
  });
});
