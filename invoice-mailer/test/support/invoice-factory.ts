import { randomUUID } from 'node:crypto';
import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { uniqueSuffix } from '@boissipay/runtime/testing';

export type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;
type IssuedInvoice = billingInvoiceIssuedV1Event.IssuedInvoice;
type InvoiceLine = billingInvoiceIssuedV1Event.InvoiceLine;

export { uniqueSuffix };

/** What a test says about a line; amounts, tax and numbering follow from it. */
export interface LineSpec {
  description: string;
  quantity?: number;
  unitPriceWithoutTaxMinor: number;
  vatRateBasisPoints?: number;
  operationType?: 'PURCHASE' | 'REFUND';
  operationDate?: string;
  traveller?: string | null;
  bookingRef?: string | null;
  costCentre?: string | null;
}

export const defaultLines: readonly LineSpec[] = [
  { description: 'Train Paris – Lyon, 2nd class', quantity: 2, unitPriceWithoutTaxMinor: 4_550, vatRateBasisPoints: 1_000, traveller: 'Jean DUPONT', bookingRef: 'PNR-QX7T2A', costCentre: 'CC-SALES', operationDate: '2026-10-03' },
  { description: 'Hotel Lyon Part-Dieu, 2 nights', quantity: 1, unitPriceWithoutTaxMinor: 123_456, vatRateBasisPoints: 2_000, traveller: 'Jean DUPONT', bookingRef: 'HTL-88412', costCentre: 'CC-SALES', operationDate: '2026-10-04' },
  { description: 'Train Lyon – Paris, refund', quantity: 1, unitPriceWithoutTaxMinor: -2_000, vatRateBasisPoints: 1_000, operationType: 'REFUND', traveller: 'Jean DUPONT', bookingRef: 'PNR-QX7T2A', costCentre: null, operationDate: '2026-10-06' },
];

export interface InvoiceOverrides {
  eventId?: string;
  invoiceRef?: string;
  contractRef?: string;
  recipient?: string;
  lines?: readonly LineSpec[];
  period?: string;
  issueDate?: string;
  dueDate?: string;
  collectionDate?: string | null;
  mandate?: IssuedInvoice['mandate'];
  invoice?: Partial<IssuedInvoice>;
}

/** Half away from zero, on integers only. */
function roundedTax(amountMinor: number, rateBasisPoints: number): number {
  const product = amountMinor * rateBasisPoints;
  const quotient = Math.trunc(product / 10_000);
  const remainder = Math.abs(product % 10_000);
  return remainder * 2 >= 10_000 ? quotient + Math.sign(product) : quotient;
}

/**
 * A billing.invoice-issued.v1 event as billing would publish it, with coherent amounts: line
 * totals, VAT per rate and invoice totals all add up; a total of zero or less makes it a
 * credit note with nothing to debit. Every call has its own invoice number and recipient.
 */
export function buildInvoiceIssuedEvent(overrides: InvoiceOverrides = {}): InvoiceIssuedEvent {
  const suffix = uniqueSuffix();
  const contractRef = overrides.contractRef ?? `CTR-2026-${suffix.toUpperCase()}`;
  const lines: InvoiceLine[] = (overrides.lines ?? defaultLines).map((spec, index) => {
    const quantity = spec.quantity ?? 1;
    const rate = spec.vatRateBasisPoints ?? 2_000;
    const amountWithoutTaxMinor = quantity * spec.unitPriceWithoutTaxMinor;
    const taxMinor = roundedTax(amountWithoutTaxMinor, rate);
    return {
      lineNumber: index + 1,
      operationId: randomUUID(),
      operationType: spec.operationType ?? (amountWithoutTaxMinor < 0 ? 'REFUND' : 'PURCHASE'),
      orderRef: `ORD-${suffix}-${index + 1}`,
      operationDate: spec.operationDate ?? '2026-10-15',
      description: spec.description,
      quantity,
      unitPriceWithoutTaxMinor: spec.unitPriceWithoutTaxMinor,
      amountWithoutTaxMinor,
      vatRateBasisPoints: rate,
      taxMinor,
      amountWithTaxMinor: amountWithoutTaxMinor + taxMinor,
      traveller: spec.traveller ?? null,
      bookingRef: spec.bookingRef ?? null,
      costCentre: spec.costCentre ?? null,
    };
  });
  const rates = [...new Set(lines.map((line) => line.vatRateBasisPoints))].sort((a, b) => a - b);
  const vatBreakdown = rates.map((rate) => {
    const ofRate = lines.filter((line) => line.vatRateBasisPoints === rate);
    return { rateBasisPoints: rate, baseMinor: sum(ofRate.map((line) => line.amountWithoutTaxMinor)), taxMinor: sum(ofRate.map((line) => line.taxMinor)) };
  });
  const totalWithTaxMinor = sum(lines.map((line) => line.amountWithTaxMinor));
  const invoice: IssuedInvoice = {
    invoiceId: randomUUID(),
    invoiceRef: overrides.invoiceRef ?? `BIL-2026-${suffix.toUpperCase()}`,
    invoiceType: totalWithTaxMinor <= 0 ? 'CREDIT_NOTE' : 'INVOICE',
    contractRef,
    contractId: randomUUID(),
    period: overrides.period ?? '2026-10',
    issueDate: overrides.issueDate ?? '2026-11-01',
    dueDate: overrides.dueDate ?? '2026-11-10',
    collectionDate: overrides.collectionDate === undefined ? '2026-11-16' : overrides.collectionDate,
    currency: 'EUR',
    totalWithoutTaxMinor: sum(lines.map((line) => line.amountWithoutTaxMinor)),
    totalTaxMinor: sum(lines.map((line) => line.taxMinor)),
    totalWithTaxMinor,
    vatBreakdown,
    lines,
    customer: { subscriberRef: `CSE ACME ${suffix}`, customerRef: `CUST-${suffix}`, siren: '784671695', vatNumber: 'FR53784671695' },
    billingContact: { firstName: 'Jane', lastName: 'ROE', email: overrides.recipient ?? `billing-${suffix}@acme.example`, phone: null },
    billingAddress: { line1: 'ACME SA', line2: 'Service comptabilité', line3: '', line4: '1 rue de la Paix', line5: '', line6: '75002 PARIS', country: 'FR' },
    mandate: overrides.mandate === undefined ? { mandateRef: `RUM-${suffix}`, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', signedAt: '2026-01-15' } : overrides.mandate,
    debitRequired: totalWithTaxMinor > 0,
    language: 'fr',
    ...overrides.invoice,
  };
  return {
    eventId: overrides.eventId ?? randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    contractRef,
    invoice,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
