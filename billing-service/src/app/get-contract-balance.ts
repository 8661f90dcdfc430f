import type { CustomerScope } from '@boissipay/runtime';
import type { Queryable } from '../infra/database';
import { countOperations, findBalance, findContract, type OperationCounts } from '../infra/operations-repository';

export interface ContractBalance {
  contractRef: string;
  contractStatus: string;
  currency: string;
  outstandingMinor: number;
  limitMinor: number;
  availableMinor: number;
  counts: OperationCounts;
}

/**
 * Read side: straight from the tables, no domain involved. Undefined when billing knows no such
 * contract, or it is outside the caller's customer scope.
 */
export async function getContractBalance(db: Queryable, contractRef: string, scope: CustomerScope): Promise<ContractBalance | undefined> {
  const [contract, balance, counts] = await Promise.all([findContract(db, contractRef, scope), findBalance(db, contractRef), countOperations(db, contractRef)]);
  if (!contract) return undefined;
  const outstandingMinor = balance?.outstandingMinor ?? 0;
  return {
    contractRef,
    contractStatus: contract.status,
    currency: contract.limitCurrency,
    outstandingMinor,
    limitMinor: contract.limitMinor,
    availableMinor: contract.limitMinor - outstandingMinor,
    counts,
  };
}
