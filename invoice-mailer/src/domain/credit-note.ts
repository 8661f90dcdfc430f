import type { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import type { InvoiceMessages } from './invoice-messages';
import { languageOf, type Language } from './language';
import type { Invoice, Seller } from './invoice';

/**
 * A credit note exactly as billing published it (billing.credit-note-issued.v1): an operator's
 * partial credit of an invoice, or a billing run's refund of a purchase invoiced in an earlier
 * month. Its amounts are what is credited (positive); it names the invoice it corrects, whose
 * parties (customer, billing contact and address) it is addressed to.
 */
export type CreditNote = billingCreditNoteIssuedV1Event.CreditNote;
export type CreditNoteLine = billingCreditNoteIssuedV1Event.CreditNoteLine;

/** A credit note with the invoice it corrects, as the mailer recorded both: all its PDF and e-mail need, with the seller. */
export interface CreditNoteDocument {
  creditNote: CreditNote;
  invoice: Invoice;
}

/** The credit note's own language (the contract's when it was issued); French for anything else. */
export function creditNoteLanguageOf(creditNote: Pick<CreditNote, 'language'>): Language {
  return languageOf(creditNote.language);
}

/** The corrected invoice's date (BT-26): the one billing put on the credit note, else the recorded invoice's. */
export function correctedInvoiceDateOf({ creditNote, invoice }: CreditNoteDocument): string {
  return creditNote.invoiceIssueDate ?? invoice.issueDate;
}

/**
 * The mentions a credit note carries: the invoice it corrects (CGI art. 242 nonies A: a
 * rectifying document names the original), the nature of the operations, the VAT-on-debits
 * option when chosen, and that nothing is to be paid. Discount and late-payment terms concern
 * a sum due; a credit note has none.
 */
export function creditNoteMentionsOf(document: CreditNoteDocument, seller: Seller, messages: InvoiceMessages, formattedInvoiceDate: string): string[] {
  return [
    messages.creditNote.corrects(document.creditNote.invoiceRef, formattedInvoiceDate),
    messages.natureOfOperations,
    ...(seller.vatOnDebits ? [messages.vatOnDebits] : []),
    messages.paymentTerms({ kind: 'nothing-debited', creditMinor: document.creditNote.totalWithTaxMinor }, document.invoice.dueDate),
  ];
}
