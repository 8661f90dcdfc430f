import { retryScheduleOf } from './retry-policy';
import { retryWithBackoff } from './retry-with-backoff';

describe('retryWithBackoff', () => {
  const noPause = retryScheduleOf({ maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 });

  it('when an attempt succeeds, then its result is returned and no further attempt is made', async () => {
    const attempts: number[] = [];
    const result = await retryWithBackoff(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 2) throw new Error('transient');
      return 'ok';
    }, noPause);

    expect(result).toBe('ok');
    expect(attempts).toEqual([1, 2]);
  });

  it('when every attempt fails, then the last error is thrown after maxAttempts, with a hook before each retry', async () => {
    const retried: number[] = [];
    const failing = retryWithBackoff(
      async (attempt) => {
        throw new Error(`failure ${attempt}`);
      },
      noPause,
      (_error, attempt) => {
        retried.push(attempt);
      },
    );

    await expect(failing).rejects.toThrow('failure 3');
    expect(retried).toEqual([1, 2]);
  });
});
