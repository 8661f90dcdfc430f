import type { Logger, ScheduledJob } from '@boissipay/runtime';
import type { ContractDependencies } from '../app/dependencies';
import { expireContracts } from '../app/expire-contracts';

/**
 * Expires contracts without anyone asking: once at start-up (the service may have been down
 * when a contract's validity ended) and then on `cron` in the contracts' time zone.
 */
export function contractExpirySchedule(dependencies: ContractDependencies, options: { cron: string; logger: Logger }): ScheduledJob {
  const logger = options.logger.child({ component: 'contract-expiry' });
  const checkOnce = async () => {
    const expired = await expireContracts(dependencies);
    if (expired.length > 0) logger.info({ expired }, `${expired.length} contract(s) expired`);
  };
  return { name: 'contract-expiry', cron: options.cron, timeZone: dependencies.timeZone, run: checkOnce, atStart: checkOnce };
}
