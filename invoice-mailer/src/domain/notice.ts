import type { contractLifecycleV1Event, paymentResultV1Event } from '@boissipay/contracts';
import type { DeliveryStatus } from './delivery';
import { languageOf, type Language } from './language';

/**
 * What a customer is told besides its invoices: a debit refused or sent back by its bank, its
 * contract suspended or reactivated. One notice per event that caused it, sent like an invoice
 * e-mail (PENDING until the SMTP server takes it, SENT or FAILED, both final).
 */
export const noticeKinds = ['DEBIT_FAILED', 'DEBIT_RETURNED', 'CONTRACT_SUSPENDED', 'CONTRACT_REACTIVATED'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** The facts a notice's text is written from, fixed when the notice is recorded: a copy sent again reads the same. */
export type NoticeFacts =
  | {
      kind: 'DEBIT_FAILED' | 'DEBIT_RETURNED';
      invoiceRef: string;
      paymentRef: string;
      amountMinor: number;
      currency: string;
      /** The payment's stable reason code (INSUFFICIENT_FUNDS…), null when the provider gave none. */
      reasonCode: string | null;
      /** RETURNED: the ISO 20022 code of the R-transaction (AM04…). */
      returnReasonCode: string | null;
      /** The seller's account to pay the invoice by bank transfer instead. */
      transfer: TransferAccount;
    }
  | {
      kind: 'CONTRACT_SUSPENDED' | 'CONTRACT_REACTIVATED';
      /** The company the contract is with, as the contract names it. */
      subscriberRef: string;
      /** ISO date (UTC) the change took effect. */
      effectiveOn: string;
      /**
       * Why, as far as the customer is told: `unpaid-debit` when dunning suspended the
       * contract for a refused or returned debit; `not-given` otherwise. An operator's own
       * reason is written for the audit trail, not for the customer, and is never mailed.
       */
      cause: 'unpaid-debit' | 'not-given';
    };

/** Where a customer pays an unpaid invoice by bank transfer: the seller's account (INVOICE_SELLER_IBAN, INVOICE_SELLER_BIC). */
export interface TransferAccount {
  beneficiary: string;
  iban: string;
  bic: string;
}

export interface Notice {
  noticeId: string;
  kind: NoticeKind;
  contractRef: string;
  invoiceRef: string | null;
  customerRef: string | null;
  /** Null while a debit notice waits for its invoice (the billing contact comes from it). */
  recipient: string | null;
  recipientName: string | null;
  language: Language;
  facts: NoticeFacts;
  status: DeliveryStatus;
  attempts: number;
  messageId: string;
  causeEventId: string;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  failedAt: Date | null;
  failureReason: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

type PaymentResult = paymentResultV1Event.PaymentResultEvent;
type ContractEvent = contractLifecycleV1Event.ContractLifecycleEvent;

/** The subject contract-service writes as `changedBy` when dunning suspends a contract (ADR 0011). */
export const DUNNING_ACTOR = 'system:dunning';

/**
 * Whether an event is too old to be told now: a consumer that starts at the beginning of its
 * topic (a new consumer name, the first deployment) must not mail a customer about a debit or a
 * suspension of months ago. An event whose instant cannot be read counts as new.
 */
export function isStale(occurredAt: string, now: Date, maxAgeHours: number): boolean {
  const at = Date.parse(occurredAt);
  return Number.isFinite(at) && now.getTime() - at > maxAgeHours * 3_600_000;
}

export type PaymentNoticeDecision = { kind: 'notify'; facts: Extract<NoticeFacts, { kind: 'DEBIT_FAILED' | 'DEBIT_RETURNED' }> } | { kind: 'ignore'; why: string };

/**
 * Whether a payment result is told to the customer: a FAILED or RETURNED debit is, unless its
 * reason is the payment provider's own failure (`ignoredReasons`, the same codes dunning
 * ignores): nothing was refused by the customer's bank and nothing is asked of the customer;
 * an operator presents the debit again. A paid or cancelled debit asks nothing of anyone.
 */
export function paymentNoticeOf(
  result: Pick<PaymentResult, 'status' | 'invoiceRef' | 'paymentRef' | 'amountMinor' | 'currency' | 'reasonCode' | 'returnReasonCode'>,
  policy: { ignoredReasons: readonly string[]; transfer: TransferAccount },
): PaymentNoticeDecision {
  if (result.status !== 'FAILED' && result.status !== 'RETURNED') return { kind: 'ignore', why: `${result.status}: nothing to tell the customer` };
  if (result.reasonCode !== null && policy.ignoredReasons.includes(result.reasonCode)) return { kind: 'ignore', why: `${result.reasonCode} is the payment provider's failure, not the customer's` };
  return {
    kind: 'notify',
    facts: {
      kind: result.status === 'FAILED' ? 'DEBIT_FAILED' : 'DEBIT_RETURNED',
      invoiceRef: result.invoiceRef,
      paymentRef: result.paymentRef,
      amountMinor: result.amountMinor,
      currency: result.currency,
      reasonCode: result.reasonCode,
      returnReasonCode: result.status === 'RETURNED' ? (result.returnReasonCode ?? null) : null,
      transfer: policy.transfer,
    },
  };
}

export type ContractNoticeDecision =
  | { kind: 'notify'; facts: Extract<NoticeFacts, { kind: 'CONTRACT_SUSPENDED' | 'CONTRACT_REACTIVATED' }>; recipient: string; recipientName: string; language: Language; customerRef: string | null }
  | { kind: 'ignore'; why: string };

/** A suspension or a reactivation is told to the contract's billing contact, in the contract's language; other changes are not notices. */
export function contractNoticeOf(event: Pick<ContractEvent, 'type' | 'occurredAt' | 'changedBy' | 'contract'>): ContractNoticeDecision {
  if (event.type !== 'SUSPENDED' && event.type !== 'REACTIVATED') return { kind: 'ignore', why: `${event.type} is not told by a notice` };
  const { contract } = event;
  return {
    kind: 'notify',
    facts: {
      kind: event.type === 'SUSPENDED' ? 'CONTRACT_SUSPENDED' : 'CONTRACT_REACTIVATED',
      subscriberRef: contract.subscriber.subscriberRef,
      effectiveOn: event.occurredAt.slice(0, 10),
      cause: event.type === 'SUSPENDED' && event.changedBy === DUNNING_ACTOR ? 'unpaid-debit' : 'not-given',
    },
    recipient: contract.billingContact.email,
    recipientName: `${contract.billingContact.firstName} ${contract.billingContact.lastName}`.trim(),
    language: languageOf(contract.language),
    customerRef: contract.subscriber.customerRef ?? null,
  };
}
