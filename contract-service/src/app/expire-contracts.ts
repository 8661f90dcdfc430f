import { ALL_CUSTOMERS } from '@boissipay/runtime';
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
  for (const contractRef of await findExpiredContractRefs(dependencies.db, today)) {
    const result = await changeContract(dependencies, { contractRef, scope: ALL_CUSTOMERS }, { type: 'EXPIRE' }, { now: dependencies.clock(), today });
    if (result.kind === 'changed') expired.push(contractRef);
  }
  return expired;
}
