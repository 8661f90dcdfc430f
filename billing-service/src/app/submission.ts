import type { NewOperationLineRow } from '../infra/operations-repository';

export type OperationType = 'PURCHASE' | 'REFUND';

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
  totals: { withoutTaxMinor: number; taxMinor: number; withTaxMinor: number };
  lines: Omit<NewOperationLineRow, 'operationId'>[];
  /** The body as received, kept for the answer and for comparing a replay. */
  request: Record<string, unknown>;
  requestHash: string;
  idempotencyKey: string | null;
  submittedBy: string;
  correlationId: string | null;
}
