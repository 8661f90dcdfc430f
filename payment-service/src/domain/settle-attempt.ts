import type { RetrySchedule } from '@boissipay/runtime/retry-policy';
import { isFinal, type Payment, type PaymentAttempt } from './payment';
import type { DebitResult } from './payment-provider';

export const PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE';

export interface SettledAttempt {
  /** The payment after the attempt. */
  payment: Payment;
  /** The attempt to record. */
  attempt: PaymentAttempt;
}

/**
 * What one provider answer does to a payment awaiting a debit:
 * - SUCCEEDED → SUCCEEDED, settled now;
 * - a definitive failure (insufficient funds, account closed…) → FAILED with its reason;
 * - a transient failure → RETRY_SCHEDULED after the retry schedule's back-off (the
 *   platform's one policy: doubling, capped, with jitter), or, once the attempts are used
 *   up, FAILED with PROVIDER_UNAVAILABLE (the last error in the message).
 */
export function settleAttempt(payment: Payment, result: DebitResult, now: Date, retries: RetrySchedule): SettledAttempt {
  if (isFinal(payment.status)) throw new Error(`payment ${payment.paymentRef} is ${payment.status}: it takes no further attempt`);
  const attemptNumber = payment.attemptCount + 1;
  const counted = { ...payment, attemptCount: attemptNumber, updatedAt: now };

  switch (result.outcome) {
    case 'SUCCEEDED':
      return {
        payment: { ...counted, status: 'SUCCEEDED', nextAttemptAt: null, providerRef: result.providerRef, settledAt: now, reasonCode: null, reasonMessage: null },
        attempt: { attemptNumber, attemptedAt: now, outcome: 'SUCCEEDED', reasonCode: null, message: null, providerRef: result.providerRef },
      };
    case 'FAILED': {
      const attempt: PaymentAttempt = {
        attemptNumber,
        attemptedAt: now,
        outcome: result.transient ? 'TRANSIENT_FAILURE' : 'FAILED',
        reasonCode: result.reasonCode,
        message: result.message,
        providerRef: null,
      };
      if (!result.transient) {
        return { payment: { ...counted, status: 'FAILED', nextAttemptAt: null, reasonCode: result.reasonCode, reasonMessage: result.message }, attempt };
      }
      // An operator's retry starts a round of its own: the policy counts that round's attempts.
      const roundAttempt = attemptNumber - payment.attemptsBeforeRound;
      if (retries.mayRetry(roundAttempt)) {
        const nextAttemptAt = new Date(now.getTime() + retries.delayMs(roundAttempt));
        return { payment: { ...counted, status: 'RETRY_SCHEDULED', nextAttemptAt, reasonCode: result.reasonCode, reasonMessage: result.message }, attempt };
      }
      return {
        payment: {
          ...counted,
          status: 'FAILED',
          nextAttemptAt: null,
          reasonCode: PROVIDER_UNAVAILABLE,
          reasonMessage: `The provider still failed after ${roundAttempt} attempt(s); last error: ${result.reasonCode}: ${result.message}`,
        },
        attempt,
      };
    }
    default:
      return unreachable(result);
  }
}

function unreachable(value: never): never {
  throw new Error(`unexpected debit result ${JSON.stringify(value)}`);
}
