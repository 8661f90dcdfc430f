import { ALL_CUSTOMERS, currentCorrelationId, systemActor } from '@boissipay/runtime';
import type { IsoDate } from '../domain/contract';
import { hasLapsed, lapseReasonOf } from '../domain/mandate-expiry';
import { findContractForUpdate, findExpiredContractRefs, findLapsedMandateContractRefs } from '../infra/contract-repository';
import { changeContract, changeContractIn } from './change-contract';
import { momentOf, type ContractDependencies } from './dependencies';

/**
 * Moves every ACTIVE or SUSPENDED contract whose expireAt is before `today` to EXPIRED, one
 * transaction per contract so one failure does not hold back the others. Safe to run
 * concurrently (two replicas, a manual run): each contract is re-decided under its lock, and
 * one already expired is simply skipped. Returns the references it expired.
 */
export async function expireContracts(dependencies: ContractDependencies, today: IsoDate = momentOf(dependencies).today): Promise<string[]> {
  const expired: string[] = [];
  // The schedule gives each run a correlation id of its own: the run is the request.
  const audit = { actor: systemActor('contract-expiry'), requestId: currentCorrelationId() ?? dependencies.newId() };
  for (const contractRef of await findExpiredContractRefs(dependencies.db, today)) {
    const result = await changeContract(dependencies, { contractRef, scope: ALL_CUSTOMERS }, { type: 'EXPIRE' }, audit, { now: dependencies.clock(), today });
    if (result.kind === 'changed') expired.push(contractRef);
  }
  return expired;
}

/**
 * Revokes every ACTIVE mandate unused for 36 months (domain/mandate-expiry.ts), with its
 * MANDATE_REVOKED event: billing then issues invoices without a mandate, which nothing debits.
 * Each is re-checked under the contract's lock, so a collection recorded meanwhile keeps it.
 * Returns the references of the contracts whose mandate lapsed.
 */
export async function expireLapsedMandates(dependencies: ContractDependencies, today: IsoDate = momentOf(dependencies).today): Promise<string[]> {
  const lapsed: string[] = [];
  const audit = { actor: systemActor('mandate-expiry'), requestId: currentCorrelationId() ?? dependencies.newId() };
  for (const contractRef of await findLapsedMandateContractRefs(dependencies.db, today)) {
    const changed = await dependencies.db.transaction(async (tx) => {
      const contract = await findContractForUpdate(tx, contractRef, ALL_CUSTOMERS);
      if (!contract || !hasLapsed(contract.mandate, today)) return false;
      const command = { type: 'REVOKE_MANDATE', reason: lapseReasonOf(contract.mandate) } as const;
      const result = await changeContractIn(tx, contractRef, command, { now: dependencies.clock(), today, audit, newId: dependencies.newId });
      return result.kind === 'changed';
    });
    if (changed) lapsed.push(contractRef);
  }
  return lapsed;
}
