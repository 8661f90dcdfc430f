export interface CoalescingRunner {
  /** Asks for a run; while one is in progress, any number of asks collapse into one more run. */
  trigger(): void;
  /** No new runs; resolves once the current one (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` one at a time, however many wake-ups arrive (a burst of NOTIFYs, the poll
 * timer). A failed run is logged through `onError` and retried after `retryDelayMs` rather
 * than immediately, so an outage does not turn into a hot loop.
 */
export function createCoalescingRunner(
  task: () => Promise<void>,
  options: { retryDelayMs: number; onError: (error: unknown) => void },
): CoalescingRunner {
  let running: Promise<void> | undefined;
  let requestedAgain = false;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function runUntilSettled(): Promise<void> {
    do {
      requestedAgain = false;
      try {
        await task();
      } catch (error) {
        options.onError(error);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(trigger, options.retryDelayMs);
        break;
      }
    } while (requestedAgain && !stopped);
    running = undefined;
  }

  function trigger(): void {
    if (stopped) return;
    if (running) requestedAgain = true;
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
