import { currentTraceParent, customerScopeCondition, dueRowKeys, type CustomerScope, type LeasedQueue } from '@boissipay/runtime';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, min, sql, type SQL } from 'drizzle-orm';
import type { DeliveryStatus } from '../domain/delivery';
import type { Language } from '../domain/language';
import type { Notice, NoticeKind } from '../domain/notice';
import type { MailerDatabase, MailerTransaction, Queryable } from './database';
import { notices } from './schema';

type NoticeRow = typeof notices.$inferSelect;

export type NewNotice = Pick<Notice, 'noticeId' | 'causeEventId' | 'kind' | 'contractRef' | 'invoiceRef' | 'customerRef' | 'recipient' | 'recipientName' | 'language' | 'facts' | 'messageId' | 'nextAttemptAt'> & {
  correlationId: string | null;
};

/** A new PENDING notice; false when its cause already has one (UNIQUE cause_event_id). */
export async function insertNotice(tx: MailerTransaction, notice: NewNotice): Promise<boolean> {
  const inserted = await tx
    .insert(notices)
    .values({ ...notice, status: 'PENDING', attempts: 0, traceParent: currentTraceParent(), receivedAt: notice.nextAttemptAt, updatedAt: notice.nextAttemptAt })
    .onConflictDoNothing()
    .returning({ noticeId: notices.noticeId });
  return inserted.length > 0;
}

/**
 * The debit notices of an invoice that were waiting for it get their recipient, language and
 * customer from it, and are due from `now`. How many were waiting.
 */
export async function completeNoticesOfInvoice(
  tx: MailerTransaction,
  invoiceRef: string,
  contact: { recipient: string; recipientName: string; language: Language; customerRef: string | null; now: Date },
): Promise<number> {
  const completed = await tx
    .update(notices)
    .set({ recipient: contact.recipient, recipientName: contact.recipientName, language: contact.language, customerRef: contact.customerRef, nextAttemptAt: contact.now, updatedAt: contact.now })
    .where(and(eq(notices.invoiceRef, invoiceRef), isNull(notices.recipient)))
    .returning({ noticeId: notices.noticeId });
  return completed.length;
}

/**
 * Serialises the transactions that may meet over one invoice: the one recording a debit
 * notice or a credit note (each reads whether the invoice is known) and the one recording the
 * invoice (which completes the notices and the credit notes waiting for it). Whichever comes
 * second sees what the first committed, so nothing waits for an invoice already recorded.
 */
export async function lockInvoiceArrival(tx: MailerTransaction, invoiceRef: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mailer-invoice:${invoiceRef}`}))`);
}

export interface ClaimedNotice {
  notice: Notice & { recipient: string };
  correlationId: string | null;
  traceParent: string | null;
}

const noticeQueue: LeasedQueue = { table: notices, key: notices.noticeId, dueAt: notices.nextAttemptAt, pending: and(eq(notices.status, 'PENDING'), isNotNull(notices.recipient)) as SQL };

