import type { CustomerScope } from '@boissipay/runtime';
import { creditableRemainingOf } from '../domain/credit-note';
import type { Queryable } from '../infra/database';
import { findCreditNotesOf, findInvoiceToCredit, type CreditNoteRow } from '../infra/credit-note-repository';

/** An invoice's credit notes, oldest first, and what may still be credited on it. */
export async function listCreditNotes(
  db: Queryable,
  invoiceRef: string,
  scope: CustomerScope,
): Promise<{ invoiceRef: string; currency: string; creditableRemainingMinor: number; creditNotes: CreditNoteRow[] } | undefined> {
  const invoice = await findInvoiceToCredit(db, invoiceRef, scope);
  if (!invoice) return undefined;
  const creditable = invoice.invoiceType === 'INVOICE' ? creditableRemainingOf(invoice) : 0;
  return { invoiceRef, currency: invoice.currency, creditableRemainingMinor: creditable, creditNotes: await findCreditNotesOf(db, invoice.invoiceId) };
}

/** One credit note of an invoice the caller may read (the invoice is looked up in its scope first). */
export async function findCreditNoteOf(db: Queryable, invoiceId: string, creditNoteRef: string): Promise<CreditNoteRow | undefined> {
  return (await findCreditNotesOf(db, invoiceId)).find((creditNote) => creditNote.creditNoteRef === creditNoteRef);
}
