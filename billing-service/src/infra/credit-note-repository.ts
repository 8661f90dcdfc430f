import type { CustomerScope } from '@boissipay/runtime';
import { and, asc, eq, sum } from 'drizzle-orm';
import type { CreditableInvoice } from '../domain/credit-note';
import { ofContractInScope } from './customer-scope-conditions';
import type { BillingTransaction, Queryable } from './database';
import { takeNextNumber } from './invoice-repository';
import { balances, creditNoteNumberCounters, creditNotes, invoices } from './schema';

export type CreditNoteRow = typeof creditNotes.$inferSelect;

/** The invoice a credit note is asked against, with what its credit notes have credited so far. */
export interface InvoiceToCredit extends CreditableInvoice {
  invoiceId: string;
  contractRef: string;
  /** The credit note is written in the invoice's language. */
  language: string;
}

/**
 * Locks the contract's balance, then the invoice, in the order the payment results take them
 * (invoice-settlement-repository.ts), so the two never deadlock: credit notes of one invoice
 * are decided one after the other, and the sum credited so far is read under the lock. An
 * invoice outside the caller's customer scope is not found.
 */
export async function lockInvoiceToCredit(tx: BillingTransaction, invoiceRef: string, scope: CustomerScope): Promise<InvoiceToCredit | undefined> {
  const [found] = await tx
    .select({ contractRef: invoices.contractRef })
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), ofContractInScope(scope, invoices.contractRef)));
  if (!found) return undefined;
  await tx.select({ contractRef: balances.contractRef }).from(balances).where(eq(balances.contractRef, found.contractRef)).for('update');
  const [row] = await tx.select().from(invoices).where(eq(invoices.invoiceRef, invoiceRef)).for('update');
  if (!row) return undefined;
  return { ...creditableOf(row), creditedMinor: await creditedMinorOf(tx, row.invoiceId) };
}

/** The invoice with what has been credited on it, unlocked, unless outside the caller's customer scope: for reads. */
export async function findInvoiceToCredit(db: Queryable, invoiceRef: string, scope: CustomerScope): Promise<InvoiceToCredit | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), ofContractInScope(scope, invoices.contractRef)));
  return row && { ...creditableOf(row), creditedMinor: await creditedMinorOf(db, row.invoiceId) };
}

function creditableOf(row: typeof invoices.$inferSelect): Omit<InvoiceToCredit, 'creditedMinor'> {
  return {
    invoiceId: row.invoiceId,
    invoiceRef: row.invoiceRef,
    invoiceType: row.invoiceType,
    contractRef: row.contractRef,
    language: row.language,
    currency: row.currency,
    totalWithTaxMinor: row.totalWithTaxMinor,
    vatBreakdown: row.vatBreakdown,
  };
}

async function creditedMinorOf(db: Queryable, invoiceId: string): Promise<number> {
  const [row] = await db.select({ value: sum(creditNotes.totalWithTaxMinor) }).from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
  return Number(row?.value ?? 0);
}

/** The next credit-note number of `year`, in the caller's transaction: gapless, as the invoices'. */
export function takeNextCreditNoteNumber(tx: BillingTransaction, year: number): Promise<number> {
  return takeNextNumber(tx, creditNoteNumberCounters, year);
}

/** Inserts the credit note; false when the client's Idempotency-Key is taken (a concurrent request committed first). */
export async function insertCreditNote(tx: BillingTransaction, creditNote: CreditNoteRow): Promise<boolean> {
  const inserted = await tx.insert(creditNotes).values(creditNote).onConflictDoNothing().returning({ creditNoteId: creditNotes.creditNoteId });
  return inserted.length > 0;
}

export async function findCreditNoteByIdempotencyKey(db: Queryable, issuedBy: string, idempotencyKey: string): Promise<CreditNoteRow | undefined> {
  const [row] = await db
    .select()
    .from(creditNotes)
    .where(and(eq(creditNotes.issuedBy, issuedBy), eq(creditNotes.idempotencyKey, idempotencyKey)));
  return row;
}

export function findCreditNotesOf(db: Queryable, invoiceId: string): Promise<CreditNoteRow[]> {
  return db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId)).orderBy(asc(creditNotes.issuedAt), asc(creditNotes.creditNoteRef));
}
