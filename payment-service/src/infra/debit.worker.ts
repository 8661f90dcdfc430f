import { startDueWorker, type DueWorker, type Logger } from '@boissipay/runtime';
import type { Pool } from 'pg';
import { debitNextDuePayment } from '../app/debit-next-payment';
import type { DebitDependencies } from '../app/dependencies';
import { nextDueTime, PAYMENT_DUE_CHANNEL } from './payment-repository';

export interface DebitWorkerOptions {
  pool: Pool;
  logger: Logger;
  /** Longest sleep between two looks at the payments table. */
  pollIntervalMs: number;
  /** How long a claimed payment stays reserved without a renewal (PAYMENT_DEBIT_LEASE_MS). */
  leaseMs: number;
}

/**
 * Sends due payments to the provider, one at a time per process (replicas share the work
 * through their leased claims), on the platform's due-work loop: woken at once when the
 * consumer records a payment (LISTEN/NOTIFY, delivered on commit), when the earliest
 * scheduled retry or lease end falls due, and at the latest every `pollIntervalMs`. It also
 * runs once at start, which picks up whatever a previous process left due. Stopping waits
 * for the attempt in progress, then leaves the rest for the next start.
 */
export async function startDebitWorker(dependencies: DebitDependencies, options: DebitWorkerOptions): Promise<DueWorker> {
  const logger = options.logger.child({ component: 'debit-worker' });
  return startDueWorker({
    name: 'debit-worker',
    pool: options.pool,
    channel: PAYMENT_DUE_CHANNEL,
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs,
    clock: dependencies.clock,
    ...(dependencies.random ? { random: dependencies.random } : {}),
    round: async () => (await debitNextDuePayment(dependencies, { leaseMs: options.leaseMs, logger })).kind !== 'idle',
    nextDueAt: () => nextDueTime(dependencies.db),
  });
}
