import type { Pool } from 'pg';
import { startDueWorker, type DueWorker, type Logger } from '@boissipay/runtime';
import type { DeliveryDependencies } from '../app/dependencies';
import { deliverDueInvoices } from '../app/deliver-due-invoices';
import { DELIVERY_CHANNEL } from './delivery-channel';
import { nextDueAt } from './delivery-repository';

/**
 * Sends invoices in the background on the platform's due-work loop, one round at a time
 * however many wake-ups arrive: a new delivery wakes it at once (LISTEN/NOTIFY), a retry or
 * the end of a dead worker's lease is woken at its due time, and a poll is the safety net
 * for anything missed (a notification lost while reconnecting). Several instances may run
 * side by side: claims skip each other's rows.
 */
export async function startInvoiceDeliveryWorker(
  dependencies: DeliveryDependencies,
  options: { pool: Pool; pollIntervalMs: number; leaseMs: number; logger: Logger },
): Promise<DueWorker> {
  const logger = options.logger.child({ component: 'delivery-worker' });
  const worker = await startDueWorker({
    name: 'delivery-worker',
    pool: options.pool,
    channel: DELIVERY_CHANNEL,
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs,
    clock: dependencies.clock,
    ...(dependencies.random ? { random: dependencies.random } : {}),
    round: async () => (await deliverDueInvoices({ ...dependencies, logger }, { leaseMs: options.leaseMs })) === dependencies.batchSize,
    nextDueAt: () => nextDueAt(dependencies.db),
  });
  return {
    status: worker.status,
    async stop() {
      await worker.stop();
      dependencies.mailSender.close();
    },
  };
}
