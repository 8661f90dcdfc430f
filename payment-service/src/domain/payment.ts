import type { Money } from '@boissipay/money';

/**
 * A payment collects one issued invoice by SEPA direct debit.
 *
 *   PENDING ──attempt──▶ SUCCEEDED                    (final, publishes payment.result.v1)
 *      │                 FAILED                       (final, publishes payment.result.v1)
 *      └─transient─▶ RETRY_SCHEDULED ──attempt──▶ … (same as PENDING)
 *
 * Recorded directly in a final state, without any call to the provider:
 * - NOT_REQUIRED: the invoice asks for no debit (credit note, total ≤ 0). Kept so that the
 *   question "what became of invoice X?" always has an answer; publishes nothing, since
 *   there is no payment outcome for billing to act on.
 * - FAILED with MANDATE_MISSING: a debit is due but the invoice carries no mandate.
 */
export type PaymentStatus = 'PENDING' | 'RETRY_SCHEDULED' | 'SUCCEEDED' | 'FAILED' | 'NOT_REQUIRED';

export const paymentStatuses: readonly PaymentStatus[] = ['PENDING', 'RETRY_SCHEDULED', 'SUCCEEDED', 'FAILED', 'NOT_REQUIRED'];

/** What one call to the provider answered. */
export type AttemptOutcome = 'SUCCEEDED' | 'FAILED' | 'TRANSIENT_FAILURE';

export type IsoDate = string;

export interface DebitMandate {
  mandateRef: string;
  iban: string;
  bic: string | null;
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
  debitRequired: boolean;
}

/** Payments in these states are done: the worker never touches them again. */
export function isFinal(status: PaymentStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'NOT_REQUIRED';
}

/** Whether the payment's outcome is announced on payment.result.v1 (NOT_REQUIRED is not). */
export function isPublished(status: PaymentStatus): status is 'SUCCEEDED' | 'FAILED' {
  return status === 'SUCCEEDED' || status === 'FAILED';
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
    status: 'PENDING',
    attemptCount: 0,
    nextAttemptAt: null,
    reasonCode: null,
    reasonMessage: null,
    providerRef: null,
    settledAt: null,
    createdAt: ids.now,
    updatedAt: ids.now,
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
