import { and, asc, lte, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';

/**
 * A queue table worked through leases: a claim moves the row's due time to the end of a short
 * lease and marks it with a claim token, in one short transaction; the slow external call
 * (an SMTP conversation, a provider debit) then runs outside any transaction, with no row
 * lock held; the outcome is recorded only if the token is still the row's. A worker that
 * dies leaves its rows to come due again when their leases end: seconds, not minutes,
 * because a live worker renews its leases while the work runs (`keepLeased`).
 */
export interface LeasedQueue {
  table: PgTable;
  key: AnyPgColumn;
  /** Due once past; a claim moves it to the lease's end. */
  dueAt: AnyPgColumn;
  /** Rows still to be worked on, due or not. */
  pending: SQL;
}

type AnyPgDatabase = Pick<PgDatabase<PgQueryResultHKT, Record<string, unknown>>, 'select'>;

/**
 * The keys of up to `limit` due rows, soonest due first, locked until the claiming statement
 * that uses this as its subquery commits. SKIP LOCKED: concurrent claims take different rows
 * instead of queueing on the same ones.
 */
export function dueRowKeys(db: AnyPgDatabase, queue: LeasedQueue, options: { now: Date; limit: number }) {
  return db
    .select({ key: queue.key })
    .from(queue.table)
    .where(and(queue.pending, lte(queue.dueAt, options.now)))
    .orderBy(asc(queue.dueAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
}

export function leaseEnd(now: Date, leaseMs: number): Date {
  return new Date(now.getTime() + leaseMs);
}

/**
 * Runs `work` while renewing its lease every third of the lease's length, so a renewal may
 * fail twice (a database hiccup) before the lease runs out under a live worker. A renewal
 * that fails is reported, not thrown: the work goes on, and recording its outcome checks
 * that the claim is still its own.
 */
export async function keepLeased<T>(
  lease: { leaseMs: number; renew: () => Promise<unknown>; onRenewalError: (error: unknown) => void },
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => {
    lease.renew().catch(lease.onRenewalError);
  }, Math.max(1, Math.floor(lease.leaseMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
