import type { Logger, ScheduledJob } from '@boissipay/runtime';
import type { BillingRunner } from '../app/billing-runner';
import { momentOf } from '../app/dependencies';
import { periodJustEnded } from '../domain/billing-period';
import { hasCompletedBillingRun } from './billing-run-repository';
import type { Queryable } from './database';

export interface BillingRunSchedule {
  cron: string;
  timeZone: string;
  clock: () => Date;
  logger: Logger;
}

/**
 * Bills the month just ended on `cron` in billing's time zone (default 02:00 on the 1st), and
 * once at start-up when that month has no completed run yet: the service may have been down at
 * the scheduled time, or stopped in the middle of the run. Start-up does not wait for that run.
 * Runs of one instance never overlap; several instances may run the same period, which bills
 * each contract once anyway.
 */
export function billingRunSchedule(db: Queryable, runner: BillingRunner, schedule: BillingRunSchedule): ScheduledJob {
  const logger = schedule.logger.child({ component: 'billing-run-scheduler' });
  const periodNow = () => periodJustEnded(momentOf(schedule).today);
  const request = () => ({ period: periodNow(), trigger: 'SCHEDULE' as const, requestedBy: 'scheduler' });
  return {
    name: 'billing-run',
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    run: async () => void (await runner.run(request())),
    atStart: async () => {
      const catchUp = periodNow();
      if (await hasCompletedBillingRun(db, catchUp.id)) return;
      logger.info({ period: catchUp.id }, 'the month just ended has no completed billing run: running it');
      await runner.start(request());
    },
  };
}
