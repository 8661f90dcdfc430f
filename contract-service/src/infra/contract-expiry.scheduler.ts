import { createTask } from 'node-cron';
import { runWithCorrelationId, type BackgroundJob, type Logger } from '@boissipay/runtime';
import type { ContractDependencies } from '../app/dependencies';
import { expireContracts } from '../app/expire-contracts';

/**
 * Expires contracts without anyone asking: once at start-up (the service may have been down
 * when a contract's validity ended) and then on `cronExpression` in the contracts' time zone.
 * Runs never overlap; a failed run is logged and the next one retries.
 */
export async function startContractExpiryScheduler(
  dependencies: ContractDependencies,
  options: { cronExpression: string; logger: Logger },
): Promise<BackgroundJob> {
  const logger = options.logger.child({ component: 'contract-expiry' });
  const checkOnce = async () => {
    try {
      const expired = await expireContracts(dependencies);
      if (expired.length > 0) logger.info({ expired }, `${expired.length} contract(s) expired`);
    } catch (error) {
      logger.error({ err: error }, 'contract expiry check failed; the next run retries');
    }
  };
  // Each run gets its own correlation id: its log lines and the EXPIRED events it publishes share it.
  const run = () => runWithCorrelationId(undefined, checkOnce);

  await run();
  const task = createTask(options.cronExpression, run, { timezone: dependencies.timeZone, noOverlap: true, name: 'contract-expiry' });
  await task.start();
  return {
    async stop() {
      await task.destroy();
    },
  };
}
