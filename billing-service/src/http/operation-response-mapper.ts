import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import type { Answer, DecidedOperation } from '../app/submit-operation';

type Schemas = billingApi.components['schemas'];
type OperationResponse = Schemas['OperationResponse'];
type OperationRejectedResponse = Schemas['OperationRejectedResponse'];
type RejectionCode = Schemas['RejectionCode'];

export type OperationView = Pick<
  DecidedOperation,
  | 'operationId'
  | 'type'
  | 'status'
  | 'rejectionCode'
  | 'rejectionMessage'
  | 'contractRef'
  | 'customerRef'
  | 'operationAt'
  | 'decidedAt'
  | 'currency'
  | 'totalWithoutTaxMinor'
  | 'totalTaxMinor'
  | 'totalWithTaxMinor'
  | 'request'
  | 'invoiceRef'
> & { creditNoteRef?: string | null };

export function operationResponseOf(operation: OperationView): OperationResponse {
  const request = operation.request as Schemas['OperationRequest'];
  const currency = operation.currency;
  return {
    operationId: operation.operationId,
    type: operation.type,
    status: operation.status,
    ...(operation.rejectionCode
      ? { rejection: { errorCode: operation.rejectionCode as RejectionCode, message: operation.rejectionMessage ?? operation.rejectionCode } }
      : {}),
    contractRef: operation.contractRef,
    ...(operation.customerRef ? { customerRef: operation.customerRef } : {}),
    operationAt: operation.operationAt,
    decidedAt: operation.decidedAt.toISOString(),
    currencyCode: currency,
    totalWithoutTax: toDecimal(operation.totalWithoutTaxMinor, currency),
    totalTax: toDecimal(operation.totalTaxMinor, currency),
    totalWithTax: toDecimal(operation.totalWithTaxMinor, currency),
    ...(request.contact ? { contact: request.contact } : {}),
    order: request.order,
    invoiceRef: operation.invoiceRef ?? null,
    // Only once a billing run credited the refund: an operation read back is otherwise what its submission answered.
    ...(operation.creditNoteRef ? { creditNoteRef: operation.creditNoteRef } : {}),
  };
}

/** 201 with the operation, or 422 in the ErrorResponse shape with the stored decision beside it. */
export function answerOf(operation: OperationView, context: { path: string; correlationId: string }): Answer {
  const response = operationResponseOf(operation);
  if (operation.status === 'ACCEPTED') return { status: 201, body: response };
  const body: OperationRejectedResponse = {
    errors: [
      {
        path: context.path,
        timestamp: response.decidedAt,
        errorCode: operation.rejectionCode ?? 'REJECTED',
        status: 422,
        message: operation.rejectionMessage ?? 'The operation was rejected.',
      },
    ],
    correlationId: context.correlationId,
    operationId: operation.operationId,
    operation: response,
  };
  return { status: 422, body };
}
