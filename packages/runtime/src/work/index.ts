export { createCoalescingRunner, type CoalescingRunner, type CoalescingRunnerOptions } from './coalescing-runner';
export { startDueWorker, type DueWorker, type DueWorkerOptions } from './due-worker';
export { dueRowKeys, keepLeased, leaseEnd, type LeasedQueue } from './lease';
export { mayRetry, retryDelayMs, retryScheduleOf, type RandomSource, type RetryPolicy, type RetrySchedule } from './retry-policy';
export { retryWithBackoff } from './retry-with-backoff';
export { heartbeat, type Heartbeat } from './heartbeat';
export type { WorkerStatus } from './worker-status';
