import type { ActionRefusalCode } from './payment.errors';
import type { IsoDate, Payment } from './payment';

export type PaymentActionKind = 'RETRY' | 'MANUAL_PAYMENT' | 'CANCEL';

/** One operator's action, kept beside the payment so that who did what, when and why stays visible. */
export interface PaymentAction {
  kind: PaymentActionKind;
  reason: string;
  /** The token subject of whoever asked. */
  requestedBy: string;
  requestedAt: Date;
  bankReference: string | null;
  receivedOn: IsoDate | null;
}

export interface ManualPaymentDetails {
  bankReference: string;
  receivedOn: IsoDate;
}

/** The payment as an action finds it: `debitInProgress` when a worker holds it for a provider call. */
export interface PaymentToAct {
  payment: Payment;
  debitInProgress: boolean;
}

export type ActionDecision = { kind: 'decided'; payment: Payment } | { kind: 'refused'; code: ActionRefusalCode; message: string };

const refused = (code: ActionRefusalCode, message: string): ActionDecision => ({ kind: 'refused', code, message });

/**
 * Retry now: a FAILED payment, or a RETURNED one (its debit came back from the debtor's bank),
 * is presented to the bank again as a new debit round (its own idempotency key at the provider
 * and end-to-end id in a pain.008 file, its own count of transient retries), due at once.
 */
export function decideRetry({ payment }: PaymentToAct, now: Date): ActionDecision {
  if (payment.status !== 'FAILED' && payment.status !== 'RETURNED') {
    return refused('PAYMENT_NOT_FAILED', `Payment ${payment.paymentRef} is ${payment.status}: only a FAILED or RETURNED payment can be retried.`);
  }
  if (!payment.mandate) return refused('MANDATE_MISSING', `Payment ${payment.paymentRef} has no direct-debit mandate: there is nothing to debit.`);
  return {
    kind: 'decided',
    payment: {
      ...payment,
      status: 'PENDING',
      nextAttemptAt: now,
      reasonCode: null,
      reasonMessage: null,
      debitRound: payment.debitRound + 1,
      attemptsBeforeRound: payment.attemptCount,
      updatedAt: now,
    },
  };
}

/**
 * A bank transfer settles the invoice without a debit. Refused once the invoice is settled
 * (whatever the way), while a debit is in flight (it may be taking the money right now: the
 * operator waits for its outcome), and for a date that has not come yet anywhere on earth
 * (UTC+14: the check needs no time zone and never refuses today's transfer).
 */
export function decideManualPayment({ payment, debitInProgress }: PaymentToAct, details: ManualPaymentDetails, now: Date): ActionDecision {
  if (payment.status === 'SUCCEEDED' || payment.status === 'NOT_REQUIRED') {
    return refused('PAYMENT_ALREADY_SETTLED', `Payment ${payment.paymentRef} is ${payment.status}: there is nothing left to pay.`);
  }
  if (debitInProgress) return refused('PAYMENT_IN_PROGRESS', `A debit of payment ${payment.paymentRef} is in progress: wait for its outcome.`);
  const latestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (details.receivedOn > latestToday) return refused('RECEIVED_ON_IN_FUTURE', `receivedOn ${details.receivedOn} is in the future.`);
  return {
    kind: 'decided',
    payment: {
      ...payment,
      status: 'SUCCEEDED',
      method: 'BANK_TRANSFER',
      bankReference: details.bankReference,
      receivedOn: details.receivedOn,
      nextAttemptAt: null,
      reasonCode: null,
      reasonMessage: null,
      settledAt: now,
      updatedAt: now,
    },
  };
}

/** A debit not attempted yet (or waiting for its retry) is called off; its reason goes with the CANCELLED result. */
export function decideCancel({ payment, debitInProgress }: PaymentToAct, reason: string, now: Date): ActionDecision {
  if (payment.status !== 'PENDING' && payment.status !== 'RETRY_SCHEDULED') {
    return refused('PAYMENT_NOT_CANCELLABLE', `Payment ${payment.paymentRef} is ${payment.status}: only a debit still to be made can be cancelled.`);
  }
  if (debitInProgress) return refused('PAYMENT_IN_PROGRESS', `A debit of payment ${payment.paymentRef} is in progress: wait for its outcome.`);
  return {
    kind: 'decided',
    payment: { ...payment, status: 'CANCELLED', nextAttemptAt: null, reasonCode: 'DEBIT_CANCELLED', reasonMessage: reason, updatedAt: now },
  };
}
