import type { WorkerStatus } from '../../work/worker-status';

/**
 * A consumer's heartbeat in the shape the due-work loop reports: it is without progress from
 * its start until it has joined its group, and from the start of a batch until that batch is
 * processed. A batch that crashed stays outstanding across kafkajs' restarts (the same batch is
 * fetched again), so a crash loop — a message whose handler keeps failing on an outage — shows
 * as no progress with failures counting up, while an idle consumer's fetches keep it fresh.
 */
export function consumerHeartbeat(name: string, clock: () => Date = () => new Date()) {
  const state: WorkerStatus = {
    name,
    lastRoundStartedAt: null,
    lastProgressAt: null,
    withoutProgressSince: clock(),
    consecutiveFailures: 0,
    lastError: null,
    stopped: false,
  };
  let batchOutstanding = false;
  const progressed = (): void => {
    batchOutstanding = false;
    state.lastProgressAt = clock();
    state.withoutProgressSince = null;
    state.consecutiveFailures = 0;
  };
  return {
    working(): void {
      batchOutstanding = true;
      state.lastRoundStartedAt = clock();
      state.withoutProgressSince ??= state.lastRoundStartedAt;
    },
    /** A batch processed to its end, or the group joined. */
    progressed,
    /** A fetch is progress only with no batch outstanding: after a crash, the same batch comes again. */
    fetched(): void {
      if (!batchOutstanding) progressed();
    },
    failed(error: unknown, final: boolean): void {
      state.consecutiveFailures += 1;
      state.lastError = error instanceof Error ? error.message : String(error);
      state.withoutProgressSince ??= clock();
      if (final) state.stopped = true;
    },
    stopped(): void {
      state.stopped = true;
    },
    status: (): WorkerStatus => ({ ...state }),
  };
}
