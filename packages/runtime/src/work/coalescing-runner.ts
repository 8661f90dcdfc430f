export interface CoalescingRunner {
  /** Asks for a run; while one is in progress, any number of asks collapse into one more run. */
  trigger(): void;
  /** No new runs; resolves once the current one (if any) has finished. */
  stop(): Promise<void>;
}

export interface CoalescingRunnerOptions {
  /** Pause before the next run after `consecutiveFailures` failed runs in a row (1 after the first). */
  delayAfterFailure: (consecutiveFailures: number) => number;
  onError: (error: unknown, consecutiveFailures: number) => void;
}

/**
 * Runs `task` one at a time, however many wake-ups arrive (a burst of NOTIFYs, the poll
 * timer). A failed run is reported through `onError` and retried after a pause that grows
 * with each further failure rather than immediately, so an outage does not turn into a hot
 * loop; wake-ups during that pause are held back until it ends. A run that succeeds ends the
 * series.
 */
export function createCoalescingRunner(task: () => Promise<void>, options: CoalescingRunnerOptions): CoalescingRunner {
  let running: Promise<void> | undefined;
  let requestedAgain = false;
  let stopped = false;
  let consecutiveFailures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  async function runUntilSettled(): Promise<void> {
    do {
      requestedAgain = false;
      try {
        await task();
        consecutiveFailures = 0;
      } catch (error) {
        consecutiveFailures += 1;
        options.onError(error, consecutiveFailures);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(retryNow, options.delayAfterFailure(consecutiveFailures));
        break;
      }
    } while (requestedAgain && !stopped);
    running = undefined;
  }

  function retryNow(): void {
    retryTimer = undefined;
    trigger();
  }

  function trigger(): void {
    if (stopped) return;
    if (running || retryTimer) requestedAgain = true;
    else running = runUntilSettled();
  }

  return {
    trigger,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await running;
    },
  };
}
