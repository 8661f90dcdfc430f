/**
 * What the logged-in user may do, from the scopes of their access token (Keycloak maps roles to
 * scopes, ADR 0019). Only used to hide what would be refused: the services check the token anyway.
 */
export interface Permissions {
  changeContracts: boolean;
  runBilling: boolean;
  operatePayments: boolean;
  operateDeliveries: boolean;
  creditInvoices: boolean;
}

export function permissionsOf(scopes: readonly string[]): Permissions {
  const has = (scope: string) => scopes.includes(scope);
  return {
    changeContracts: has('contracts:write'),
    runBilling: has('billing:run'),
    operatePayments: has('payments:operate'),
    operateDeliveries: has('deliveries:operate'),
    creditInvoices: has('invoices:credit'),
  };
}

/** The `scope` claim of an access token, space separated. */
export function scopesOf(scopeClaim: unknown): string[] {
  return typeof scopeClaim === 'string' ? scopeClaim.split(' ').filter(Boolean) : [];
}
