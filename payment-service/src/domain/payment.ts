import type { Money } from '@boissipay/money';

/**
 * A payment collects one issued invoice by SEPA direct debit.
 *
 *   PENDING ──attempt──▶ SUCCEEDED                    (final, publishes payment.result.v1)
 *      │                 FAILED                       (publishes payment.result.v1)
 *      └─transient─▶ RETRY_SCHEDULED ──attempt──▶ … (same as PENDING)
 *
 *   SUCCEEDED ──return──▶ RETURNED                    (a debit sent back by the debtor's bank days
 *                                                       later, an R-transaction: domain/debit-return.ts)
 *
 * Operators' actions (domain/operator-actions.ts), each publishing payment.result.v1:
 * - retry: FAILED or RETURNED ──▶ PENDING, a new debit round (the outcome is published when it ends);
 * - manual payment: PENDING, RETRY_SCHEDULED, FAILED, CANCELLED, RETURNED ──▶ SUCCEEDED by BANK_TRANSFER;
 * - cancel: PENDING, RETRY_SCHEDULED ──▶ CANCELLED (never debited; a manual payment may follow).
 *
 * Recorded directly in a final state, without any call to the provider:
 * - NOT_REQUIRED: the invoice asks for no debit (credit note, total ≤ 0). Kept so that the
 *   question "what became of invoice X?" always has an answer; publishes nothing, since
 *   there is no payment outcome for billing to act on.
 * - FAILED with MANDATE_MISSING: a debit is due but the invoice carries no mandate.
 */
export type PaymentStatus = 'PENDING' | 'RETRY_SCHEDULED' | 'SUCCEEDED' | 'FAILED' | 'NOT_REQUIRED' | 'CANCELLED' | 'RETURNED';

export const paymentStatuses: readonly PaymentStatus[] = ['PENDING', 'RETRY_SCHEDULED', 'SUCCEEDED', 'FAILED', 'NOT_REQUIRED', 'CANCELLED', 'RETURNED'];

/** DIRECT_DEBIT unless an operator recorded a bank transfer. */
export type PaymentMethod = 'DIRECT_DEBIT' | 'BANK_TRANSFER';

/** What one call to the provider answered. */
export type AttemptOutcome = 'SUCCEEDED' | 'FAILED' | 'TRANSIENT_FAILURE';

export type IsoDate = string;

export interface DebitMandate {
  mandateRef: string;
  iban: string;
  bic: string | null;
  /** The date the debtor signed it (a pain.008 transaction's DtOfSgntr); null when the invoice event did not say. */
  signedAt: IsoDate | null;
}

export interface Payment {
  paymentRef: string;
  invoiceRef: string;
  invoiceId: string;
  contractRef: string;
  /** Whose invoice it is, when billing said (customer-scoped tokens see only their customers' payments). */
  customerRef: string | null;
  invoiceEventId: string;
  correlationId: string | null;
  /** The invoice's total with tax: what is (or would be) debited. */
  amount: Money;
  dueDate: IsoDate;
  /** The day the invoice e-mail (the SEPA pre-notification) announced the debit for: nothing is sent to the provider before. */
  collectionDate: IsoDate;
  mandate: DebitMandate | null;
  /** Who is debited: the invoice's billing address's first line (the company name); null for payments recorded before it was kept. */
  debtorName: string | null;
  status: PaymentStatus;
  attemptCount: number;
  /** When the worker may call the provider next; null once nothing more is to be done. */
  nextAttemptAt: Date | null;
  reasonCode: string | null;
  reasonMessage: string | null;
  providerRef: string | null;
  settledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  method: PaymentMethod;
  /** BANK_TRANSFER: the bank's reference and the ISO date the money was received. */
  bankReference: string | null;
  receivedOn: IsoDate | null;
  /** 0 for the debit the invoice asked for, n after an operator's n-th retry: each round is a new debit at the provider. */
  debitRound: number;
  /** Attempts made before the current round: the retry policy counts the round's own attempts only. */
  attemptsBeforeRound: number;
  /** The ISO 20022 reason code of the last debit that came back (AM04, MD01…), and when; kept after a re-presentation. */
  returnReasonCode: string | null;
  returnedAt: Date | null;
}

