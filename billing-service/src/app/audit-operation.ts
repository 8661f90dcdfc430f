import { recordAuditEvent, type AuditContext } from '@boissipay/runtime';
import type { Decision } from '../domain/decision';
import type { BillingTransaction } from '../infra/database';
import type { DecidedOperation } from './submit-operation';

/**
 * Records who submitted a purchase or refund and what billing decided, in the decision's
 * transaction; an accepted one also shows the contract's outstanding before and after it.
 * A rejected submission is recorded too: it is stored (REJECTED) and published like any decision.
 */
export async function auditOperationDecision(
  tx: BillingTransaction,
  { audit, operation, decision, outstandingBeforeMinor }: { audit: AuditContext; operation: DecidedOperation; decision: Decision; outstandingBeforeMinor: number },
): Promise<void> {
  const accepted = decision.status === 'ACCEPTED';
  await recordAuditEvent(tx, {
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
  });
}
