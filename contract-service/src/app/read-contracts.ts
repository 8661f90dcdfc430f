import type { CustomerScope } from '@boissipay/runtime';
import type { Contract } from '../domain/contract';
import { findContract, searchContracts, type ContractFilters } from '../infra/contract-repository';
import type { ContractDependencies } from './dependencies';

/** The read side needs no domain: it reads the current rows as they are. */
export function getContract(dependencies: ContractDependencies, contractRef: string, scope: CustomerScope): Promise<Contract | undefined> {
  return findContract(dependencies.db, contractRef, scope);
}

export function listContracts(
  dependencies: ContractDependencies,
  filters: ContractFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ contracts: Contract[]; totalItems: number }> {
  return searchContracts(dependencies.db, filters, page, scope);
}
