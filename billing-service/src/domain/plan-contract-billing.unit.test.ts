import type { BillableLine, BillableOperation } from './invoice';
import { planContractBilling, type ContractToBill } from './plan-contract-billing';

const line = (withoutTaxMinor: number, taxMinor: number): BillableLine => ({
  lineNo: 1,
  productLabel: 'Paris – Lyon',
  quantity: 1,
  unitPriceMinor: withoutTaxMinor,
  vatRateBasisPoints: 1_000,
  amountWithoutTaxMinor: withoutTaxMinor,
  amountTaxMinor: taxMinor,
  amountWithTaxMinor: withoutTaxMinor + taxMinor,
  travellerName: null,
  bookingRef: null,
  costCentre: null,
  vatCategoryCode: 'S',
  vatExemptionReasonCode: null,
  vatExemptionReason: null,
});
const AUGUST = { invoiceId: 'inv-8', invoiceRef: 'BIL-2026-000008', issueDate: '2026-09-01', language: 'fr' };
const op = (operationId: string, type: BillableOperation['type'], withoutTaxMinor: number, overrides: Partial<BillableOperation> = {}): BillableOperation => ({
  operationId,
  type,
  orderRef: `ORD-${operationId}`,
  operationAt: '2026-09-12',
  currency: 'EUR',
  lines: [line(withoutTaxMinor, withoutTaxMinor / 10)],
  ...overrides,
});
const contract = (overrides: Partial<ContractToBill>): ContractToBill => ({ contractRef: 'CTR-1', known: true, alreadyInvoiced: false, billable: [], creditToDeduct: 0, ...overrides });

describe('planContractBilling', () => {
  it('when the read model has no contract, then it fails, saying so', () => {
    expect(planContractBilling(contract({ known: false, billable: [op('p', 'PURCHASE', 1_000)] }))).toEqual({ kind: 'failed', message: "Billing's read model has no contract CTR-1." });
  });

  it('when the period is invoiced already or nothing is left, then it is skipped', () => {
    expect(planContractBilling(contract({ alreadyInvoiced: true, billable: [op('p', 'PURCHASE', 1_000)] }))).toEqual({ kind: 'skipped', reason: 'already-invoiced' });
    expect(planContractBilling(contract({}))).toEqual({ kind: 'skipped', reason: 'nothing-to-invoice' });
  });

  it('when operations are in several currencies, a refund to credit included, then it fails and nothing is issued', () => {
    const plan = planContractBilling(contract({ billable: [op('p', 'PURCHASE', 1_000), op('r', 'REFUND', 500, { currency: 'USD', refundedInvoice: AUGUST })] }));
    expect(plan).toEqual({ kind: 'failed', message: 'Operations to invoice are in several currencies (EUR, USD); one invoice has one currency.' });
  });

  it('when a refund of an earlier invoice comes with a purchase, then its credit note is issued and the invoice deducts it with the credit left before', () => {
    const plan = planContractBilling(contract({ creditToDeduct: 300, billable: [op('r', 'REFUND', 2_000, { refundedInvoice: AUGUST }), op('p', 'PURCHASE', 10_000)] }));
    if (plan.kind !== 'bill') throw new Error(`planned ${plan.kind}`);
    expect(plan.creditNotes.map((note) => [note.precedingInvoice.invoiceRef, note.totals.withTaxMinor])).toEqual([['BIL-2026-000008', 2_200]]);
    expect(plan.invoice).toMatchObject({ totals: { withTaxMinor: 11_000 }, prepaidAmountMinor: 2_500, amountDueMinor: 8_500, operationIds: ['p'] });
  });

  it('when only refunds of earlier invoices are left, then the credit notes are issued and no invoice', () => {
    const plan = planContractBilling(contract({ creditToDeduct: 300, billable: [op('r', 'REFUND', 2_000, { refundedInvoice: AUGUST })] }));
    expect(plan).toMatchObject({ kind: 'bill', invoice: undefined, creditNotes: [{ operationIds: ['r'] }] });
  });
});
