import type { paymentResultV1Event } from '@boissipay/contracts';
import type { Payment, PublishedStatus } from '../domain/payment';

type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;

/**
 * The event announcing a payment's outcome. Its causation is the invoice event that asked for
 * the payment, and it keeps that event's correlation id, so one id follows an invoice from the
 * billing run to its payment (an operator's action on it included).
 */
export function paymentResultEventOf(payment: Payment & { status: PublishedStatus }, context: { eventId: string; occurredAt: Date }): PaymentResultEvent {
  const unsettled = payment.status !== 'SUCCEEDED';
  return {
    eventId: context.eventId,
    occurredAt: context.occurredAt.toISOString(),
    correlationId: payment.correlationId,
    causationId: payment.invoiceEventId,
    contractRef: payment.contractRef,
    paymentRef: payment.paymentRef,
    invoiceRef: payment.invoiceRef,
    status: payment.status,
    amountMinor: payment.amount.amountMinor,
    currency: payment.amount.currency,
    mandateRef: payment.mandate?.mandateRef ?? null,
    attempts: payment.attemptCount,
    reasonCode: unsettled ? payment.reasonCode : null,
    reasonMessage: unsettled ? payment.reasonMessage : null,
    settledAt: payment.settledAt?.toISOString() ?? null,
    method: payment.status === 'SUCCEEDED' ? payment.method : null,
    bankReference: payment.bankReference,
    receivedOn: payment.receivedOn,
    returnReasonCode: payment.status === 'RETURNED' ? payment.returnReasonCode : null,
    returnedAt: payment.status === 'RETURNED' ? (payment.returnedAt?.toISOString() ?? null) : null,
  };
}
