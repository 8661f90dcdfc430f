import type { Pool } from 'pg';
import { startDueWorker, type DueWorker, type Logger } from '@boissipay/runtime';
import type { DeliveryDependencies } from '../app/dependencies';
import { sendDueNotices } from '../app/send-due-notices';
import { NOTICE_CHANNEL } from './delivery-channel';
import { nextNoticeDueAt } from './notice-repository';

/**
 * Sends customer notices on the platform's due-work loop, beside the delivery worker and like
 * it: woken by NOTIFY when a notice becomes sendable, at the due time of a retry or of a dead
 * worker's lease, and by the safety-net poll.
 */
export async function startNoticeWorker(dependencies: DeliveryDependencies, options: { pool: Pool; pollIntervalMs: number; leaseMs: number; logger: Logger }): Promise<DueWorker> {
  const logger = options.logger.child({ component: 'notice-worker' });
  const worker = await startDueWorker({
    name: 'notice-worker',
    pool: options.pool,
    channel: NOTICE_CHANNEL,
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs,
    clock: dependencies.clock,
    ...(dependencies.random ? { random: dependencies.random } : {}),
    round: async () => (await sendDueNotices({ ...dependencies, logger }, { leaseMs: options.leaseMs })) === dependencies.batchSize,
    nextDueAt: () => nextNoticeDueAt(dependencies.db),
  });
  return {
    status: worker.status,
    async stop() {
      await worker.stop();
      dependencies.mailSender.close();
    },
  };
}
