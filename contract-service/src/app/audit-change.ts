import { changedFieldsOf, recordAuditEvent, type AuditContext } from '@boissipay/runtime';
import type { Change, Contract } from '../domain/contract';
import { contractAuditSummaryOf } from '../domain/contract-audit';
import type { ContractTransaction } from '../infra/database';

/** `SUBSCRIBE` for a creation, the lifecycle command's type for every later change. */
export type ContractAuditAction = 'SUBSCRIBE' | 'ACTIVATE' | 'SUSPEND' | 'REACTIVATE' | 'TERMINATE' | 'EXPIRE' | 'REPLACE_MANDATE' | 'REVOKE_MANDATE' | 'CHANGE_LIMIT' | 'CHANGE_LANGUAGE';

/**
 * Records who made `change`, in the transaction that stores it. `before` is the contract as
 * it was (none for a creation): the trail then keeps only the fields that changed.
 */
export async function auditContractChange(
  tx: ContractTransaction,
  change: Change,
  { audit, action, before, now }: { audit: AuditContext; action: ContractAuditAction; before?: Contract; now: Date },
): Promise<void> {
  const after = contractAuditSummaryOf(change.contract);
  const summary = before ? changedFieldsOf(contractAuditSummaryOf(before), after) : { before: null, after };
  await recordAuditEvent(tx, {
    ...audit,
    occurredAt: now,
    entityType: 'contract',
    entityId: change.contract.contractRef,
    action,
    reason: change.reason,
    ...summary,
  });
}
