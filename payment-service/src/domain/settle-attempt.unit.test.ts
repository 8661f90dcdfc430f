import { retryScheduleOf } from '@boissipay/runtime/retry-policy';
import { buildPayment, NOW } from './payment.fixtures';
import { settleAttempt } from './settle-attempt';

/** Without jitter (the random source pinned at 0), so that the due times are exact. */
const policy = retryScheduleOf({ maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 }, () => 0);
const later = new Date(NOW.getTime() + 10_000);
const transient = { outcome: 'FAILED', reasonCode: 'PROVIDER_TIMEOUT', message: 'no answer', transient: true } as const;

describe('settleAttempt', () => {
  it('when the provider debits, then the payment SUCCEEDED, settled now, with the provider reference', () => {
    const { payment, attempt } = settleAttempt(buildPayment(), { outcome: 'SUCCEEDED', providerRef: 'SIM-1' }, later, policy);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1, settledAt: later, providerRef: 'SIM-1', nextAttemptAt: null, updatedAt: later });
    expect(attempt).toEqual({ attemptNumber: 1, attemptedAt: later, outcome: 'SUCCEEDED', reasonCode: null, message: null, providerRef: 'SIM-1' });
  });

  it('when the bank refuses, then the payment FAILED at once with its reason, whatever attempts are left', () => {
    const refusal = { outcome: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS', message: 'SEPA AM04', transient: false } as const;
    const { payment, attempt } = settleAttempt(buildPayment(), refusal, later, policy);
    expect(payment).toMatchObject({ status: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'SEPA AM04', nextAttemptAt: null, settledAt: null });
    expect(attempt).toMatchObject({ attemptNumber: 1, outcome: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS' });
  });

  it('when the provider fails transiently with attempts left, then a retry is scheduled after the back-off', () => {
    const first = settleAttempt(buildPayment(), transient, later, policy);
    expect(first.payment).toMatchObject({ status: 'RETRY_SCHEDULED', attemptCount: 1, nextAttemptAt: new Date(later.getTime() + 1_000), reasonCode: 'PROVIDER_TIMEOUT' });
    expect(first.attempt).toMatchObject({ attemptNumber: 1, outcome: 'TRANSIENT_FAILURE' });

    const second = settleAttempt(first.payment, transient, later, policy);
    expect(second.payment).toMatchObject({ status: 'RETRY_SCHEDULED', attemptCount: 2, nextAttemptAt: new Date(later.getTime() + 2_000) });
  });

  it('when an operator retried a payment that used up its attempts, then the new round counts its own attempts and back-off', () => {
    const retried = buildPayment({ status: 'PENDING', attemptCount: 3, attemptsBeforeRound: 3, debitRound: 1 });
    const first = settleAttempt(retried, transient, later, policy);
    expect(first.payment).toMatchObject({ status: 'RETRY_SCHEDULED', attemptCount: 4, nextAttemptAt: new Date(later.getTime() + 1_000) });
    const last = settleAttempt(settleAttempt(first.payment, transient, later, policy).payment, transient, later, policy);
    expect(last.payment).toMatchObject({ status: 'FAILED', attemptCount: 6, reasonCode: 'PROVIDER_UNAVAILABLE', reasonMessage: expect.stringContaining('after 3 attempt(s)') });
  });

  it('when a retried payment finally succeeds, then the transient reason is cleared', () => {
    const retried = settleAttempt(buildPayment(), transient, later, policy).payment;
    const { payment, attempt } = settleAttempt(retried, { outcome: 'SUCCEEDED', providerRef: 'SIM-2' }, later, policy);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', attemptCount: 2, reasonCode: null, reasonMessage: null });
    expect(attempt.attemptNumber).toBe(2);
  });

  it('when the last allowed attempt fails transiently, then the payment FAILED with PROVIDER_UNAVAILABLE, naming the last error', () => {
    const { payment, attempt } = settleAttempt(buildPayment({ status: 'RETRY_SCHEDULED', attemptCount: 2 }), transient, later, policy);
    expect(payment).toMatchObject({ status: 'FAILED', attemptCount: 3, reasonCode: 'PROVIDER_UNAVAILABLE', nextAttemptAt: null });
    expect(payment.reasonMessage).toContain('PROVIDER_TIMEOUT');
    expect(attempt).toMatchObject({ attemptNumber: 3, outcome: 'TRANSIENT_FAILURE' });
  });

  it.each(['SUCCEEDED', 'FAILED', 'NOT_REQUIRED'] as const)('when the payment is already %s, then it takes no attempt', (status) => {
    expect(() => settleAttempt(buildPayment({ status }), { outcome: 'SUCCEEDED', providerRef: 'SIM-3' }, later, policy)).toThrow(status);
  });
});
