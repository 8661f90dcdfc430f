import { customerScopeCondition, dueRowKeys, type CustomerScope, type LeasedQueue } from '@boissipay/runtime';
import { and, asc, count, desc, eq, inArray, isNull, min, sql, type SQL } from 'drizzle-orm';
import type { Delivery, DeliveryStatus } from '../domain/delivery';
import type { CreditNote } from '../domain/credit-note';
import type { Invoice, InvoiceType, Seller } from '../domain/invoice';
import type { MailerDatabase, MailerTransaction, Queryable } from './database';
import { creditNotes, deliveries, invoices } from './schema';

type DeliveryRow = typeof deliveries.$inferSelect;

export type NewDelivery = Pick<Delivery, 'deliveryId' | 'invoiceRef' | 'contractRef' | 'customerRef' | 'recipient' | 'messageId' | 'nextAttemptAt'> &
  Partial<Pick<Delivery, 'kind' | 'reason' | 'requestedBy' | 'receivedAt' | 'creditNoteRef'>> & { idempotencyKey?: string | null; requestHash?: string | null };

/**
 * A new PENDING delivery; true when it is new. False for an ORIGINAL one of an invoice that has
 * one already, or a RESEND whose client's Idempotency-Key is taken (both unique).
 */
export async function insertDelivery(tx: MailerTransaction, delivery: NewDelivery): Promise<boolean> {
  const inserted = await tx
    .insert(deliveries)
    .values({ ...delivery, status: 'PENDING', attempts: 0 })
    .onConflictDoNothing()
    .returning({ deliveryId: deliveries.deliveryId });
  return inserted.length > 0;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  delivery: Delivery;
  /** The invoice e-mailed, or the one the credit note corrects (whose billing contact it goes to). */
  invoice: Invoice;
  /** The credit note e-mailed, when the delivery is one's. */
  creditNote: CreditNote | null;
  /** The seller details recorded with the document e-mailed. */
  seller: Seller;
  /** eventId of the event that brought the document e-mailed. */
  issuedEventId: string;
  correlationId: string | null;
  /** The trace of the event that brought the document, which its delivery continues. */
  traceParent: string | null;
}

const deliveryQueue: LeasedQueue = { table: deliveries, key: deliveries.deliveryId, dueAt: deliveries.nextAttemptAt, pending: eq(deliveries.status, 'PENDING') };

/**
 * Claims up to `limit` due PENDING deliveries in one short transaction: each gets one more
 * attempt (the attempt number is the claim's token) and a lease (next_attempt_at moved to
 * `leaseUntil`) so that no other worker takes it while it is being sent outside any
 * transaction. SKIP LOCKED lets several workers claim side by side without waiting for each
 * other. A worker that dies mid-send leaves the row PENDING and stops renewing its lease: it
 * is due again once the lease has run out, seconds later.
 */
export async function claimDueDeliveries(db: MailerDatabase, options: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedDelivery[]> {
  const due = dueRowKeys(db, deliveryQueue, { now: options.now, limit: options.limit });
  const claimed = await db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, nextAttemptAt: options.leaseUntil, updatedAt: options.now })
    .where(inArray(deliveries.deliveryId, due))
    .returning();
  if (claimed.length === 0) return [];
  const received = await db
    .select({ invoiceRef: invoices.invoiceRef, invoice: invoices.invoice, language: invoices.language, seller: invoices.seller, issuedEventId: invoices.issuedEventId, correlationId: invoices.correlationId, traceParent: invoices.traceParent })
    .from(invoices)
    .where(
      inArray(
        invoices.invoiceRef,
        claimed.map((row) => row.invoiceRef),
      ),
    );
  const creditNoteRefs = claimed.map((row) => row.creditNoteRef).filter((ref): ref is string => ref !== null);
  const receivedCreditNotes =
    creditNoteRefs.length === 0
      ? []
      : await db
          .select({ creditNoteRef: creditNotes.creditNoteRef, creditNote: creditNotes.creditNote, language: creditNotes.language, seller: creditNotes.seller, issuedEventId: creditNotes.issuedEventId, correlationId: creditNotes.correlationId, traceParent: creditNotes.traceParent })
          .from(creditNotes)
          .where(inArray(creditNotes.creditNoteRef, creditNoteRefs));
  const byRef = new Map(received.map((row) => [row.invoiceRef, row]));
  const creditNoteByRef = new Map(receivedCreditNotes.map((row) => [row.creditNoteRef, row]));
  return claimed.map((row) => {
    const invoice = byRef.get(row.invoiceRef);
    if (!invoice) throw new Error(`delivery ${row.deliveryId} has no invoice ${row.invoiceRef}`);
    const recordedInvoice = { ...invoice.invoice, language: invoice.language };
    if (row.creditNoteRef === null) {
      return { delivery: deliveryOf(row), invoice: recordedInvoice, creditNote: null, seller: invoice.seller, issuedEventId: invoice.issuedEventId, correlationId: invoice.correlationId, traceParent: invoice.traceParent };
    }
    const creditNote = creditNoteByRef.get(row.creditNoteRef);
    if (!creditNote) throw new Error(`delivery ${row.deliveryId} has no credit note ${row.creditNoteRef}`);
    return {
      delivery: deliveryOf(row),
      invoice: recordedInvoice,
      creditNote: { ...creditNote.creditNote, language: creditNote.language },
      seller: creditNote.seller,
      issuedEventId: creditNote.issuedEventId,
      correlationId: creditNote.correlationId,
      traceParent: creditNote.traceParent,
    };
  });
}

