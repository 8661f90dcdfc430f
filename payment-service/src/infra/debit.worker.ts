import { createCoalescingRunner, listenForNotifications, type BackgroundJob, type Logger } from '@boissipay/runtime';
import type { Pool } from 'pg';
import { debitNextDuePayment } from '../app/debit-next-payment';
import type { DebitDependencies } from '../app/dependencies';
import { nextDueTime, PAYMENT_DUE_CHANNEL } from './payment-repository';

export interface DebitWorkerOptions {
  pool: Pool;
  logger: Logger;
  /** Longest sleep between two looks at the payments table. */
  pollIntervalMs: number;
  /** Pause before trying again after a failed run (database unavailable). */
  retryDelayMs?: number;
}

/**
 * Sends due payments to the provider, one at a time per process (replicas share the work
 * through SKIP LOCKED). It wakes up:
 * - at once when the consumer records a payment (LISTEN/NOTIFY, delivered on commit);
 * - when the earliest scheduled retry falls due (a timer set after each run);
 * - at the latest every `pollIntervalMs` (a notification lost during a reconnection, a row
 *   another replica held locked).
 * It also runs once at start, which picks up whatever a previous process left due.
 * Stopping waits for the attempt in progress, then leaves the rest for the next start.
 */
export async function startDebitWorker(dependencies: DebitDependencies, options: DebitWorkerOptions): Promise<BackgroundJob> {
  const { pollIntervalMs, retryDelayMs = 1_000 } = options;
  const logger = options.logger.child({ component: 'debit-worker' });
  let stopped = false;
  let wakeUp: NodeJS.Timeout | undefined;

  async function scheduleNextRun(): Promise<void> {
    const due = await nextDueTime(dependencies.db);
    const untilDue = due ? due.getTime() - dependencies.clock().getTime() : pollIntervalMs;
    // A payment already due that this run could not claim is held by another worker: look again later.
    const delay = untilDue > 0 ? Math.min(untilDue, pollIntervalMs) : pollIntervalMs;
    clearTimeout(wakeUp);
    if (!stopped) wakeUp = setTimeout(runner.trigger, delay);
  }

  const runner = createCoalescingRunner(
    async () => {
      while (!stopped) {
        const step = await debitNextDuePayment(dependencies, logger);
        if (step.kind === 'idle') break;
      }
      await scheduleNextRun();
    },
    { retryDelayMs, onError: (error) => logger.error({ err: error }, 'debit run failed; will retry') },
  );

  // Listening before the first run: a payment recorded in between is caught by one or the other.
  const listener = await listenForNotifications(options.pool, PAYMENT_DUE_CHANNEL, runner.trigger, logger);
  runner.trigger();

  return {
    async stop() {
      stopped = true;
      clearTimeout(wakeUp);
      await listener.close();
      await runner.stop();
      clearTimeout(wakeUp);
    },
  };
}
