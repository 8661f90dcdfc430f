import { collectionStartOf } from '../domain/collection-schedule';
import { paymentForInvoice, type InvoiceToCollect, type Payment } from '../domain/payment';
import type { PaymentTransaction } from '../infra/database';
import { insertPaymentOnce, notifyPaymentDue } from '../infra/payment-repository';
import type { RecordingDependencies } from './dependencies';
import { enqueuePaymentResult } from './publish-result';

export type RecordOutcome = { kind: 'recorded'; payment: Payment } | { kind: 'already-recorded' };

/**
 * Runs in the consumer's transaction, beside the eventId mark: it only records what is to be
 * done and never calls the provider (a slow or failing bank must not hold the partition, nor
 * make Kafka redeliver an event whose debit may already be under way). A PENDING payment
 * wakes the debit worker on commit; a payment already decided here (MANDATE_MISSING) queues
 * its result at once. An invoice that already has a payment, whatever the eventId that
 * brought it again, changes nothing.
 */
export async function recordIssuedInvoice(
  tx: PaymentTransaction,
  invoice: InvoiceToCollect,
  dependencies: RecordingDependencies,
): Promise<RecordOutcome> {
  const now = dependencies.clock();
  const collectionAt = collectionStartOf(invoice.collectionDate, dependencies.collectionSchedule);
  const payment = paymentForInvoice(invoice, { paymentRef: dependencies.newPaymentRef(), now, collectionAt });
  if (!(await insertPaymentOnce(tx, payment))) return { kind: 'already-recorded' };
  if (payment.status === 'PENDING') await notifyPaymentDue(tx);
  await enqueuePaymentResult(tx, payment, dependencies, now);
  return { kind: 'recorded', payment };
}
