import type { WorkerStatus } from '../../work/worker-status';
import { heartbeatCheck } from './heartbeat-check';
import { ReadinessFailure } from './readiness';

const now = new Date('2026-12-01T10:00:00.000Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function statusOf(overrides: Partial<WorkerStatus> = {}): WorkerStatus {
  return { name: 'debit-worker', lastRoundStartedAt: null, lastProgressAt: null, withoutProgressSince: null, consecutiveFailures: 0, lastError: null, stopped: false, ...overrides };
}

const check = (status: WorkerStatus) => heartbeatCheck(() => status, 60_000, () => now).check();

describe('heartbeatCheck', () => {
  it('when the worker is idle, then it is UP however long ago its last round found work', async () => {
    await expect(check(statusOf({ lastProgressAt: secondsAgo(3600), lastRoundStartedAt: secondsAgo(3600) }))).resolves.toBeUndefined();
  });

  it('when rounds have failed for less than the stall timeout, then it is UP', async () => {
    await expect(check(statusOf({ withoutProgressSince: secondsAgo(59), consecutiveFailures: 3, lastError: 'connection refused' }))).resolves.toBeUndefined();
  });

  it('when rounds have failed for longer than the stall timeout, then it is DOWN with a reason that leaves the error to the logs', async () => {
    const failure = check(statusOf({ withoutProgressSince: secondsAgo(61), consecutiveFailures: 4, lastError: 'connect ECONNREFUSED db.internal:5432' }));
    await expect(failure).rejects.toBeInstanceOf(ReadinessFailure);
    await expect(failure).rejects.toThrow('debit-worker has made no progress on due work for 61 s (4 failed round(s) in a row; the error is in the logs)');
    await expect(failure).rejects.not.toThrow('db.internal');
  });

  it('when one round has been running for longer than the stall timeout, then it is DOWN', async () => {
    await expect(check(statusOf({ withoutProgressSince: secondsAgo(120), lastRoundStartedAt: secondsAgo(120) }))).rejects.toThrow('a round still running');
  });

  it('when the worker stopped, then it is DOWN', async () => {
    await expect(check(statusOf({ stopped: true }))).rejects.toThrow('debit-worker is stopped');
  });
});
