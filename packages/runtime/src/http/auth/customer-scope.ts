import { inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Response } from 'express';
import { ApiError } from '../errors/api-error';
import { principalOf } from './principal';

/**
 * Whose data a caller may read and change: every customer's (a back-office token, no
 * `customers` claim) or only the listed customers' (docs/architecture.md, Customer isolation).
 * It travels from the HTTP edge to the use cases and repositories as a value, and ends up in
 * SQL WHERE clauses: a row outside it is simply not found, which the API answers 404, so a
 * caller cannot even learn that another customer's contract or invoice exists.
 */
export type CustomerScope = { readonly kind: 'all-customers' } | { readonly kind: 'customers'; readonly customerRefs: readonly string[] };

export const ALL_CUSTOMERS: CustomerScope = Object.freeze({ kind: 'all-customers' });

export function customerScopeFor(customers: readonly string[] | undefined): CustomerScope {
  return customers ? Object.freeze({ kind: 'customers', customerRefs: Object.freeze([...customers]) }) : ALL_CUSTOMERS;
}

/** The scope of the caller of a secured operation (its token's `customers` claim). */
export function customerScopeOf(res: Response): CustomerScope {
  return customerScopeFor(principalOf(res).customers);
}

/** A row with no customer (e.g. recorded before customers were tracked) is outside every restricted scope. */
export function isInCustomerScope(scope: CustomerScope, customerRef: string | null | undefined): boolean {
  if (scope.kind === 'all-customers') return true;
  return customerRef != null && scope.customerRefs.includes(customerRef);
}

/**
 * The WHERE condition keeping a query to the scope: undefined (no condition) for every customer,
 * else `customerRef IN (…)`, which also leaves out rows whose customer is NULL. `drizzle`'s
 * `and(…)` ignores an undefined condition, so a repository adds it beside its own filters.
 */
export function customerScopeCondition(scope: CustomerScope, customerRef: SQLWrapper): SQL | undefined {
  if (scope.kind === 'all-customers') return undefined;
  return inArray(customerRef, [...scope.customerRefs]);
}

/**
 * For operator actions over every customer at once (a billing run): a token restricted to
 * some customers is refused, 403, whatever its scopes. Nothing about another customer is
 * revealed by it: the answer depends on the token alone.
 */
export function requireAllCustomers(res: Response): void {
  if (customerScopeOf(res).kind === 'all-customers') return;
  throw new ApiError(403, 'FORBIDDEN', 'This operation acts on every customer: a token restricted to some customers (customers claim) cannot use it.');
}
