import { randomUUID } from 'node:crypto';
import type { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { uniqueSuffix } from '@boissipay/runtime/testing';

export type CreditNoteIssuedEvent = billingCreditNoteIssuedV1Event.CreditNoteIssuedEvent;
type IssuedInvoice = billingInvoiceIssuedV1Event.IssuedInvoice;

/**
 * A billing.credit-note-issued.v1 event as billing publishes an operator's partial credit of
 * the invoice: one line at 20 % (unless told), amounts that add up, the invoice named with its
 * date, in the invoice's language. Every call has its own number.
 */
export function buildCreditNoteIssuedEvent(
  invoice: Pick<IssuedInvoice, 'invoiceId' | 'invoiceRef' | 'issueDate' | 'contractRef' | 'language'>,
  overrides: { eventId?: string; creditNoteRef?: string; amountWithoutTaxMinor?: number; vatRateBasisPoints?: number; reason?: string } = {},
): CreditNoteIssuedEvent {
  const base = overrides.amountWithoutTaxMinor ?? 10_000;
  const rate = overrides.vatRateBasisPoints ?? 2_000;
  const tax = Math.round((base * rate) / 10_000);
  const category = rate === 0 ? 'Z' : 'S';
  return {
    eventId: overrides.eventId ?? randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    contractRef: invoice.contractRef,
    creditNote: {
      creditNoteId: randomUUID(),
      creditNoteRef: overrides.creditNoteRef ?? `AV-2026-${uniqueSuffix().toUpperCase()}`,
      invoiceId: invoice.invoiceId,
      invoiceRef: invoice.invoiceRef,
      invoiceIssueDate: invoice.issueDate,
      issueDate: '2026-11-20',
      currency: 'EUR',
      totalWithoutTaxMinor: base,
      totalTaxMinor: tax,
      totalWithTaxMinor: base + tax,
      vatBreakdown: [{ rateBasisPoints: rate, baseMinor: base, taxMinor: tax, vatCategoryCode: category, vatExemptionReasonCode: null, vatExemptionReason: null }],
      lines: [
        {
          lineNumber: 1,
          description: 'Commercial gesture: hotel night billed twice',
          vatRateBasisPoints: rate,
          amountWithoutTaxMinor: base,
          taxMinor: tax,
          amountWithTaxMinor: base + tax,
          vatCategoryCode: category,
          vatExemptionReasonCode: null,
          vatExemptionReason: null,
        },
      ],
      reason: overrides.reason ?? 'Hotel night billed twice.',
      issuedBy: 'operator@boissipay.example',
      language: invoice.language,
    },
  };
}
