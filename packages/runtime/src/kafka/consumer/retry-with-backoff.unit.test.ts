import { exponentialBackoff, retryWithBackoff } from './retry-with-backoff';

describe('retryWithBackoff', () => {
  const noPause = { maxAttempts: 3, backoffMs: () => 0 };

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

describe('exponentialBackoff', () => {
  it('when attempts accumulate, then the pause doubles up to the ceiling', () => {
    const backoff = exponentialBackoff(100, 500);
    expect([1, 2, 3, 4].map(backoff)).toEqual([100, 200, 400, 500]);
  });
});
