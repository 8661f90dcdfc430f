import { delayBeforeRetry, mayRetry } from './retry-policy';

const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('retry policy', () => {
  it('when attempts fail transiently, then the pause doubles each time up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((failed) => delayBeforeRetry(policy, failed))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('when a payment has failed very many times, then the pause stays at the cap', () => {
    expect(delayBeforeRetry(policy, 2_000)).toBe(5_000);
  });

  it('when the attempts made reach the cap, then no further attempt is allowed', () => {
    expect([1, 2, 3, 4].map((made) => mayRetry(policy, made))).toEqual([true, true, true, false]);
  });
});
