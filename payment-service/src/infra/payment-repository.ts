import { currentTraceParent, type CustomerScope, customerScopeCondition, dueRowKeys, type LeasedQueue, leaseEnd } from '@boissipay/runtime';
import { and, asc, count, desc, eq, inArray, min, sql, type SQL } from 'drizzle-orm';
import type { PaymentToAct } from '../domain/operator-actions';
import type { Payment, PaymentAttempt, PaymentStatus } from '../domain/payment';
import type { PaymentTransaction, Queryable } from './database';
import { paymentAttempts, payments } from './schema';

type PaymentRow = typeof payments.$inferSelect;
type AttemptRow = typeof paymentAttempts.$inferSelect;

/** NOTIFY channel on which a newly recorded payment wakes the debit worker (delivered on commit only). */
export const PAYMENT_DUE_CHANNEL = 'boissipay_payment_due';

/** NOTIFY channel on which the simulated provider wakes the returns worker when it schedules a return. */
export const PAYMENT_RETURNS_CHANNEL = 'boissipay_payment_returns';

const AWAITING_DEBIT: PaymentStatus[] = ['PENDING', 'RETRY_SCHEDULED'];

/**
 * Inserts the payment unless its invoice already has one (UNIQUE invoice_ref). Returns
 * whether it was inserted: false for an invoice seen before, whatever eventId carried it.
 */
export async function insertPaymentOnce(tx: PaymentTransaction, payment: Payment): Promise<boolean> {
  const inserted = await tx
    .insert(payments)
    .values({ ...rowOf(payment), traceParent: currentTraceParent() })
    .onConflictDoNothing({ target: payments.invoiceRef })
    .returning({ paymentRef: payments.paymentRef });
  return inserted.length > 0;
}

export async function notifyPaymentDue(tx: PaymentTransaction): Promise<void> {
  await tx.execute(sql`select pg_notify(${PAYMENT_DUE_CHANNEL}, '')`);
}

const debitQueue: LeasedQueue = { table: payments, key: payments.paymentRef, dueAt: payments.nextAttemptAt, pending: inArray(payments.status, AWAITING_DEBIT) };

/** A payment claimed for one debit attempt, and the token that proves the claim is still ours. */
export interface ClaimedPayment {
  payment: Payment;
  leaseToken: string;
  /** The trace of the invoice event that brought the payment, which its debit continues. */
  traceParent: string | null;
}

/**
 * Claims the payment due soonest that no other worker holds, in one short statement: its due
 * time moves to the end of the lease and it gets a fresh lease token, so no other worker takes
 * it while the provider is called outside any transaction. SKIP LOCKED lets replicas claim side
 * by side. A worker that dies leaves the payment due again when the lease ends.
 */
export async function claimNextDuePayment(db: Queryable, options: { now: Date; leaseMs: number }): Promise<ClaimedPayment | undefined> {
  const [row] = await db
    .update(payments)
    .set({ nextAttemptAt: leaseEnd(options.now, options.leaseMs), leaseToken: sql`gen_random_uuid()` })
    .where(inArray(payments.paymentRef, dueRowKeys(db, debitQueue, { now: options.now, limit: 1 })))
    .returning();
  return row?.leaseToken ? { payment: paymentOf(row), leaseToken: row.leaseToken, traceParent: row.traceParent } : undefined;
}

/** Pushes the lease's end forward while the debit is in progress; false once the claim is no longer ours. */
export async function renewDebitLease(db: Queryable, claim: { paymentRef: string; leaseToken: string }, until: Date): Promise<boolean> {
  const renewed = await db
    .update(payments)
    .set({ nextAttemptAt: until })
    .where(and(ownClaim(claim), inArray(payments.status, AWAITING_DEBIT)))
    .returning({ paymentRef: payments.paymentRef });
  return renewed.length > 0;
}

function ownClaim(claim: { paymentRef: string; leaseToken: string }): SQL | undefined {
  return and(eq(payments.paymentRef, claim.paymentRef), eq(payments.leaseToken, claim.leaseToken));
}

