import type { paymentResultV1Event } from '@boissipay/contracts';
import type { Payment } from '../domain/payment';

type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;

/**
 * The event announcing a payment's final outcome. Its causation is the invoice event that
 * asked for the payment, and it keeps that event's correlation id, so one id follows an
 * invoice from the billing run to its payment.
 */
export function paymentResultEventOf(payment: Payment & { status: 'SUCCEEDED' | 'FAILED' }, context: { eventId: string; occurredAt: Date }): PaymentResultEvent {
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
    reasonCode: payment.status === 'FAILED' ? payment.reasonCode : null,
    reasonMessage: payment.status === 'FAILED' ? payment.reasonMessage : null,
    settledAt: payment.settledAt?.toISOString() ?? null,
  };
}
