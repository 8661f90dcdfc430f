import { randomUUID } from 'node:crypto';
import { ALL_CUSTOMERS, startDueWorker, systemActor, type DueWorker, type Logger } from '@boissipay/runtime';
import type { Pool } from 'pg';
import { recordReturns } from '../app/record-returns';
import type { DebitDependencies } from '../app/dependencies';
import { PAYMENT_RETURNS_CHANNEL } from './payment-repository';


const BATCH = 50;

/**
 * Records the returns a provider reports by itself (the simulated one), on the platform's
 * due-work loop: each round takes the returns due, records them in one transaction
 * (app/record-returns.ts), then acknowledges them to the provider. A crash between the two
 * leaves them reported again, and recorded again as ALREADY_RETURNED: nothing twice. Woken at
 * the next return's due time, on the channel, and by a poll every `pollIntervalMs`.
 */
export async function startReturnsWorker(dependencies: DebitDependencies, options: { pool: Pool; logger: Logger; pollIntervalMs: number }): Promise<DueWorker> {
  const { provider, clock } = dependencies;
  const { pendingReturns, acknowledgeReturns, nextReturnDueAt } = provider;
  if (!pendingReturns || !acknowledgeReturns) throw new Error('the payment provider does not report returns');
  const logger = options.logger.child({ component: 'returns-worker' });
  return startDueWorker({
    name: 'returns-worker',
    pool: options.pool,
    channel: PAYMENT_RETURNS_CHANNEL,
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs,
    clock,
    ...(dependencies.random ? { random: dependencies.random } : {}),
    round: async () => {
      const now = clock();
      const due = await pendingReturns.call(provider, now, BATCH);
      if (due.length === 0) return false;
      const outcomes = await recordReturns(dependencies.db, due, {
        clock,
        newEventId: dependencies.newEventId,
        scope: ALL_CUSTOMERS,
        audit: { actor: systemActor('returns'), requestId: randomUUID() },
      });
      await acknowledgeReturns.call(provider, due.map((reported) => reported.debitKey), clock());
      for (const outcome of outcomes) logger.info(outcome, 'debit return recorded');
      return due.length === BATCH;
    },
    ...(nextReturnDueAt ? { nextDueAt: () => nextReturnDueAt.call(provider) } : {}),
  });
}
