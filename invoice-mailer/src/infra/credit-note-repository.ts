import { currentTraceParent, customerScopeCondition, type CustomerScope } from '@boissipay/runtime';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { creditNoteLanguageOf, type CreditNote, type CreditNoteDocument } from '../domain/credit-note';
import type { Seller } from '../domain/invoice';
import type { MailerTransaction, Queryable } from './database';
import { creditNotes, deliveries, invoices } from './schema';

export interface ReceivedCreditNote {
  creditNote: CreditNote;
  contractRef: string;
  seller: Seller;
  issuedEventId: string;
  correlationId: string | null;
}

/** Records the credit note unless its number is already known; true when it is new. */
export async function insertCreditNote(tx: MailerTransaction, received: ReceivedCreditNote): Promise<boolean> {
  const { creditNote } = received;
  const inserted = await tx
    .insert(creditNotes)
    .values({
      creditNoteRef: creditNote.creditNoteRef,
      creditNoteId: creditNote.creditNoteId,
      invoiceRef: creditNote.invoiceRef,
      contractRef: received.contractRef,
      issuedEventId: received.issuedEventId,
      correlationId: received.correlationId,
      traceParent: currentTraceParent(),
      creditNote,
      language: creditNoteLanguageOf(creditNote),
      seller: received.seller,
    })
    .onConflictDoNothing()
    .returning({ creditNoteRef: creditNotes.creditNoteRef });
  return inserted.length > 0;
}

/** The credit notes of the invoice that have no delivery yet: they arrived before it. */
export async function creditNotesWaitingFor(tx: MailerTransaction, invoiceRef: string): Promise<string[]> {
  const rows = await tx
    .select({ creditNoteRef: creditNotes.creditNoteRef })
    .from(creditNotes)
    .leftJoin(deliveries, eq(deliveries.creditNoteRef, creditNotes.creditNoteRef))
    .where(and(eq(creditNotes.invoiceRef, invoiceRef), isNull(deliveries.deliveryId)))
    .orderBy(creditNotes.creditNoteRef);
  return rows.map((row) => row.creditNoteRef);
}

/** The credit note with the invoice it corrects and the seller details recorded with it, unless the invoice's customer is outside the caller's scope (or the invoice has not arrived). */
export async function findCreditNote(db: Queryable, creditNoteRef: string, scope: CustomerScope): Promise<(CreditNoteDocument & { seller: Seller }) | undefined> {
  const [row] = await db
    .select({ creditNote: creditNotes.creditNote, language: creditNotes.language, seller: creditNotes.seller, invoice: invoices.invoice, invoiceLanguage: invoices.language })
    .from(creditNotes)
    .innerJoin(invoices, eq(invoices.invoiceRef, creditNotes.invoiceRef))
    .where(and(eq(creditNotes.creditNoteRef, creditNoteRef), customerScopeCondition(scope, sql`(${invoices.invoice} -> 'customer' ->> 'customerRef')`)));
  return row && { creditNote: { ...row.creditNote, language: row.language }, invoice: { ...row.invoice, language: row.invoiceLanguage }, seller: row.seller };
}
