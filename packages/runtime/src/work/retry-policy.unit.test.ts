import { mayRetry, retryDelayMs, retryScheduleOf } from './retry-policy';

const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };
const noJitter = () => 0;

describe('retry policy', () => {
  it('when attempts fail without jitter, then the pause doubles each time up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((failed) => retryDelayMs(policy, failed, noJitter))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('when something has failed very many times, then the pause stays at the cap', () => {
    expect(retryDelayMs(policy, 2_000, noJitter)).toBe(5_000);
  });

  it('when the random source varies, then the pause is shortened by at most half, never lengthened', () => {
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(1_500);
    expect(retryDelayMs(policy, 2, () => 0.999_999)).toBe(1_000);
    expect(retryDelayMs(policy, 4, () => 0.25)).toBe(4_375);
  });

  it('when many failures happen at once, then their retries spread over half the pause instead of coming back together', () => {
    let seed = 42;
    // A small deterministic generator (Park–Miller) standing for Math.random.
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    const delays = Array.from({ length: 200 }, () => retryDelayMs(policy, 3, random));

    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_000);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });

  it('when the attempts made reach the maximum, then no further attempt is allowed', () => {
    expect([1, 2, 3, 4].map((made) => mayRetry(policy, made))).toEqual([true, true, true, false]);
  });

  it('when a schedule is made from the policy, then it decides with the random source it was given', () => {
    const schedule = retryScheduleOf(policy, () => 0.5);
    expect(schedule).toMatchObject({ maxAttempts: 4 });
    expect([schedule.mayRetry(3), schedule.mayRetry(4)]).toEqual([true, false]);
    expect(schedule.delayMs(1)).toBe(750);
  });
});
