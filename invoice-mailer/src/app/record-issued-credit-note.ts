import { messageIdOf } from '../domain/delivery';
import type { CreditNote } from '../domain/credit-note';
import type { MailerTransaction } from '../infra/database';
import { creditNotesWaitingFor, insertCreditNote } from '../infra/credit-note-repository';
import { insertDelivery } from '../infra/delivery-repository';
import { wakeDeliveryWorker } from '../infra/delivery-channel';
import { findInvoice, type ReceivedInvoice } from '../infra/invoice-repository';
import { lockInvoiceArrival } from '../infra/notice-repository';
import { ALL_CUSTOMERS } from '@boissipay/runtime';
import type { MailerDependencies } from './dependencies';

export interface IssuedCreditNoteNotice {
  eventId: string;
  contractRef: string;
  creditNote: CreditNote;
  correlationId: string | null;
}

type RecordingDependencies = Pick<MailerDependencies, 'clock' | 'newId' | 'mailFrom' | 'seller'>;

/**
 * Runs in the consumer's transaction, beside the eventId mark, as invoices are recorded: the
 * credit note and its PENDING delivery together, or not at all; a number already recorded
 * changes nothing (it is mailed once). The e-mail goes to the billing contact of the invoice
 * it corrects: a credit note that arrived before that invoice (billing.invoice-issued.v1 is
 * another topic) is recorded and waits; recording the invoice creates its delivery.
 */
export async function recordIssuedCreditNote(dependencies: RecordingDependencies, tx: MailerTransaction, notice: IssuedCreditNoteNotice): Promise<'recorded' | 'already-recorded' | 'waiting-for-invoice'> {
  const { creditNote } = notice;
  await lockInvoiceArrival(tx, creditNote.invoiceRef);
  const isNew = await insertCreditNote(tx, {
    creditNote,
    contractRef: notice.contractRef,
    seller: dependencies.seller,
    issuedEventId: notice.eventId,
    correlationId: notice.correlationId,
  });
  if (!isNew) return 'already-recorded';
  const invoice = await findInvoice(tx, creditNote.invoiceRef, ALL_CUSTOMERS);
  if (!invoice) return 'waiting-for-invoice';
  await createCreditNoteDeliveries(dependencies, tx, [creditNote.creditNoteRef], invoice);
  return 'recorded';
}

/** The ORIGINAL deliveries of credit notes of a recorded invoice, to its billing contact; the delivery worker is woken when this commits. */
export async function createCreditNoteDeliveries(
  dependencies: RecordingDependencies,
  tx: MailerTransaction,
  creditNoteRefs: readonly string[],
  { invoice }: Pick<ReceivedInvoice, 'invoice'>,
): Promise<void> {
  if (creditNoteRefs.length === 0) return;
  for (const creditNoteRef of creditNoteRefs) await insertOriginalDelivery(dependencies, tx, invoice, creditNoteRef);
  await wakeDeliveryWorker(tx);
}

/** The first (ORIGINAL) PENDING delivery of an invoice, or of one of its credit notes, to the invoice's billing contact, due now. */
export async function insertOriginalDelivery(
  dependencies: Pick<MailerDependencies, 'clock' | 'newId' | 'mailFrom'>,
  tx: MailerTransaction,
  invoice: ReceivedInvoice['invoice'],
  creditNoteRef?: string,
): Promise<void> {
  const deliveryId = dependencies.newId();
  await insertDelivery(tx, {
    deliveryId,
    invoiceRef: invoice.invoiceRef,
    ...(creditNoteRef === undefined ? {} : { creditNoteRef }),
    contractRef: invoice.contractRef,
    customerRef: invoice.customer.customerRef ?? null,
    recipient: invoice.billingContact.email,
    messageId: messageIdOf(deliveryId, dependencies.mailFrom),
    nextAttemptAt: dependencies.clock(),
  });
}

/** The credit notes that arrived before the invoice they correct, now that it is recorded. */
export async function deliverCreditNotesWaitingFor(dependencies: RecordingDependencies, tx: MailerTransaction, received: Pick<ReceivedInvoice, 'invoice'>): Promise<void> {
  await createCreditNoteDeliveries(dependencies, tx, await creditNotesWaitingFor(tx, received.invoice.invoiceRef), received);
}
