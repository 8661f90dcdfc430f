import type { mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import type { Delivery } from '../domain/delivery';

type InvoiceDeliveryEvent = mailerInvoiceDeliveryV1Event.InvoiceDeliveryEvent;

export interface EventContext {
  eventId: string;
  occurredAt: Date;
  correlationId: string | null;
  /** eventId of the billing.invoice-issued.v1 event that was mailed. */
  causationId: string;
}

/** The final outcome of a delivery (SENT or FAILED), keyed like billing's events by contractRef. */
export function deliveryEventOf(delivery: Delivery & { status: 'SENT' | 'FAILED' }, context: EventContext): InvoiceDeliveryEvent {
  const sent = delivery.status === 'SENT';
  return {
    eventId: context.eventId,
    occurredAt: context.occurredAt.toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId,
    contractRef: delivery.contractRef,
    deliveryId: delivery.deliveryId,
    invoiceRef: delivery.invoiceRef,
    status: delivery.status,
    recipient: delivery.recipient,
    messageId: sent ? delivery.messageId : null,
    attempts: delivery.attempts,
    sentAt: sent ? (delivery.sentAt?.toISOString() ?? context.occurredAt.toISOString()) : null,
    failureReason: sent ? null : (delivery.failureReason ?? 'unknown'),
  };
}
