import { customerScopeCondition, type CustomerScope } from '@boissipay/runtime';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { contracts } from './schema';

/** A contract's customer, as billing knows it: the subscriber's customerRef in the read model. */
const contractCustomerRef = sql`(${contracts.subscriber} ->> 'customerRef')`;

/** Keeps read-model contracts of the scope's customers; undefined (no condition) for every customer. */
export function contractOfScope(scope: CustomerScope): SQL | undefined {
  return customerScopeCondition(scope, contractCustomerRef);
}

/**
 * Keeps rows (operations, invoices, balances) whose contract belongs to the scope's customers.
 * Operations and invoices hold only the contractRef: the customer is the contract's, so a row
 * of a contract billing has no read model of is outside every restricted scope.
 */
export function ofContractInScope(scope: CustomerScope, contractRef: SQLWrapper): SQL | undefined {
  const ofCustomers = contractOfScope(scope);
  if (!ofCustomers) return undefined;
  return sql`${contractRef} in (select ${contracts.contractRef} from ${contracts} where ${ofCustomers})`;
}
