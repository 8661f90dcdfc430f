import type { WorkerStatus } from '../../work/worker-status';
import { ReadinessFailure, type ReadinessCheck } from './readiness';

/**
 * DOWN when a background worker has been trying for longer than `stallTimeoutMs` without a round
 * succeeding (failing rounds in a row, or one round hanging), or when it stopped. An idle
 * worker has nothing outstanding and is UP however long ago it last found work.
 */
export function heartbeatCheck(status: () => WorkerStatus, stallTimeoutMs: number, clock: () => Date = () => new Date()): ReadinessCheck {
  const { name } = status();
  return {
    name,
    check: async () => {
      const { stopped, withoutProgressSince, consecutiveFailures } = status();
      if (stopped) throw new ReadinessFailure(`${name} is stopped`);
      if (!withoutProgressSince) return;
      const stalledMs = clock().getTime() - withoutProgressSince.getTime();
      if (stalledMs <= stallTimeoutMs) return;
      const rounds = consecutiveFailures > 0 ? `${consecutiveFailures} failed round(s) in a row` : 'a round still running';
      throw new ReadinessFailure(`${name} has made no progress on due work for ${Math.round(stalledMs / 1000)} s (${rounds}; the error is in the logs)`);
    },
  };
}
