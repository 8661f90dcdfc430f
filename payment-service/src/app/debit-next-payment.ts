import { runWithCorrelationId, type Logger } from '@boissipay/runtime';
import type { Payment } from '../domain/payment';
import type { DebitRequest, DebitResult } from '../domain/payment-provider';
import { settleAttempt } from '../domain/settle-attempt';
import { claimNextDuePayment, insertAttempt, updatePayment } from '../infra/payment-repository';
import type { DebitDependencies } from './dependencies';
import { enqueuePaymentResult } from './publish-result';

const MAX_ERROR_MESSAGE = 500;

export type DebitStep = { kind: 'idle' } | { kind: 'attempted'; payment: Payment };

/**
 * One attempt on the payment due soonest, in one transaction that holds its row lock from the
 * claim to the commit: claim → call the provider → record the attempt and the new state (and,
 * when final, the payment.result.v1 row in the outbox) → commit.
 *
 * Why it never debits twice, crash point by crash point:
 * - before the provider call: nothing happened anywhere; the transaction rolls back (a dead
 *   process's connection releases its lock) and the payment is still due, so the next claim
 *   makes the call.
 * - during the call, or after the provider debited but before our commit: the money moved
 *   but our transaction rolls back, so the payment is still due and will be claimed again.
 *   The retry sends the same paymentRef, which is the provider's idempotency key: the
 *   provider answers the debit it already made instead of making another. The attempt whose
 *   answer was lost is not in our attempts list (it was never recorded), only in the
 *   provider's.
 * - after the commit: the state and the result event are stored together; the outbox relay
 *   publishes the event whenever it runs next.
 * The row lock is also what keeps two workers (or replicas) off one payment at the same time.
 */
export async function debitNextDuePayment(dependencies: DebitDependencies, logger: Logger): Promise<DebitStep> {
  return dependencies.db.transaction(async (tx) => {
    const due = await claimNextDuePayment(tx, dependencies.clock());
    if (!due) return { kind: 'idle' };

    return runWithCorrelationId(due.correlationId ?? undefined, async () => {
      const result = await callProvider(dependencies, due, logger);
      const now = dependencies.clock();
      const { payment, attempt } = settleAttempt(due, result, now, dependencies.retryPolicy);
      await insertAttempt(tx, payment.paymentRef, attempt);
      await updatePayment(tx, payment);
      await enqueuePaymentResult(tx, payment, dependencies, now);
      logger.info(
        { paymentRef: payment.paymentRef, invoiceRef: payment.invoiceRef, attempt: attempt.attemptNumber, outcome: attempt.outcome, status: payment.status, reasonCode: payment.reasonCode },
        'debit attempted',
      );
      return { kind: 'attempted', payment };
    });
  });
}

/** An adapter that throws (network error, bug) is a transient failure: retrying is safe thanks to the idempotency key. */
async function callProvider(dependencies: DebitDependencies, payment: Payment, logger: Logger): Promise<DebitResult> {
  try {
    return await dependencies.provider.debit(debitRequestOf(payment));
  } catch (error) {
    logger.warn({ err: error, paymentRef: payment.paymentRef }, 'payment provider call failed');
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'FAILED', reasonCode: 'PROVIDER_ERROR', message: message.slice(0, MAX_ERROR_MESSAGE), transient: true };
  }
}

function debitRequestOf(payment: Payment): DebitRequest {
  // paymentForInvoice never makes a payment awaiting a debit without a mandate.
  if (!payment.mandate) throw new Error(`payment ${payment.paymentRef} awaits a debit but has no mandate`);
  return {
    paymentRef: payment.paymentRef,
    iban: payment.mandate.iban,
    bic: payment.mandate.bic,
    mandateRef: payment.mandate.mandateRef,
    amountMinor: payment.amount.amountMinor,
    currency: payment.amount.currency,
  };
}
