import { createTask } from 'node-cron';
import type { BackgroundJob, Logger } from '@boissipay/runtime';
import type { BillingRunner } from '../app/billing-runner';
import { momentOf } from '../app/dependencies';
import { periodJustEnded } from '../domain/billing-period';
import { hasCompletedBillingRun } from './billing-run-repository';
import type { Queryable } from './database';

export interface BillingRunSchedule {
  cronExpression: string;
  timeZone: string;
  clock: () => Date;
  logger: Logger;
}

/**
 * Bills the month just ended on `cronExpression` in billing's time zone (default 02:00 on
 * the 1st), and once at start-up when that month has no completed run yet: the service may
 * have been down at the scheduled time, or stopped in the middle of the run. Start-up does
 * not wait for that run. Runs of one instance never overlap; several instances may run the
 * same period, which bills each contract once anyway.
 */
export async function startBillingRunScheduler(db: Queryable, runner: BillingRunner, schedule: BillingRunSchedule): Promise<BackgroundJob> {
  const logger = schedule.logger.child({ component: 'billing-run-scheduler' });
  const periodNow = () => periodJustEnded(momentOf(schedule).today);
  const request = () => ({ period: periodNow(), trigger: 'SCHEDULE' as const, requestedBy: 'scheduler' });

  const catchUp = periodNow();
  try {
    if (!(await hasCompletedBillingRun(db, catchUp.id))) {
      logger.info({ period: catchUp.id }, 'the month just ended has no completed billing run: running it');
      await runner.start(request());
    }
  } catch (error) {
    // The service is still useful without it: the cron or an operator runs the period later.
    logger.error({ err: error, period: catchUp.id }, 'catch-up billing run could not start');
  }

  const task = createTask(
    schedule.cronExpression,
    async () => {
      try {
        await runner.run(request());
      } catch (error) {
        logger.error({ err: error }, 'scheduled billing run failed to start; the next one, or POST /v1/billing-runs, retries');
      }
    },
    { timezone: schedule.timeZone, noOverlap: true, name: 'billing-run' },
  );
  await task.start();
  return {
    async stop() {
      await task.destroy();
    },
  };
}
