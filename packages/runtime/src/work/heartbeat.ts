import type { WorkerStatus } from './worker-status';

/**
 * What a background loop says about itself, kept one way for the due-work loop and the
 * consumers: without progress from the start of a round (a batch, a claim) until it ends well,
 * failures counted in a row, `idle` as progress only when no round is outstanding. A consumer
 * starts without progress (`since: 'start'`) until it has joined its group; a batch that crashed
 * stays outstanding across kafkajs' restarts (the same batch is fetched again), so a crash loop
 * shows as no progress with failures counting up, while an idle consumer's fetches keep it fresh.
 */
export function heartbeat(name: string, options: { clock?: () => Date; since?: 'start' } = {}) {
  const clock = options.clock ?? (() => new Date());
  const state: WorkerStatus = {
    name,
    lastRoundStartedAt: null,
    lastProgressAt: null,
    withoutProgressSince: options.since === 'start' ? clock() : null,
    consecutiveFailures: 0,
    lastError: null,
    stopped: false,
  };
  let roundOutstanding = false;
  const progressed = (): void => {
    roundOutstanding = false;
    state.lastProgressAt = clock();
    state.withoutProgressSince = null;
    state.consecutiveFailures = 0;
    state.lastError = null;
  };
  return {
    working(): void {
      roundOutstanding = true;
      state.lastRoundStartedAt = clock();
      state.withoutProgressSince ??= state.lastRoundStartedAt;
    },
    /** A round ended well (a batch processed, a claim done), or the consumer joined its group. */
    progressed,
    /** Nothing to do: progress, unless a round is still outstanding (after a crash, the same batch comes again). */
    idle(): void {
      if (!roundOutstanding) progressed();
    },
    failed(error: unknown, final = false): void {
      state.consecutiveFailures += 1;
      state.lastError = error instanceof Error ? error.message : String(error);
      state.withoutProgressSince ??= clock();
      if (final) state.stopped = true;
    },
    stopped(): void {
      state.stopped = true;
    },
    get isStopped(): boolean {
      return state.stopped;
    },
    status: (): WorkerStatus => ({ ...state }),
  };
}

export type Heartbeat = ReturnType<typeof heartbeat>;
