/**
 * The one retry policy of the platform (consumer retries, debit retries, e-mail retries, a
 * due-work round that failed): exponential back-off with jitter, at most `maxAttempts`
 * attempts, the first one included.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** Longest pause after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** Longest pause ever, however many failures. */
  maxDelayMs: number;
}

/** A number in [0, 1), as Math.random gives; injected so that tests can pin it. */
export type RandomSource = () => number;

/** Whether another attempt is allowed once `attemptsMade` attempts have failed. */
export function mayRetry(policy: Pick<RetryPolicy, 'maxAttempts'>, attemptsMade: number): boolean {
  return attemptsMade < policy.maxAttempts;
}

/**
 * Pause after the `failedAttempts`-th failure: base, 2 × base, 4 × base… capped at the
 * maximum, then shortened by a random part of up to half of it ("equal jitter"). Without
 * the jitter, every payment or e-mail that failed in the same outage would come back at the
 * same instant and hit the recovering server together; with it they spread over half the
 * pause, while the base and the maximum stay upper bounds an operator can rely on.
 * `random` returning 0 gives the pause without jitter.
 */
export function retryDelayMs(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, failedAttempts: number, random: RandomSource): number {
  // Past 2 ** 30 the cap has long been reached; the bound keeps the power finite.
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling * (1 - random() / 2));
}

/** The policy with its random source bound: what a pure decision is handed, like a clock. */
export interface RetrySchedule {
  maxAttempts: number;
  mayRetry(attemptsMade: number): boolean;
  delayMs(failedAttempts: number): number;
}

export function retryScheduleOf(policy: RetryPolicy, random: RandomSource = Math.random): RetrySchedule {
  return {
    maxAttempts: policy.maxAttempts,
    mayRetry: (attemptsMade) => mayRetry(policy, attemptsMade),
    delayMs: (failedAttempts) => retryDelayMs(policy, failedAttempts, random),
  };
}
