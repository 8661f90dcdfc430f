import { paymentResultV1Event } from '@boissipay/contracts';
import { transactionalOutbox } from '@boissipay/runtime';
import { isPublished, type Payment } from '../domain/payment';
import { paymentResultEventOf } from '../events/payment-result-event';
import type { PaymentTransaction } from '../infra/database';
import type { RecordingDependencies } from './dependencies';

/**
 * Queues payment.result.v1 for a payment that reached SUCCEEDED, FAILED or CANCELLED, in the
 * transaction that stores that state: the outcome and its announcement commit together or not at all.
 */
export async function enqueuePaymentResult(tx: PaymentTransaction, payment: Payment, dependencies: Pick<RecordingDependencies, 'newEventId'>, now: Date): Promise<void> {
  const { status } = payment;
  if (!isPublished(status)) return;
  const event = paymentResultEventOf({ ...payment, status }, { eventId: dependencies.newEventId(), occurredAt: now });
  await transactionalOutbox.enqueue(tx, paymentResultV1Event.eventTopic, { key: payment.contractRef, event });
}
