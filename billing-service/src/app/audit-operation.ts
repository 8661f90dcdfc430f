import { recordAuditEvent, type AuditContext, type AuditEntry } from '@boissipay/runtime';
import type { Decision } from '../domain/decision';
import type { BillingTransaction } from '../infra/database';
import type { DecidedOperation } from './submit-operation';

/**
 * Records who submitted a purchase or refund and what billing decided, in the decision's
 * transaction; an accepted one also shows the contract's outstanding before and after it.
 * A rejected submission is recorded too: it is stored (REJECTED) and published like any decision.
 */
export async function auditOperationDecision(tx: BillingTransaction, decided: DecisionAudit): Promise<void> {
  await recordAuditEvent(tx, auditEntryOfDecision(decided));
}

export interface DecisionAudit {
  audit: AuditContext;
  operation: DecidedOperation;
  decision: Decision;
  outstandingBeforeMinor: number;
}

/** The audit entry of a decision, for a writer that stores it within a statement of its own. */
export function auditEntryOfDecision({ audit, operation, decision, outstandingBeforeMinor }: DecisionAudit): AuditEntry {
  const accepted = decision.status === 'ACCEPTED';
  return {
    ...audit,
    occurredAt: operation.decidedAt,
    entityType: 'operation',
    entityId: operation.operationId,
    action: `SUBMIT_${operation.type}`,
    before: accepted ? { outstandingMinor: outstandingBeforeMinor } : null,
    after: {
      contractRef: operation.contractRef,
      orderRef: operation.orderRef,
      status: operation.status,
      rejectionCode: operation.rejectionCode,
      amountMinor: operation.totalWithTaxMinor,
      currency: operation.currency,
      ...(accepted ? { outstandingMinor: outstandingBeforeMinor + decision.outstandingDeltaMinor } : {}),
    },
  };
}