/** SENT, whichever attempt got through: the SMTP server accepted the mail. Undefined when no longer PENDING. */
export async function markSent(tx: MailerTransaction, deliveryId: string, sentAt: Date): Promise<Delivery | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({ status: 'SENT', sentAt, lastError: null, updatedAt: sentAt })
    .where(and(eq(deliveries.deliveryId, deliveryId), eq(deliveries.status, 'PENDING')))
    .returning();
  return row && deliveryOf(row);
}

/**
 * Both failure outcomes apply only while the claim is still ours (same attempt number): a
 * worker whose lease ran out must not undo what a later attempt decided.
 */
export async function scheduleRetry(
  tx: MailerTransaction,
  claim: { deliveryId: string; attempts: number },
  retry: { nextAttemptAt: Date; lastError: string; now: Date },
): Promise<boolean> {
  const updated = await tx
    .update(deliveries)
    .set({ nextAttemptAt: retry.nextAttemptAt, lastError: retry.lastError, updatedAt: retry.now })
    .where(ownClaim(claim))
    .returning({ deliveryId: deliveries.deliveryId });
  return updated.length > 0;
}

export async function markFailed(
  tx: MailerTransaction,
  claim: { deliveryId: string; attempts: number },
  failure: { reason: string; lastError: string; failedAt: Date },
): Promise<Delivery | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({ status: 'FAILED', failedAt: failure.failedAt, failureReason: failure.reason, lastError: failure.lastError, updatedAt: failure.failedAt })
    .where(ownClaim(claim))
    .returning();
  return row && deliveryOf(row);
}

/** Pushes the lease's end forward while the e-mail is being sent; false once the claim is no longer ours. */
export async function renewDeliveryLease(db: Queryable, claim: { deliveryId: string; attempts: number }, until: Date): Promise<boolean> {
  const renewed = await db.update(deliveries).set({ nextAttemptAt: until }).where(ownClaim(claim)).returning({ deliveryId: deliveries.deliveryId });
  return renewed.length > 0;
}

function ownClaim(claim: { deliveryId: string; attempts: number }): SQL | undefined {
  return and(eq(deliveries.deliveryId, claim.deliveryId), eq(deliveries.status, 'PENDING'), eq(deliveries.attempts, claim.attempts));
}

/** How many deliveries of the invoice itself (not of its credit notes) are still PENDING. */
export async function countPendingDeliveries(db: Queryable, invoiceRef: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(deliveries)
    .where(and(eq(deliveries.invoiceRef, invoiceRef), isNull(deliveries.creditNoteRef), eq(deliveries.status, 'PENDING')));
  return row?.value ?? 0;
}

/** The resend a client asked for under its Idempotency-Key, with its request's fingerprint. */
export async function findResendByIdempotencyKey(
  db: Queryable,
  requestedBy: string,
  idempotencyKey: string,
): Promise<{ deliveryId: string; invoiceRef: string; requestHash: string | null } | undefined> {
  const [row] = await db
    .select({ deliveryId: deliveries.deliveryId, invoiceRef: deliveries.invoiceRef, requestHash: deliveries.requestHash })
    .from(deliveries)
    .where(and(eq(deliveries.requestedBy, requestedBy), eq(deliveries.idempotencyKey, idempotencyKey)));
  return row;
}

