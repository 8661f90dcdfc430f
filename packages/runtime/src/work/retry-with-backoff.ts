import type { RetrySchedule } from './retry-policy';

/**
 * Runs `work` until it succeeds or the schedule allows no further attempt, then rethrows the
 * last error. `beforeRetry` runs during each pause (e.g. to heartbeat the consumer group).
 */
export async function retryWithBackoff<T>(
  work: (attempt: number) => Promise<T>,
  schedule: RetrySchedule,
  beforeRetry: (error: unknown, attempt: number) => Promise<void> | void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!schedule.mayRetry(attempt)) throw error;
      await beforeRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, schedule.delayMs(attempt)));
    }
  }
}
