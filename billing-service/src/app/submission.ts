import type { CustomerScope } from '@boissipay/runtime';
import type { OrderTotals } from '../domain/order-totals';
import type { NewOperationLineRow } from '../infra/operations-repository';

export type OperationType = 'PURCHASE' | 'REFUND';

/** A product line as it will be stored, and where it was in the request, for the error that names it. */
export type SubmittedLine = Omit<NewOperationLineRow, 'operationId'> & { path: string };

/** A validated purchase or refund, amounts already in minor units, ready to be decided. */
export interface Submission {
  type: OperationType;
  contractRef: string;
  orderRef: string;
  /** REFUND: the purchase's orderRef; PURCHASE: null. */
  refundedOrderRef: string | null;
  customerRef: string | null;
  operationAt: string;
  currency: string;
  totals: OrderTotals;
  lines: SubmittedLine[];
  /** Where the order was in the request, for the errors that name one of its totals. */
  orderPath: string;
  /** The body as received, kept for the answer and for comparing a replay. */
  request: Record<string, unknown>;
  requestHash: string;
  idempotencyKey: string | null;
  submittedBy: string;
  /** Whose contracts the submitter may act on: its token's customers, or every customer. */
  scope: CustomerScope;
  correlationId: string | null;
}
