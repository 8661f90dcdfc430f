import { ALL_CUSTOMERS, type AuditContext, type CustomerScope } from '@boissipay/runtime';
import type { Contract } from '../domain/contract';
import { mandateRefInUse, type Invalid, type Refused } from '../domain/contract.errors';
import { decide, type LifecycleCommand } from '../domain/lifecycle';
import { findContractForUpdate, findContractRefByMandateRef, isMandateRefTaken, updateContract } from '../infra/contract-repository';
import type { ContractTransaction } from '../infra/database';
import { auditContractChange } from './audit-change';
import { momentOf, type ContractDependencies, type Moment } from './dependencies';
import { enqueueLifecycleEvent } from './publish-change';

export type ChangeContractResult = { kind: 'changed'; contract: Contract } | { kind: 'not-found' } | Invalid | Refused;

/**
 * Every change after creation (activation, suspension, mandate, limit, expiry…): lock the
 * contract row, let the domain decide, then store the new state and its event in the same
 * transaction. The lock makes concurrent changes of one contract take turns, so each sees
 * the version the previous one wrote and versions stay contiguous and in order. A contract
 * outside the caller's customer scope is not found.
 */
export async function changeContract(
  dependencies: ContractDependencies,
  target: { contractRef: string; scope: CustomerScope },
  command: LifecycleCommand,
  audit: AuditContext,
  moment: Moment = momentOf(dependencies),
): Promise<ChangeContractResult> {
  try {
    return await dependencies.db.transaction((tx) => changeContractIn(tx, target.contractRef, command, { ...moment, audit, newId: dependencies.newId }, target.scope));
  } catch (error) {
    // Another contract took the same mandate reference between our check and our write.
    if (command.type === 'REPLACE_MANDATE' && isMandateRefTaken(error)) return mandateRefInUse(command.mandate.mandateRef);
    throw error;
  }
}

/**
 * The same, inside the caller's transaction (an event consumer's); `causationId` is the eventId
 * that caused the change, `audit` who asked for it. A refused change writes nothing. The
 * service's own actors (dunning, expiry) act for every customer.
 */
export async function changeContractIn(
  tx: ContractTransaction,
  contractRef: string,
  command: LifecycleCommand,
  moment: Moment & { audit: AuditContext; newId: () => string; causationId?: string | null },
  scope: CustomerScope = ALL_CUSTOMERS,
): Promise<ChangeContractResult> {
  const contract = await findContractForUpdate(tx, contractRef, scope);
  if (!contract) return { kind: 'not-found' };
  const decision = decide(command, contract, moment.today);
  if (decision.kind !== 'accepted') return decision;
  const { mandateRef } = decision.contract.mandate;
  if (mandateRef !== contract.mandate.mandateRef && (await findContractRefByMandateRef(tx, mandateRef, contract.contractId))) return mandateRefInUse(mandateRef);
  await updateContract(tx, decision.contract);
  await enqueueLifecycleEvent(tx, decision, { ...moment, changedBy: moment.audit.actor.subject });
  await auditContractChange(tx, decision, { audit: moment.audit, action: command.type, before: contract, now: moment.now });
  return { kind: 'changed', contract: decision.contract };
}
