import type { contractLifecycleV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { ALL_CUSTOMERS } from '@boissipay/runtime';
import { messageIdOf } from '../domain/delivery';
import { invoiceLanguageOf, recipientNameOf } from '../domain/invoice';
import { DEFAULT_LANGUAGE } from '../domain/language';
import { contractNoticeOf, isStale, paymentNoticeOf, type TransferAccount } from '../domain/notice';
import type { MailerTransaction } from '../infra/database';
import { wakeNoticeWorker } from '../infra/delivery-channel';
import { findInvoice } from '../infra/invoice-repository';
import { insertNotice, lockInvoiceArrival } from '../infra/notice-repository';
import type { MailerDependencies } from './dependencies';

export type NoticeOutcome = 'recorded' | 'waiting-for-invoice' | 'already-recorded' | 'not-a-notice' | 'too-old';

export interface NoticePolicy {
  /** Payment reason codes that are the provider's failures, not the customer's (MAILER_NOTICE_IGNORED_REASONS). */
  ignoredReasons: readonly string[];
  transfer: TransferAccount;
  /** Events older than this when they are consumed are not told (MAILER_NOTICE_MAX_AGE_HOURS). */
  maxAgeHours: number;
}

type NoticeDependencies = Pick<MailerDependencies, 'clock' | 'newId' | 'mailFrom'>;

/**
 * Runs in the consumer's transaction, beside the eventId mark: a refused or returned debit
 * becomes one PENDING notice (one per payment result: UNIQUE cause), to the billing contact of
 * the invoice in the invoice's language. The invoice comes from another topic and may not be
 * recorded yet: the notice then waits without a recipient, and recording the invoice completes
 * it. Nothing is sent here.
 */
export async function recordPaymentNotice(
  dependencies: NoticeDependencies,
  tx: MailerTransaction,
  result: paymentResultV1Event.PaymentResultEvent,
  policy: NoticePolicy,
  correlationId: string | null,
): Promise<NoticeOutcome> {
  const decision = paymentNoticeOf(result, policy);
  if (decision.kind === 'ignore') return 'not-a-notice';
  if (isStale(result.occurredAt, dependencies.clock(), policy.maxAgeHours)) return 'too-old';
  await lockInvoiceArrival(tx, result.invoiceRef);
  const received = await findInvoice(tx, result.invoiceRef, ALL_CUSTOMERS);
  const invoice = received?.invoice;
  const noticeId = dependencies.newId();
  const inserted = await insertNotice(tx, {
    noticeId,
    causeEventId: result.eventId,
    kind: decision.facts.kind,
    contractRef: result.contractRef,
    invoiceRef: result.invoiceRef,
    customerRef: invoice?.customer.customerRef ?? null,
    recipient: invoice?.billingContact.email ?? null,
    recipientName: invoice ? recipientNameOf(invoice) : null,
    language: invoice ? invoiceLanguageOf(invoice) : DEFAULT_LANGUAGE,
    facts: decision.facts,
    messageId: messageIdOf(noticeId, dependencies.mailFrom),
    nextAttemptAt: dependencies.clock(),
    correlationId,
  });
  if (!inserted) return 'already-recorded';
  if (!invoice) return 'waiting-for-invoice';
  await wakeNoticeWorker(tx);
  return 'recorded';
}

/** As recordPaymentNotice, for a contract suspended or reactivated: the event carries the billing contact and the language. */
export async function recordContractNotice(
  dependencies: NoticeDependencies,
  tx: MailerTransaction,
  event: contractLifecycleV1Event.ContractLifecycleEvent,
  policy: Pick<NoticePolicy, 'maxAgeHours'>,
  correlationId: string | null,
): Promise<NoticeOutcome> {
  const decision = contractNoticeOf(event);
  if (decision.kind === 'ignore') return 'not-a-notice';
  if (isStale(event.occurredAt, dependencies.clock(), policy.maxAgeHours)) return 'too-old';
  const noticeId = dependencies.newId();
  const inserted = await insertNotice(tx, {
    noticeId,
    causeEventId: event.eventId,
    kind: decision.facts.kind,
    contractRef: event.contractRef,
    invoiceRef: null,
    customerRef: decision.customerRef,
    recipient: decision.recipient,
    recipientName: decision.recipientName,
    language: decision.language,
    facts: decision.facts,
    messageId: messageIdOf(noticeId, dependencies.mailFrom),
    nextAttemptAt: dependencies.clock(),
    correlationId,
  });
  if (!inserted) return 'already-recorded';
  await wakeNoticeWorker(tx);
  return 'recorded';
}
