import type { Pool } from 'pg';
import { listenForNotifications } from '../db/notification-listener';
import type { Logger } from '../logging';
import { createCoalescingRunner } from './coalescing-runner';
import { retryDelayMs, type RandomSource, type RetryPolicy } from './retry-policy';
import { heartbeat } from './heartbeat';
import type { WorkerStatus } from './worker-status';

export interface DueWorkerOptions {
  /** Names the worker in logs and in its status. */
  name: string;
  /** Where the LISTEN connection comes from. */
  pool: Pool;
  /** NOTIFY channel on which committed work wakes the worker (delivered on commit only). */
  channel: string;
  logger: Logger;
  /**
   * One round: claims what is due and does it. Resolves true when it may have left due work
   * behind (a full batch), and the worker then runs another round at once.
   */
  round: () => Promise<boolean>;
  /** When the earliest scheduled work falls due (a retry, the end of a lease); a timer wakes the worker then. */
  nextDueAt?: () => Promise<Date | undefined>;
  /** Safety net: the longest sleep between two rounds (a notification lost while reconnecting, a row another worker held). */
  pollIntervalMs: number;
  /** Pause after failed rounds in a row (database or broker unavailable); jittered like every retry. */
  failureBackoff?: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>;
  clock?: () => Date;
  random?: RandomSource;
}

export interface DueWorker {
  status(): WorkerStatus;
  /** Stops listening and polling, then waits for the round in progress to finish. */
  stop(): Promise<void>;
}

/** A timer due this long after a row's due time: the row is then due on every clock. */
const TIMER_MARGIN_MS = 10;

/**
 * The one loop behind every piece of "due work" (the outbox relay, the debit worker, the
 * delivery worker). Rounds run one at a time however many wake-ups arrive; the worker wakes:
 * - at once when work is committed (LISTEN/NOTIFY), and once at start, which picks up
 *   whatever a previous process left due;
 * - when the earliest scheduled work falls due, if that is before the next poll;
 * - at the latest every `pollIntervalMs`.
 * Replicas share the work through their claims (FOR UPDATE SKIP LOCKED), not through this loop.
 */
export async function startDueWorker(options: DueWorkerOptions): Promise<DueWorker> {
  const { name, pollIntervalMs, clock = () => new Date(), random = Math.random } = options;
  const failureBackoff = options.failureBackoff ?? { baseDelayMs: 1_000, maxDelayMs: 30_000 };
  const logger = options.logger.child({ component: name });
  const beat = heartbeat(name, { clock });
  let wakeTimer: NodeJS.Timeout | undefined;

  const runner = createCoalescingRunner(
    async () => {
      let more: boolean;
      do {
        beat.working();
        more = await options.round();
        beat.progressed();
      } while (more && !beat.isStopped);
      if (options.nextDueAt) wakeAt(await options.nextDueAt());
    },
    {
      delayAfterFailure: (failures) => retryDelayMs(failureBackoff, failures, random),
      onError: (error, failures) => {
        beat.failed(error);
        logger.error({ err: error, consecutiveFailures: failures }, `${name} round failed; will retry`);
      },
    },
  );

  /** Work due before the next poll gets a timer of its own; work already due but not claimed is held by another worker: the poll looks again. */
  function wakeAt(due: Date | undefined): void {
    clearTimeout(wakeTimer);
    if (!due || beat.isStopped) return;
    const delay = due.getTime() - clock().getTime();
    if (delay > 0 && delay < pollIntervalMs) wakeTimer = setTimeout(runner.trigger, delay + TIMER_MARGIN_MS);
  }

  // Listening before the first round: work committed in between is caught by one or the other.
  const listener = await listenForNotifications(options.pool, options.channel, runner.trigger, logger);
  const poll = setInterval(runner.trigger, pollIntervalMs);
  runner.trigger();

  return {
    status: beat.status,
    async stop() {
      beat.stopped();
      clearInterval(poll);
      clearTimeout(wakeTimer);
      await listener.close();
      await runner.stop();
      clearTimeout(wakeTimer);
    },
  };
}
