import { ALL_CUSTOMERS, currentCorrelationId, systemActor } from '@boissipay/runtime';
import type { IsoDate } from '../domain/contract';
import { findExpiredContractRefs } from '../infra/contract-repository';
import { changeContract } from './change-contract';
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