/** When the earliest PENDING delivery is due (a lease counts as due at its end). */
export async function nextDueAt(db: Queryable): Promise<Date | undefined> {
  const [row] = await db
    .select({ value: min(deliveries.nextAttemptAt) })
    .from(deliveries)
    .where(eq(deliveries.status, 'PENDING'));
  return row?.value ?? undefined;
}

/** A delivery as the API shows it, with the invoice facts an operator looks for. */
export interface DeliveryView extends Delivery {
  invoiceType: InvoiceType;
  period: string;
  totalWithTaxMinor: number;
  currency: string;
}

export interface DeliveryFilters {
  invoiceRef?: string;
  creditNoteRef?: string;
  contractRef?: string;
  status?: DeliveryStatus;
}

/** A credit note's delivery shows the credit note's type and total (its period is the corrected invoice's). */
const viewColumns = {
  delivery: deliveries,
  invoiceType: sql<InvoiceType>`case when ${deliveries.creditNoteRef} is null then ${invoices.invoiceType} else 'CREDIT_NOTE' end`,
  period: sql<string>`${invoices.invoice}->>'period'`,
  totalWithTaxMinor: sql<string>`coalesce(${creditNotes.creditNote}->>'totalWithTaxMinor', ${invoices.invoice}->>'totalWithTaxMinor')`,
  currency: sql<string>`coalesce(${creditNotes.creditNote}->>'currency', ${invoices.invoice}->>'currency')`,
};

function viewOf(row: { delivery: DeliveryRow; invoiceType: InvoiceType; period: string; totalWithTaxMinor: string; currency: string }): DeliveryView {
  return { ...deliveryOf(row.delivery), invoiceType: row.invoiceType, period: row.period, totalWithTaxMinor: Number(row.totalWithTaxMinor), currency: row.currency };
}

/** The delivery, unless it is outside the caller's customer scope. */
export async function findDelivery(db: Queryable, deliveryId: string, scope: CustomerScope): Promise<DeliveryView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(deliveries)
    .innerJoin(invoices, eq(invoices.invoiceRef, deliveries.invoiceRef))
    .leftJoin(creditNotes, eq(creditNotes.creditNoteRef, deliveries.creditNoteRef))
    .where(and(eq(deliveries.deliveryId, deliveryId), customerScopeCondition(scope, deliveries.customerRef)));
  return row && viewOf(row);
}

/** One page of the matching deliveries, the latest received first, and how many match in all. */
export async function searchDeliveries(
  db: Queryable,
  filters: DeliveryFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ deliveries: DeliveryView[]; totalItems: number }> {
  const conditions: Array<SQL | undefined> = [customerScopeCondition(scope, deliveries.customerRef)];
  if (filters.invoiceRef) conditions.push(eq(deliveries.invoiceRef, filters.invoiceRef));
  if (filters.creditNoteRef) conditions.push(eq(deliveries.creditNoteRef, filters.creditNoteRef));
  if (filters.contractRef) conditions.push(eq(deliveries.contractRef, filters.contractRef));
  if (filters.status) conditions.push(eq(deliveries.status, filters.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select(viewColumns)
      .from(deliveries)
      .innerJoin(invoices, eq(invoices.invoiceRef, deliveries.invoiceRef))
      .leftJoin(creditNotes, eq(creditNotes.creditNoteRef, deliveries.creditNoteRef))
      .where(where)
      .orderBy(desc(deliveries.receivedAt), asc(deliveries.deliveryId))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(deliveries).where(where),
  ]);
  return { deliveries: rows.map(viewOf), totalItems: total?.value ?? 0 };
}

function deliveryOf(row: DeliveryRow): Delivery {
  return {
    deliveryId: row.deliveryId,
    invoiceRef: row.invoiceRef,
    creditNoteRef: row.creditNoteRef,
    contractRef: row.contractRef,
    customerRef: row.customerRef,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    messageId: row.messageId,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentAt: row.sentAt,
    failedAt: row.failedAt,
    failureReason: row.failureReason,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    kind: row.kind,
    reason: row.reason,
    requestedBy: row.requestedBy,
  };
}
