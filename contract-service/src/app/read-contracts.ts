import type { Contract } from '../domain/contract';
import { findContract, searchContracts, type ContractFilters } from '../infra/contract-repository';
import type { ContractDependencies } from './dependencies';

/** The read side needs no domain: it reads the current rows as they are. */
export function getContract(dependencies: ContractDependencies, contractRef: string): Promise<Contract | undefined> {
  return findContract(dependencies.db, contractRef);
}

export function listContracts(
  dependencies: ContractDependencies,
  filters: ContractFilters,
  page: { offset: number; limit: number },
): Promise<{ contracts: Contract[]; totalItems: number }> {
  return searchContracts(dependencies.db, filters, page);
}
