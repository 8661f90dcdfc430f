import { mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import { contextOfTraceParent, currentCorrelationId, inSpan, keepLeased, leaseEnd, retryScheduleOf, runWithCorrelationId, transactionalOutbox } from '@boissipay/runtime';
import { decideAfterFailure, type Delivery } from '../domain/delivery';
import { deliveryEventOf } from '../events/invoice-delivery-event';
import type { MailerTransaction } from '../infra/database';
import { claimDueDeliveries, markFailed, markSent, renewDeliveryLease, scheduleRetry, type ClaimedDelivery } from '../infra/delivery-repository';
import type { SendResult } from '../infra/smtp-mail-sender';
import { composeCreditNoteMail, composeInvoiceMail } from './compose-invoice-mail';
import type { DeliveryDependencies } from './dependencies';

export interface DeliveryRoundOptions {
  /**
   * How long a claimed delivery is reserved for the worker sending it without a renewal
   * (MAILER_DELIVERY_LEASE_MS). A live worker renews it every third of that while the SMTP
   * conversation lasts, so only a dead one loses its claim, and its delivery is picked up
   * again within that time.
   */
  leaseMs: number;
}

/**
 * One round of the delivery worker: claims the deliveries that are due, renders and sends
 * each outside any database transaction (an SMTP conversation can take seconds; no
 * connection or row lock is held meanwhile), then records each outcome and the event
 * announcing it in one transaction. Returns how many deliveries it claimed.
 *
 * Send once, as far as SMTP allows. The outcome is recorded only after the SMTP server
 * accepted the message, so no invoice is lost; but if the process dies (or the database is
 * unreachable) after the server's "250 OK" and before our commit, the claim's lease runs out
 * and the e-mail is sent a second time. A process that dies before the "250" has sent
 * nothing: the delivery is sent once, by whichever worker claims it after the lease. SMTP has no way to ask a server whether it already
 * took a message, so that window cannot be closed, only narrowed and made harmless: every
 * copy of a delivery carries the same Message-ID, fixed when the delivery was created, so
 * mail clients and archives see one message. The SENT event itself is published once: it is
 * only written by the transaction that moves the delivery out of PENDING.
 */
export async function deliverDueInvoices(dependencies: DeliveryDependencies, options: DeliveryRoundOptions): Promise<number> {
  const now = dependencies.clock();
  const claimed = await claimDueDeliveries(dependencies.db, {
    now,
    leaseUntil: leaseEnd(now, options.leaseMs),
    limit: dependencies.batchSize,
  });
  const results = await Promise.allSettled(
    // Each in the trace of the invoice event that brought it: invoice, e-mail and delivery event read as one.
    claimed.map((claim) =>
      runWithCorrelationId(claim.correlationId ?? undefined, () =>
        inSpan('deliver invoice', { parent: contextOfTraceParent(claim.traceParent), attributes: { 'boissipay.invoice_ref': claim.delivery.invoiceRef, ...(claim.delivery.creditNoteRef ? { 'boissipay.credit_note_ref': claim.delivery.creditNoteRef } : {}) } }, () =>
          deliverOne(dependencies, claim, options),
        ),
      ),
    ),
  );
  // A delivery whose outcome could not be recorded stays claimed until its lease ends, then is retried.
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return claimed.length;
}

async function deliverOne(dependencies: DeliveryDependencies, claim: ClaimedDelivery, { leaseMs }: DeliveryRoundOptions): Promise<void> {
  const { deliveryId, attempts } = claim.delivery;
  const result = await keepLeased(
    {
      leaseMs,
      renew: () => renewDeliveryLease(dependencies.db, { deliveryId, attempts }, leaseEnd(dependencies.clock(), leaseMs)),
      onRenewalError: (error) => dependencies.logger.warn({ err: error, deliveryId }, 'delivery lease renewal failed'),
    },
    () => attemptSending(dependencies, claim),
  );
  await recordOutcome(dependencies, claim, result);
}

async function attemptSending(dependencies: DeliveryDependencies, { delivery, invoice, creditNote, seller }: ClaimedDelivery): Promise<SendResult> {
  let mail;
  try {
    mail = creditNote ? await composeCreditNoteMail({ creditNote, invoice }, delivery, seller) : await composeInvoiceMail(invoice, delivery, seller);
  } catch (error) {
    // Rendering the same document again would fail the same way.
    return { kind: 'failed', failure: { kind: 'permanent', reason: `the ${creditNote ? 'credit note' : 'invoice'} could not be rendered: ${(error as Error).message}` } };
  }
  return dependencies.mailSender.send(mail);
}

async function recordOutcome(dependencies: DeliveryDependencies, claim: ClaimedDelivery, result: SendResult): Promise<void> {
  const { delivery } = claim;
  const logger = dependencies.logger.child({ deliveryId: delivery.deliveryId, invoiceRef: delivery.invoiceRef, ...(delivery.creditNoteRef ? { creditNoteRef: delivery.creditNoteRef } : {}), attempt: delivery.attempts });
  const now = dependencies.clock();

  if (result.kind === 'accepted') {
    const sent = await dependencies.db.transaction(async (tx) => {
      const updated = await markSent(tx, delivery.deliveryId, now);
      if (updated) await publishOutcome(dependencies, tx, { ...updated, status: 'SENT' }, claim);
      return updated;
    });
    logger.info({ recipient: delivery.recipient, smtpResponse: result.response, recorded: Boolean(sent) }, 'invoice e-mailed');
    return;
  }

  const decision = decideAfterFailure(delivery.attempts, result.failure, retryScheduleOf(dependencies.retryPolicy, dependencies.random), now);
  const ownClaim = { deliveryId: delivery.deliveryId, attempts: delivery.attempts };
  if (decision.kind === 'retry') {
    await dependencies.db.transaction((tx) => scheduleRetry(tx, ownClaim, { nextAttemptAt: decision.nextAttemptAt, lastError: result.failure.reason, now }));
    logger.warn({ reason: result.failure.reason, nextAttemptAt: decision.nextAttemptAt.toISOString() }, 'invoice e-mail failed; will retry');
    return;
  }
  await dependencies.db.transaction(async (tx) => {
    const failed = await markFailed(tx, ownClaim, { reason: decision.reason, lastError: result.failure.reason, failedAt: now });
    if (failed) await publishOutcome(dependencies, tx, { ...failed, status: 'FAILED' }, claim);
  });
  logger.error({ reason: decision.reason }, 'invoice e-mail given up');
}

async function publishOutcome(
  dependencies: DeliveryDependencies,
  tx: MailerTransaction,
  delivery: Delivery & { status: 'SENT' | 'FAILED' },
  claim: ClaimedDelivery,
): Promise<void> {
  // mailer.invoice-delivery.v1 reports an invoice's e-mail to billing, which records it on the
  // invoice; a credit note's would be taken for its invoice's. Its outcome stays on the delivery.
  if (delivery.creditNoteRef !== null) return;
  const event = deliveryEventOf(delivery, {
    eventId: dependencies.newId(),
    occurredAt: dependencies.clock(),
    correlationId: currentCorrelationId() ?? claim.correlationId,
    causationId: claim.issuedEventId,
  });
  await transactionalOutbox.enqueue(tx, mailerInvoiceDeliveryV1Event.eventTopic, { key: delivery.contractRef, event });
}
