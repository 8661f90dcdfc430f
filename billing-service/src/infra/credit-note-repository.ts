import type { CustomerScope } from '@boissipay/runtime';
import { and, asc, eq, sum } from 'drizzle-orm';
import type { CreditableInvoice } from '../domain/credit-note';
import { withVatTreatment } from '../domain/vat-category';
import { ofContractInScope } from './customer-scope-conditions';
import type { BillingTransaction, Queryable } from './database';
import { takeNextNumber, takeNextNumbers, takeQueuedOperations, type OperationsTaken } from './invoice-repository';
import { balances, creditedRefunds, creditNoteNumberCounters, creditNotes, invoices } from './schema';

export type CreditNoteRow = typeof creditNotes.$inferSelect;

/** The invoice a credit note is asked against, with what its credit notes have credited so far. */
export interface InvoiceToCredit extends CreditableInvoice {
  invoiceId: string;
  invoiceIssueDate: string;
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
    invoiceIssueDate: row.issueDate,
    invoiceType: row.invoiceType,
    contractRef: row.contractRef,
    language: row.language,
    currency: row.currency,
    totalWithTaxMinor: row.totalWithTaxMinor,
    vatBreakdown: row.vatBreakdown.map(withVatTreatment),
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

/** The next `count` credit-note numbers of `year` for a batch: the first of them. */
export function takeNextCreditNoteNumbers(tx: BillingTransaction, year: number, count: number): Promise<number> {
  return takeNextNumbers(tx, creditNoteNumberCounters, year, count);
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

/** The credit notes a billing run issues for a batch of contracts, in one statement. */
export async function insertCreditNotes(tx: BillingTransaction, rows: readonly CreditNoteRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(creditNotes).values([...rows]);
}

/**
 * Marks refunds credited by a credit note, as markOperationsInvoiced does for invoices: takes
 * them off the queue of what is left to invoice and links them to the credit note. All of
 * them or the transaction fails: a refund is never credited twice.
 */
export async function markRefundsCredited(
  tx: BillingTransaction,
  contractRef: string,
  operationIds: readonly string[],
  creditNote: { creditNoteId: string; creditNoteRef: string },
): Promise<void> {
  await markRefundsOfCreditNotes(tx, [{ contractRef, operationIds, documentId: creditNote.creditNoteId, documentRef: creditNote.creditNoteRef }]);
}

/** The same for several credit notes in one statement. */
export async function markRefundsOfCreditNotes(tx: BillingTransaction, taken: readonly OperationsTaken[]): Promise<void> {
  const missing = await takeQueuedOperations(tx, creditedRefunds, taken);
  if (missing > 0) {
    throw new Error(`credit note(s) ${taken.map(({ documentRef }) => documentRef).join(', ')}: ${missing} refund(s) were invoiced or credited meanwhile`);
  }
}