export interface PaymentAttempt {
  attemptNumber: number;
  attemptedAt: Date;
  outcome: AttemptOutcome;
  reasonCode: string | null;
  message: string | null;
  providerRef: string | null;
}

/** The part of billing.invoice-issued.v1 a payment is made from. */
export interface InvoiceToCollect {
  invoiceEventId: string;
  correlationId: string | null;
  invoiceRef: string;
  invoiceId: string;
  contractRef: string;
  customerRef: string | null;
  amount: Money;
  dueDate: IsoDate;
  collectionDate: IsoDate;
  mandate: DebitMandate | null;
  debtorName: string;
  debitRequired: boolean;
}

/** Payments in these states are done: the worker never touches them again (only an operator's action may). */
export function isFinal(status: PaymentStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'NOT_REQUIRED' || status === 'CANCELLED' || status === 'RETURNED';
}

/** Whether the payment's outcome is announced on payment.result.v1 (NOT_REQUIRED is not). */
export function isPublished(status: PaymentStatus): status is PublishedStatus {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED' || status === 'RETURNED';
}

export type PublishedStatus = 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'RETURNED';

/**
 * The provider's idempotency key of the payment's current debit: the paymentRef for the
 * first round, suffixed for an operator's retry, which presents a new debit (a key the
 * provider already decided would only replay its refusal).
 */
export function debitKeyOf(payment: Pick<Payment, 'paymentRef' | 'debitRound'>): string {
  return payment.debitRound === 0 ? payment.paymentRef : `${payment.paymentRef}-R${payment.debitRound}`;
}

/**
 * The payment an issued invoice calls for. Nothing is ever debited for a total ≤ 0, even if
 * the event asked for it; a due debit without a mandate fails at once, with nothing to retry.
 * A debit to make waits for `collectionAt`, the start of its collection date: the customer was
 * told that date, and debiting earlier would break the SEPA pre-notification. An invoice that
 * arrives after it (a late event, a replay) is debited at once.
 */
export function paymentForInvoice(invoice: InvoiceToCollect, ids: { paymentRef: string; now: Date; collectionAt: Date }): Payment {
  const base: Payment = {
    paymentRef: ids.paymentRef,
    invoiceRef: invoice.invoiceRef,
    invoiceId: invoice.invoiceId,
    contractRef: invoice.contractRef,
    customerRef: invoice.customerRef,
    invoiceEventId: invoice.invoiceEventId,
    correlationId: invoice.correlationId,
    amount: invoice.amount,
    dueDate: invoice.dueDate,
    collectionDate: invoice.collectionDate,
    mandate: invoice.mandate,
    debtorName: invoice.debtorName,
    status: 'PENDING',
    attemptCount: 0,
    nextAttemptAt: null,
    reasonCode: null,
    reasonMessage: null,
    providerRef: null,
    settledAt: null,
    createdAt: ids.now,
    updatedAt: ids.now,
    method: 'DIRECT_DEBIT',
    bankReference: null,
    receivedOn: null,
    debitRound: 0,
    attemptsBeforeRound: 0,
    returnReasonCode: null,
    returnedAt: null,
  };
  if (!invoice.debitRequired || invoice.amount.amountMinor <= 0) return { ...base, status: 'NOT_REQUIRED' };
  if (!invoice.mandate) {
    return {
      ...base,
      status: 'FAILED',
      reasonCode: 'MANDATE_MISSING',
      reasonMessage: 'The invoice carries no direct-debit mandate: nothing could be debited.',
    };
  }
  return { ...base, nextAttemptAt: ids.collectionAt > ids.now ? ids.collectionAt : ids.now };
}
