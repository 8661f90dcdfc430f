import type { Pool } from 'pg';
import { createCoalescingRunner, listenForNotifications, type BackgroundJob, type Logger } from '@boissipay/runtime';
import type { DeliveryDependencies } from '../app/dependencies';
import { deliverDueInvoices } from '../app/deliver-due-invoices';
import { DELIVERY_CHANNEL } from './delivery-channel';
import { nextDueAt } from './delivery-repository';

/** Pause before trying again after a round failed (database unreachable). */
const RETRY_DELAY_MS = 1_000;

/**
 * Sends invoices in the background, one round at a time however many wake-ups arrive: a new
 * delivery wakes it at once (LISTEN/NOTIFY), a retry is woken at its due time, and a poll
 * is the safety net for anything missed (a notification lost while reconnecting, a lease
 * run out after a crash). Several instances may run side by side: claims skip each other's rows.
 */
export async function startInvoiceDeliveryWorker(
  dependencies: DeliveryDependencies,
  options: { pool: Pool; pollIntervalMs: number; logger: Logger },
): Promise<BackgroundJob> {
  const logger = options.logger.child({ component: 'delivery-worker' });
  let stopped = false;
  let wakeTimer: NodeJS.Timeout | undefined;

  const runner = createCoalescingRunner(
    async () => {
      let claimed: number;
      do {
        claimed = await deliverDueInvoices({ ...dependencies, logger });
      } while (claimed === dependencies.batchSize && !stopped);
      wakeAt(await nextDueAt(dependencies.db));
    },
    { retryDelayMs: RETRY_DELAY_MS, onError: (error) => logger.error({ err: error }, 'delivery round failed; will retry') },
  );

  /** A retry due before the next poll gets a timer of its own. */
  function wakeAt(due: Date | undefined): void {
    clearTimeout(wakeTimer);
    if (!due || stopped) return;
    const delay = Math.max(0, due.getTime() - dependencies.clock().getTime());
    if (delay < options.pollIntervalMs) wakeTimer = setTimeout(runner.trigger, delay + 10);
  }

  // Listening before the first round: a delivery committed in between is caught by one or the other.
  const listener = await listenForNotifications(options.pool, DELIVERY_CHANNEL, runner.trigger, logger);
  const poll = setInterval(runner.trigger, options.pollIntervalMs);
  runner.trigger();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(wakeTimer);
      await listener.close();
      await runner.stop();
      dependencies.mailSender.close();
    },
  };
}
