import { and, asc, count, desc, eq, inArray, lte, min, sql, type SQL } from 'drizzle-orm';
import type { Payment, PaymentAttempt, PaymentStatus } from '../domain/payment';
import type { PaymentTransaction, Queryable } from './database';
import { paymentAttempts, payments } from './schema';

type PaymentRow = typeof payments.$inferSelect;
type AttemptRow = typeof paymentAttempts.$inferSelect;

/** NOTIFY channel on which a newly recorded payment wakes the debit worker (delivered on commit only). */
export const PAYMENT_DUE_CHANNEL = 'boissipay_payment_due';

const AWAITING_DEBIT: PaymentStatus[] = ['PENDING', 'RETRY_SCHEDULED'];

/**
 * Inserts the payment unless its invoice already has one (UNIQUE invoice_ref). Returns
 * whether it was inserted: false for an invoice seen before, whatever eventId carried it.
 */
export async function insertPaymentOnce(tx: PaymentTransaction, payment: Payment): Promise<boolean> {
  const inserted = await tx
    .insert(payments)
    .values(rowOf(payment))
    .onConflictDoNothing({ target: payments.invoiceRef })
    .returning({ paymentRef: payments.paymentRef });
  return inserted.length > 0;
}

export async function notifyPaymentDue(tx: PaymentTransaction): Promise<void> {
  await tx.execute(sql`select pg_notify(${PAYMENT_DUE_CHANNEL}, '')`);
}

/**
 * Locks the payment due soonest that no other worker holds, until the transaction ends
 * (SKIP LOCKED: replicas share the work instead of queueing on one row).
 */
export async function claimNextDuePayment(tx: PaymentTransaction, now: Date): Promise<Payment | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(inArray(payments.status, AWAITING_DEBIT), lte(payments.nextAttemptAt, now)))
    .orderBy(asc(payments.nextAttemptAt), asc(payments.paymentRef))
    .limit(1)
    .for('update', { skipLocked: true });
  return row && paymentOf(row);
}

/** The earliest time a payment awaiting a debit becomes due, if any does. */
export async function nextDueTime(db: Queryable): Promise<Date | undefined> {
  const [row] = await db
    .select({ value: min(payments.nextAttemptAt) })
    .from(payments)
    .where(inArray(payments.status, AWAITING_DEBIT));
  return row?.value ?? undefined;
}

/** Writes the payment's new state; the caller holds its row lock (claimNextDuePayment). */
export async function updatePayment(tx: PaymentTransaction, payment: Payment): Promise<void> {
  const { paymentRef: _ref, invoiceRef: _invoice, createdAt: _created, ...changes } = rowOf(payment);
  await tx.update(payments).set(changes).where(eq(payments.paymentRef, payment.paymentRef));
}

export async function insertAttempt(tx: PaymentTransaction, paymentRef: string, attempt: PaymentAttempt): Promise<void> {
  await tx.insert(paymentAttempts).values({ paymentRef, ...attempt });
}

export async function findPayment(db: Queryable, paymentRef: string): Promise<Payment | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.paymentRef, paymentRef));
  return row && paymentOf(row);
}

export async function findAttempts(db: Queryable, paymentRef: string): Promise<PaymentAttempt[]> {
  const rows = await db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentRef, paymentRef)).orderBy(asc(paymentAttempts.attemptNumber));
  return rows.map(attemptOf);
}

export interface PaymentFilters {
  invoiceRef?: string;
  contractRef?: string;
  status?: PaymentStatus;
}

/** One page of the matching payments, newest first, and how many match in all. */
export async function searchPayments(
  db: Queryable,
  filters: PaymentFilters,
  page: { offset: number; limit: number },
): Promise<{ payments: Payment[]; totalItems: number }> {
  const conditions: SQL[] = [];
  if (filters.invoiceRef) conditions.push(eq(payments.invoiceRef, filters.invoiceRef));
  if (filters.contractRef) conditions.push(eq(payments.contractRef, filters.contractRef));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    // paymentRef breaks ties between payments recorded in the same instant, so pages never overlap.
    db.select().from(payments).where(where).orderBy(desc(payments.createdAt), desc(payments.paymentRef)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(payments).where(where),
  ]);
  return { payments: rows.map(paymentOf), totalItems: total?.value ?? 0 };
}

function rowOf(payment: Payment): typeof payments.$inferInsert {
  const { amount, mandate, ...rest } = payment;
  return {
    ...rest,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    mandateRef: mandate?.mandateRef ?? null,
    iban: mandate?.iban ?? null,
    bic: mandate?.bic ?? null,
  };
}

function paymentOf(row: PaymentRow): Payment {
  return {
    paymentRef: row.paymentRef,
    invoiceRef: row.invoiceRef,
    invoiceId: row.invoiceId,
    contractRef: row.contractRef,
    invoiceEventId: row.invoiceEventId,
    correlationId: row.correlationId,
    amount: { amountMinor: row.amountMinor, currency: row.currency },
    dueDate: row.dueDate,
    mandate: row.mandateRef && row.iban ? { mandateRef: row.mandateRef, iban: row.iban, bic: row.bic } : null,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt,
    reasonCode: row.reasonCode,
    reasonMessage: row.reasonMessage,
    providerRef: row.providerRef,
    settledAt: row.settledAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function attemptOf(row: AttemptRow): PaymentAttempt {
  return {
    attemptNumber: row.attemptNumber,
    attemptedAt: row.attemptedAt,
    outcome: row.outcome,
    reasonCode: row.reasonCode,
    message: row.message,
    providerRef: row.providerRef,
  };
}
