import { contextOfTraceParent, inSpan, keepLeased, leaseEnd, retryScheduleOf, runWithCorrelationId, type Logger } from '@boissipay/runtime';
import { collectionDateOfDebit } from '../domain/collection-schedule';
import { debitKeyOf, type Payment } from '../domain/payment';
import type { DebitRequest, DebitResult } from '../domain/payment-provider';
import { settleAttempt } from '../domain/settle-attempt';
import { claimNextDuePayment, insertAttempt, renewDebitLease, updatePayment, type ClaimedPayment } from '../infra/payment-repository';
import type { DebitDependencies } from './dependencies';
import { enqueuePaymentResult } from './publish-result';

const MAX_ERROR_MESSAGE = 500;

export type DebitStep = { kind: 'idle' } | { kind: 'attempted'; payment: Payment } | { kind: 'taken-over'; paymentRef: string };

export interface DebitOptions {
  /** How long a claimed payment stays reserved without a renewal; renewed every third of it during the call. */
  leaseMs: number;
  logger: Logger;
}

/**
 * One attempt on the payment due soonest: claim it under a lease (a short transaction) →
 * call the provider, no transaction open, renewing the lease → record the attempt and the
 * new state (and, when final, the payment.result.v1 row in the outbox) in one transaction,
 * only if the claim is still ours.
 *
 * Why it never debits twice, crash point by crash point:
 * - before the provider call: nothing happened anywhere; nobody renews the lease, so the
 *   payment is due again when it ends (seconds) and the next claim makes the call.
 * - during the call, or after the provider debited but before our commit: the money moved
 *   but nothing was recorded, so the payment is due again when the lease ends and will be
 *   claimed again. The retry sends the same paymentRef, which is the provider's idempotency
 *   key: the provider answers the debit it already made instead of making another. The
 *   attempt whose answer was lost is not in our attempts list (it was never recorded), only
 *   in the provider's.
 * - after the commit: the state and the result event are stored together; the outbox relay
 *   publishes the event whenever it runs next.
 * A worker that could not renew its lease (database unreachable) and was taken over finds
 * another token on the row and records nothing: the worker that took over records the
 * provider's answer to the same idempotency key. The lease token is also what keeps two
 * workers (or replicas) off one payment at the same time.
 */
export async function debitNextDuePayment(dependencies: DebitDependencies, options: DebitOptions): Promise<DebitStep> {
  const claim = await claimNextDuePayment(dependencies.db, { now: dependencies.clock(), leaseMs: options.leaseMs });
  if (!claim) return { kind: 'idle' };
  // In the trace of the invoice event that recorded the payment: invoice, debit, result and settlement read as one.
  const span = { parent: contextOfTraceParent(claim.traceParent), attributes: { 'boissipay.payment_ref': claim.payment.paymentRef } };
  return runWithCorrelationId(claim.payment.correlationId ?? undefined, () => inSpan('debit payment', span, () => attemptDebit(dependencies, claim, options)));
}

async function attemptDebit(dependencies: DebitDependencies, claim: ClaimedPayment, { leaseMs, logger }: DebitOptions): Promise<DebitStep> {
  const due = claim.payment;
  const ref = { paymentRef: due.paymentRef, leaseToken: claim.leaseToken };
  const result = await keepLeased(
    {
      leaseMs,
      renew: () => renewDebitLease(dependencies.db, ref, leaseEnd(dependencies.clock(), leaseMs)),
      onRenewalError: (error) => logger.warn({ err: error, paymentRef: due.paymentRef }, 'debit lease renewal failed'),
    },
    () => callProvider(dependencies, due, logger),
  );
  const now = dependencies.clock();
  const { payment, attempt } = settleAttempt(due, result, now, retryScheduleOf(dependencies.retryPolicy, dependencies.random));
  const recorded = await dependencies.db.transaction(async (tx) => {
    if (!(await updatePayment(tx, payment, claim.leaseToken))) return false;
    await insertAttempt(tx, payment.paymentRef, attempt);
    await enqueuePaymentResult(tx, payment, dependencies, now);
    return true;
  });
  if (!recorded) {
    logger.warn({ paymentRef: due.paymentRef }, 'debit answered after its lease ran out; the worker that took the payment over records it');
    return { kind: 'taken-over', paymentRef: due.paymentRef };
  }
  logger.info(
    { paymentRef: payment.paymentRef, invoiceRef: payment.invoiceRef, attempt: attempt.attemptNumber, outcome: attempt.outcome, status: payment.status, reasonCode: payment.reasonCode },
    'debit attempted',
  );
  return { kind: 'attempted', payment };
}

/** An adapter that throws (network error, bug) is a transient failure: retrying is safe thanks to the idempotency key. */
async function callProvider(dependencies: DebitDependencies, payment: Payment, logger: Logger): Promise<DebitResult> {
  try {
    return await dependencies.provider.debit(debitRequestOf(payment, collectionDateOfDebit(payment.collectionDate, dependencies.clock(), dependencies.collectionSchedule.timeZone)));
  } catch (error) {
    logger.warn({ err: error, paymentRef: payment.paymentRef }, 'payment provider call failed');
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'FAILED', reasonCode: 'PROVIDER_ERROR', message: message.slice(0, MAX_ERROR_MESSAGE), transient: true };
  }
}

function debitRequestOf(payment: Payment, collectionDate: string): DebitRequest {
  // paymentForInvoice never makes a payment awaiting a debit without a mandate.
  if (!payment.mandate) throw new Error(`payment ${payment.paymentRef} awaits a debit but has no mandate`);
  return {
    debitKey: debitKeyOf(payment),
    paymentRef: payment.paymentRef,
    iban: payment.mandate.iban,
    bic: payment.mandate.bic,
    mandateRef: payment.mandate.mandateRef,
    amountMinor: payment.amount.amountMinor,
    currency: payment.amount.currency,
    collectionDate,
    mandateSignedAt: payment.mandate.signedAt,
    debtorName: payment.debtorName,
    invoiceRef: payment.invoiceRef,
    customerRef: payment.customerRef,
  };
}
