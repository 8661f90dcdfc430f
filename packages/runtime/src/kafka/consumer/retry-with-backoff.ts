export interface RetryPolicy {
  maxAttempts: number;
  /** Pause after failed attempt number `attempt` (1-based). */
  backoffMs: (attempt: number) => number;
}

export function exponentialBackoff(baseMs: number, maxMs = 10_000): (attempt: number) => number {
  return (attempt) => Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

/**
 * Runs `work` until it succeeds or `maxAttempts` attempts have failed, then rethrows the
 * last error. `beforeRetry` runs during each pause (e.g. to heartbeat the consumer group).
 */
export async function retryWithBackoff<T>(
  work: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  beforeRetry: (error: unknown, attempt: number) => Promise<void> | void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts) throw error;
      await beforeRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, policy.backoffMs(attempt)));
    }
  }
}
