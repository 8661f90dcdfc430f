import type { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import type { CreditNoteRow } from '../infra/credit-note-repository';

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
      issueDate: creditNote.issueDate,
      currency: creditNote.currency,
      totalWithoutTaxMinor: creditNote.totalWithoutTaxMinor,
      totalTaxMinor: creditNote.totalTaxMinor,
      totalWithTaxMinor: creditNote.totalWithTaxMinor,
      vatBreakdown: creditNote.vatBreakdown,
      lines: creditNote.lines,
      reason: creditNote.reason,
      issuedBy: creditNote.issuedBy,
      language: creditNote.language,
    },
  };
}
