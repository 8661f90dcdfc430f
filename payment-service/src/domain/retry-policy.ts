/**
 * How long to wait after transient failures, and when to stop: exponential back-off capped
 * at `maxDelayMs`, and at most `maxAttempts` calls per payment, the first one included.
 * No jitter: the due times are spread by the invoices' own arrival, and a deterministic
 * schedule is one an operator can predict from the attempts list.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Whether another attempt is allowed once `attemptsMade` attempts have failed transiently. */
export function mayRetry(policy: RetryPolicy, attemptsMade: number): boolean {
  return attemptsMade < policy.maxAttempts;
}

/** Pause after the `failedAttempts`-th transient failure: base, 2 × base, 4 × base… up to the cap. */
export function delayBeforeRetry(policy: RetryPolicy, failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** 1024 is Infinity, which Math.min turns into the cap anyway.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}
