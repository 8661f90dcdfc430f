import type { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { withVatTreatment } from '../domain/vat-category';
import type { CreditNoteRow } from '../infra/credit-note-repository';
import { eventVatEntryOf } from './invoice-issued-event';

type CreditNoteIssuedEvent = billingCreditNoteIssuedV1Event.CreditNoteIssuedEvent;

/** The credit note as the stream carries it: the whole document, so that no reader needs to ask billing. */
export function creditNoteIssuedEventOf(creditNote: CreditNoteRow, context: { correlationId: string | null }): CreditNoteIssuedEvent {
  return {
    eventId: creditNote.issuedEventId,
    occurredAt: creditNote.issuedAt.toISOString(),
    correlationId: context.correlationId,
    causationId: null,
    contractRef: creditNote.contractRef,
    creditNote: {
      creditNoteId: creditNote.creditNoteId,
      creditNoteRef: creditNote.creditNoteRef,
      invoiceId: creditNote.invoiceId,
      invoiceRef: creditNote.invoiceRef,
      invoiceIssueDate: creditNote.invoiceIssueDate,
      issueDate: creditNote.issueDate,
      currency: creditNote.currency,
      totalWithoutTaxMinor: creditNote.totalWithoutTaxMinor,
      totalTaxMinor: creditNote.totalTaxMinor,
      totalWithTaxMinor: creditNote.totalWithTaxMinor,
      vatBreakdown: creditNote.vatBreakdown.map((subtotal) => eventVatEntryOf(withVatTreatment(subtotal))),
      lines: creditNote.lines.map((line) => {
        const { lineNumber, description, vatRateBasisPoints, amountWithoutTaxMinor, taxMinor, amountWithTaxMinor, vatCategoryCode, vatExemptionReasonCode, vatExemptionReason } =
          withVatTreatment(line);
        return { lineNumber, description, vatRateBasisPoints, amountWithoutTaxMinor, taxMinor, amountWithTaxMinor, vatCategoryCode, vatExemptionReasonCode, vatExemptionReason };
      }),
      reason: creditNote.reason,
      issuedBy: creditNote.issuedBy,
      language: creditNote.language,
    },
  };
}
