import type { Pool } from 'pg';
import type { Logger } from '@boissipay/runtime';
import type { BillingDatabase } from '../infra/database';
import { calendarDateIn } from '../domain/calendar';

/** What the use cases need from the outside world; clock and ids are injected so tests can pin them. */
export interface BillingDependencies {
  db: BillingDatabase;
  clock: () => Date;
  /** Ids of operations, invoices, billing runs and events, and correlation ids a run makes up. */
  newId: () => string;
  /** BILLING_TIME_ZONE: the calendar of "today", of billing periods and of issue dates. */
  timeZone: string;
  logger: Logger;
}

/** How far a billing run has gone. */
export interface BillingRunProgress {
  considered: number;
  billed: number;
}

/** What a billing run needs besides. */
export interface BillingRunDependencies extends BillingDependencies {
  /** A run holds a session-level lock on a connection of its own (app/billing-run-liveness.ts). */
  pool: Pool;
  /** BILLING_PAYMENT_TERM_DAYS: an invoice is due this many days after its issue date. */
  paymentTermDays: number;
  /** SEPA_PRENOTIFICATION_DAYS: the invoice e-mail reaches the customer at least this many days before the debit. */
  prenotificationDays: number;
  /**
   * Told after each contract of a run, once the transaction that billed it (its batch's) has
   * committed. If it throws, the run ends there as its process would
   * if killed: nothing more is written, its row stays RUNNING, its lock is released and
   * `finished` rejects with that error; the next start-up (or run of the period) finds it abandoned. This is
   * how a crash half-way through a run is reproduced on demand.
   */
  afterContract?: (progress: BillingRunProgress) => void;
}

export interface Moment {
  now: Date;
  /** The ISO date it is now in billing's time zone. */
  today: string;
}

export function momentOf(dependencies: Pick<BillingDependencies, 'clock' | 'timeZone'>): Moment {
  const now = dependencies.clock();
  return { now, today: calendarDateIn(dependencies.timeZone, now) };
}
