import type { billingOperationDecidedV1Event } from '@boissipay/contracts';
import type { DecidedOperation } from '../app/submit-operation';

type OperationDecidedEvent = billingOperationDecidedV1Event.OperationDecidedEvent;

/** The decision as the stream carries it: what was decided, on what, for whom, and why not when rejected. */
export function operationDecidedEventOf(operation: DecidedOperation, context: { eventId: string }): OperationDecidedEvent {
  return {
    eventId: context.eventId,
    occurredAt: operation.decidedAt.toISOString(),
    correlationId: operation.correlationId ?? null,
    contractRef: operation.contractRef,
    operationId: operation.operationId,
    type: operation.type,
    status: operation.status,
    rejectionCode: operation.rejectionCode ?? null,
    rejectionMessage: operation.rejectionMessage ?? null,
    orderRef: operation.orderRef,
    refundedOrderRef: operation.refundedOrderRef ?? null,
    customerRef: operation.customerRef ?? null,
    operationAt: operation.operationAt,
    currency: operation.currency,
    totalWithTaxMinor: operation.totalWithTaxMinor,
    submittedBy: operation.submittedBy,
  };
}
