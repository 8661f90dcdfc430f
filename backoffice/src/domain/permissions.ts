/**
 * What the logged-in user may do, from the scopes of their access token (Keycloak maps roles to
 * scopes, ADR 0019). Only used to hide what would be refused: the services check the token anyway.
 * Redriving dead letters is the back office's own action on Kafka (no service owns it, ADR 0022):
 * it follows the realm roles, operator or admin, and the back office itself refuses it to others.
 */
export interface Permissions {
  changeContracts: boolean;
  runBilling: boolean;
  operatePayments: boolean;
  operateDeliveries: boolean;
  creditInvoices: boolean;
  redriveDeadLetters: boolean;
}

const REDRIVING_ROLES = ['operator', 'admin'];

export function permissionsOf(scopes: readonly string[], roles: readonly string[] = []): Permissions {
  const has = (scope: string) => scopes.includes(scope);
  return {
    changeContracts: has('contracts:write'),
    runBilling: has('billing:run'),
    operatePayments: has('payments:operate'),
    operateDeliveries: has('deliveries:operate'),
    creditInvoices: has('invoices:credit'),
    redriveDeadLetters: roles.some((role) => REDRIVING_ROLES.includes(role)),
  };
}

/** The `scope` claim of an access token, space separated. */
export function scopesOf(scopeClaim: unknown): string[] {
  return typeof scopeClaim === 'string' ? scopeClaim.split(' ').filter(Boolean) : [];
}

/** The realm roles of an access token (`realm_access.roles`). */
export function rolesOf(realmAccessClaim: unknown): string[] {
  const roles = (realmAccessClaim as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}
