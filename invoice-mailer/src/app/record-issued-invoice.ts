import { invoiceLanguageOf, recipientNameOf, type Invoice } from '../domain/invoice';
import type { MailerTransaction } from '../infra/database';
import { wakeDeliveryWorker, wakeNoticeWorker } from '../infra/delivery-channel';
import { insertInvoice } from '../infra/invoice-repository';
import { completeNoticesOfInvoice, lockInvoiceArrival } from '../infra/notice-repository';
import type { MailerDependencies } from './dependencies';
import { deliverCreditNotesWaitingFor, insertOriginalDelivery } from './record-issued-credit-note';

export interface IssuedInvoiceNotice {
  eventId: string;
  invoice: Invoice;
  correlationId: string | null;
}

/**
 * Runs in the consumer's transaction, beside the eventId mark: the invoice and its PENDING
 * delivery are recorded together, or not at all. An invoice number already recorded (the
 * same invoice announced again under a new eventId) changes nothing: it is mailed once.
 * Nothing is sent here; the delivery worker, woken when this commits, does that. A debit
 * notice that arrived before its invoice (payment.result.v1 is another topic) was waiting for
 * it: it gets the invoice's billing contact and language, and the notice worker is woken too.
 * So does a credit note of this invoice that arrived first: its delivery is created now.
 */
export async function recordIssuedInvoice(
  dependencies: Pick<MailerDependencies, 'clock' | 'newId' | 'mailFrom' | 'seller'>,
  tx: MailerTransaction,
  notice: IssuedInvoiceNotice,
): Promise<'recorded' | 'already-recorded'> {
  const { invoice } = notice;
  await lockInvoiceArrival(tx, invoice.invoiceRef);
  const isNew = await insertInvoice(tx, { invoice, seller: dependencies.seller, issuedEventId: notice.eventId, correlationId: notice.correlationId });
  if (!isNew) return 'already-recorded';
  await insertOriginalDelivery(dependencies, tx, invoice);
  await wakeDeliveryWorker(tx);
  await deliverCreditNotesWaitingFor(dependencies, tx, { invoice });
  const now = dependencies.clock();
  const waiting = await completeNoticesOfInvoice(tx, invoice.invoiceRef, {
    recipient: invoice.billingContact.email,
    recipientName: recipientNameOf(invoice),
    language: invoiceLanguageOf(invoice),
    customerRef: invoice.customer.customerRef ?? null,
    now,
  });
  if (waiting > 0) await wakeNoticeWorker(tx);
  return 'recorded';
}
