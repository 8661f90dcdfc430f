import { createTask, type ScheduledTask } from 'node-cron';
import { runWithCorrelationId, type Logger } from '../logging';
import type { BackgroundJob, ScheduledJob } from './service-definition';

/**
 * Starts a service's scheduled jobs: each `atStart` once (the service may have been down at the
 * scheduled time), then `run` on its cron in its time zone. Runs of one job never overlap; each
 * run has a correlation id of its own, shared by its log lines and the events it publishes; a
 * failed run is logged and the next one retries.
 */
export async function startSchedules(jobs: readonly ScheduledJob[], logger: Logger): Promise<BackgroundJob> {
  const tasks: ScheduledTask[] = [];
  const stop = async () => {
    for (const task of tasks.splice(0)) await task.destroy();
  };
  try {
    for (const job of jobs) {
      const jobLogger = logger.child({ component: job.name });
      const guarded = (work: () => Promise<void>, what: string) => () =>
        runWithCorrelationId(undefined, async () => {
          try {
            await work();
          } catch (error) {
            jobLogger.error({ err: error }, `${what} of ${job.name} failed; the next run retries`);
          }
        });
      if (job.atStart) await guarded(job.atStart, 'start-up run')();
      const task = createTask(job.cron, guarded(job.run, 'scheduled run'), { timezone: job.timeZone, noOverlap: true, name: job.name });
      tasks.push(task);
      await task.start();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
