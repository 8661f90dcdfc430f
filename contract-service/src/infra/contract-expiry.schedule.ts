import type { Logger, ScheduledJob } from '@boissipay/runtime';
import type { ContractDependencies } from '../app/dependencies';
import { expireContracts, expireLapsedMandates } from '../app/expire-contracts';

/**
 * Expires contracts, and mandates unused for 36 months, without anyone asking: once at
 * start-up (the service may have been down when a contract's validity ended) and then on
 * `cron` in the contracts' time zone.
 */
export function contractExpirySchedule(dependencies: ContractDependencies, options: { cron: string; logger: Logger }): ScheduledJob {
  const logger = options.logger.child({ component: 'contract-expiry' });
  const checkOnce = async () => {
    const expired = await expireContracts(dependencies);
    if (expired.length > 0) logger.info({ expired }, `${expired.length} contract(s) expired`);
    const lapsed = await expireLapsedMandates(dependencies);
    if (lapsed.length > 0) logger.info({ contracts: lapsed }, `${lapsed.length} mandate(s) unused for 36 months revoked`);
  };
  return { name: 'contract-expiry', cron: options.cron, timeZone: dependencies.timeZone, run: checkOnce, atStart: checkOnce };
}