/** The earliest time a payment awaiting a debit becomes due, if any does. */
export async function nextDueTime(db: Queryable): Promise<Date | undefined> {
  const [row] = await db
    .select({ value: min(payments.nextAttemptAt) })
    .from(payments)
    .where(inArray(payments.status, AWAITING_DEBIT));
  return row?.value ?? undefined;
}

/**
 * Writes the payment's new state and ends the claim, only while the claim is still ours: false
 * when its lease ran out and another worker took the payment over (that worker records it).
 */
export async function updatePayment(tx: PaymentTransaction, payment: Payment, leaseToken: string): Promise<boolean> {
  const { paymentRef: _ref, invoiceRef: _invoice, createdAt: _created, ...changes } = rowOf(payment);
  const updated = await tx
    .update(payments)
    .set({ ...changes, leaseToken: null })
    .where(ownClaim({ paymentRef: payment.paymentRef, leaseToken }))
    .returning({ paymentRef: payments.paymentRef });
  return updated.length > 0;
}

/**
 * The payment an operator acts on, locked until the action's transaction ends: actions on one
 * payment run one after the other, and the debit worker, which claims with SKIP LOCKED, passes
 * it by meanwhile. A lease token on the row means a worker holds it for a provider call (or
 * died holding it: the next claim finishes that call), so the debit is in progress.
 */
export async function lockPaymentForAction(tx: PaymentTransaction, paymentRef: string, scope: CustomerScope): Promise<PaymentToAct | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.paymentRef, paymentRef), customerScopeCondition(scope, payments.customerRef)))
    .for('update');
  return row && { payment: paymentOf(row), debitInProgress: row.leaseToken !== null };
}

/** Writes the state an operator's action decided, on a payment locked by lockPaymentForAction and held by no worker. */
export async function savePaymentAfterAction(tx: PaymentTransaction, payment: Payment): Promise<void> {
  const { paymentRef: _ref, invoiceRef: _invoice, createdAt: _created, ...changes } = rowOf(payment);
  await tx.update(payments).set(changes).where(eq(payments.paymentRef, payment.paymentRef));
}

export async function insertAttempt(tx: PaymentTransaction, paymentRef: string, attempt: PaymentAttempt): Promise<void> {
  await tx.insert(paymentAttempts).values({ paymentRef, ...attempt });
}

/** The payment, unless it is outside the caller's customer scope. */
export async function findPayment(db: Queryable, paymentRef: string, scope: CustomerScope): Promise<Payment | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.paymentRef, paymentRef), customerScopeCondition(scope, payments.customerRef)));
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
  scope: CustomerScope,
): Promise<{ payments: Payment[]; totalItems: number }> {
  const conditions: Array<SQL | undefined> = [customerScopeCondition(scope, payments.customerRef)];
  if (filters.invoiceRef) conditions.push(eq(payments.invoiceRef, filters.invoiceRef));
  if (filters.contractRef) conditions.push(eq(payments.contractRef, filters.contractRef));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  const where = and(...conditions);
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
    mandateSignedAt: mandate?.signedAt ?? null,
  };
}

function paymentOf(row: PaymentRow): Payment {
  return {
    paymentRef: row.paymentRef,
    invoiceRef: row.invoiceRef,
    invoiceId: row.invoiceId,
    contractRef: row.contractRef,
    customerRef: row.customerRef,
    invoiceEventId: row.invoiceEventId,
    correlationId: row.correlationId,
    amount: { amountMinor: row.amountMinor, currency: row.currency },
    dueDate: row.dueDate,
    collectionDate: row.collectionDate,
    mandate: row.mandateRef && row.iban ? { mandateRef: row.mandateRef, iban: row.iban, bic: row.bic, signedAt: row.mandateSignedAt } : null,
    debtorName: row.debtorName,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt,
    reasonCode: row.reasonCode,
    reasonMessage: row.reasonMessage,
    providerRef: row.providerRef,
    settledAt: row.settledAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    method: row.method,
    bankReference: row.bankReference,
    receivedOn: row.receivedOn,
    debitRound: row.debitRound,
    attemptsBeforeRound: row.attemptsBeforeRound,
    returnReasonCode: row.returnReasonCode,
    returnedAt: row.returnedAt,
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
