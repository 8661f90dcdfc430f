/** What a background worker says about itself: the heartbeat a readiness check can watch. */
export interface WorkerStatus {
  name: string;
  /** When the worker last started a round, whether or not it found work. */
  lastRoundStartedAt: Date | null;
  /** When a round last ended without error (work done, or none due): its last progress. */
  lastProgressAt: Date | null;
  /**
   * Since when the worker has been trying without success: the start of the round in progress,
   * or of the first of the failed rounds in a row; null once a round succeeds. A readiness
   * check compares it with a stall timeout (an idle worker has nothing outstanding).
   */
  withoutProgressSince: Date | null;
  /** Failed rounds in a row; 0 once a round succeeds. */
  consecutiveFailures: number;
  lastError: string | null;
  stopped: boolean;
}