/** As claimDueDeliveries: one short statement counts the attempt and moves the due time to the lease's end. */
export async function claimDueNotices(db: MailerDatabase, options: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedNotice[]> {
  const due = dueRowKeys(db, noticeQueue, { now: options.now, limit: options.limit });
  const claimed = await db
    .update(notices)
    .set({ attempts: sql`${notices.attempts} + 1`, nextAttemptAt: options.leaseUntil, updatedAt: options.now })
    .where(inArray(notices.noticeId, due))
    .returning();
  return claimed.map((row) => {
    if (row.recipient === null) throw new Error(`notice ${row.noticeId} was claimed without a recipient`);
    return { notice: { ...noticeOf(row), recipient: row.recipient }, correlationId: row.correlationId, traceParent: row.traceParent };
  });
}

export async function markNoticeSent(tx: MailerTransaction, noticeId: string, sentAt: Date): Promise<boolean> {
  const updated = await tx
    .update(notices)
    .set({ status: 'SENT', sentAt, lastError: null, updatedAt: sentAt })
    .where(and(eq(notices.noticeId, noticeId), eq(notices.status, 'PENDING')))
    .returning({ noticeId: notices.noticeId });
  return updated.length > 0;
}

export async function scheduleNoticeRetry(tx: MailerTransaction, claim: NoticeClaim, retry: { nextAttemptAt: Date; lastError: string; now: Date }): Promise<boolean> {
  const updated = await tx
    .update(notices)
    .set({ nextAttemptAt: retry.nextAttemptAt, lastError: retry.lastError, updatedAt: retry.now })
    .where(ownClaim(claim))
    .returning({ noticeId: notices.noticeId });
  return updated.length > 0;
}

export async function markNoticeFailed(tx: MailerTransaction, claim: NoticeClaim, failure: { reason: string; lastError: string; failedAt: Date }): Promise<boolean> {
  const updated = await tx
    .update(notices)
    .set({ status: 'FAILED', failedAt: failure.failedAt, failureReason: failure.reason, lastError: failure.lastError, updatedAt: failure.failedAt })
    .where(ownClaim(claim))
    .returning({ noticeId: notices.noticeId });
  return updated.length > 0;
}

export async function renewNoticeLease(db: Queryable, claim: NoticeClaim, until: Date): Promise<boolean> {
  const renewed = await db.update(notices).set({ nextAttemptAt: until }).where(ownClaim(claim)).returning({ noticeId: notices.noticeId });
  return renewed.length > 0;
}

export interface NoticeClaim {
  noticeId: string;
  attempts: number;
}

/** The outcome applies only while the claim is still ours (same attempt number). */
function ownClaim(claim: NoticeClaim): SQL | undefined {
  return and(eq(notices.noticeId, claim.noticeId), eq(notices.status, 'PENDING'), eq(notices.attempts, claim.attempts));
}

/** When the earliest sendable notice is due (a lease counts as due at its end). */
export async function nextNoticeDueAt(db: Queryable): Promise<Date | undefined> {
  const [row] = await db.select({ value: min(notices.nextAttemptAt) }).from(notices).where(noticeQueue.pending);
  return row?.value ?? undefined;
}

export interface NoticeFilters {
  contractRef?: string;
  invoiceRef?: string;
  kind?: NoticeKind;
  status?: DeliveryStatus;
}

/** One page of the matching notices, the latest recorded first, and how many match in all. */
export async function searchNotices(db: Queryable, filters: NoticeFilters, page: { offset: number; limit: number }, scope: CustomerScope): Promise<{ notices: Notice[]; totalItems: number }> {
  const conditions: Array<SQL | undefined> = [customerScopeCondition(scope, notices.customerRef)];
  if (filters.contractRef) conditions.push(eq(notices.contractRef, filters.contractRef));
  if (filters.invoiceRef) conditions.push(eq(notices.invoiceRef, filters.invoiceRef));
  if (filters.kind) conditions.push(eq(notices.kind, filters.kind));
  if (filters.status) conditions.push(eq(notices.status, filters.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db.select().from(notices).where(where).orderBy(desc(notices.receivedAt), asc(notices.noticeId)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(notices).where(where),
  ]);
  return { notices: rows.map(noticeOf), totalItems: total?.value ?? 0 };
}

function noticeOf(row: NoticeRow): Notice {
  return {
    noticeId: row.noticeId,
    kind: row.kind,
    contractRef: row.contractRef,
    invoiceRef: row.invoiceRef,
    customerRef: row.customerRef,
    recipient: row.recipient,
    recipientName: row.recipientName,
    language: row.language,
    facts: row.facts,
    status: row.status,
    attempts: row.attempts,
    messageId: row.messageId,
    causeEventId: row.causeEventId,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentAt: row.sentAt,
    failedAt: row.failedAt,
    failureReason: row.failureReason,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
  };
}
