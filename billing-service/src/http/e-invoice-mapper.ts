import type { CreditNoteSource, InvoiceSource } from '@boissipay/einvoice';
import type { InvoiceDetail } from '../app/read-invoices';
import { withVatTreatment } from '../domain/vat-category';
import { creditNoteIssuedEventOf } from '../events/credit-note-issued-event';
import { eventLineOf, eventVatEntryOf } from '../events/invoice-issued-event';
import type { CreditNoteRow } from '../infra/credit-note-repository';

/**
 * The stored invoice in the shape of billing.invoice-issued.v1, from which @boissipay/einvoice
 * writes the EN 16931 data: the API's XML and the mailer's factur-x.xml come from the same
 * mapping of the same values.
 */
export function invoiceSourceOf({ invoice, lines }: Pick<InvoiceDetail, 'invoice' | 'lines'>): InvoiceSource {
  return {
    invoiceId: invoice.invoiceId,
    invoiceRef: invoice.invoiceRef,
    invoiceType: invoice.invoiceType,
    contractRef: invoice.contractRef,
    contractId: invoice.contractId,
    period: invoice.period,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    totalWithoutTaxMinor: invoice.totalWithoutTaxMinor,
    totalTaxMinor: invoice.totalTaxMinor,
    totalWithTaxMinor: invoice.totalWithTaxMinor,
    vatBreakdown: invoice.vatBreakdown.map((entry) => eventVatEntryOf(withVatTreatment(entry))),
    lines: lines.map((line) => eventLineOf(line.lineNo, line)),
    customer: { ...invoice.customer },
    billingContact: { ...invoice.billingContact },
    billingAddress: { ...invoice.billingAddress },
    mandate: invoice.mandate ? { signedAt: null, ...invoice.mandate } : null,
    debitRequired: invoice.debitRequired,
    collectionDate: invoice.collectionDate,
    language: invoice.language,
    prepaidAmountMinor: invoice.prepaidAmountMinor,
    amountDueMinor: invoice.amountDueMinor,
  };
}

/** The stored credit note as billing.credit-note-issued.v1 carries it: the mailer's factur-x.xml is written from that event. */
export function creditNoteSourceOf(creditNote: CreditNoteRow): CreditNoteSource {
  return creditNoteIssuedEventOf(creditNote, { correlationId: null }).creditNote;
}
