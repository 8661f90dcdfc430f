import { paymentForInvoice, type InvoiceToCollect, type Payment } from './payment';

export const NOW = new Date('2026-11-01T02:00:00.000Z');

/** An invoice of 1,234.56 EUR with a mandate, due a week later; fields overridable. */
export function buildInvoiceToCollect(overrides: Partial<InvoiceToCollect> = {}): InvoiceToCollect {
  return {
    invoiceEventId: '0d8f6a3e-6a55-4c1b-9a53-0f3d6f1f2a11',
    correlationId: 'corr-billing-run',
    invoiceRef: 'BIL-2026-000042',
    invoiceId: '4b8e0f52-1c1e-4b8a-9a57-1f6f2f0e9c10',
    contractRef: 'CTR-2026-000123',
    customerRef: 'CUST-000123',
    amount: { amountMinor: 123_456, currency: 'EUR' },
    dueDate: '2026-11-08',
    collectionDate: '2026-11-09',
    mandate: { mandateRef: 'RUM-000123', iban: 'FR7630004000010001234567830', bic: 'BNPAFRPP', signedAt: '2026-01-15' },
    debtorName: 'ACME SA',
    debitRequired: true,
    ...overrides,
  };
}

/** A PENDING payment of `buildInvoiceToCollect`, with its state overridden. */
export function buildPayment(overrides: Partial<Payment> = {}): Payment {
  return { ...paymentForInvoice(buildInvoiceToCollect(), { paymentRef: 'PAY-0000000000000001', now: NOW, collectionAt: NOW }), ...overrides };
}
