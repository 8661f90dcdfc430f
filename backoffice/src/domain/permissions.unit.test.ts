import { permissionsOf, rolesOf, scopesOf } from './permissions';

describe('permissions', () => {
  it("when a viewer's scopes are read, then no action is allowed", () => {
    const viewer = permissionsOf(scopesOf('contracts:read invoices:read operations:read payments:read'), rolesOf({ roles: ['viewer'] }));
    expect(Object.values(viewer).some(Boolean)).toBe(false);
  });

  it("when an operator's scopes are read, then everything but credit notes is allowed", () => {
    const operator = permissionsOf(scopesOf('contracts:write billing:run payments:operate deliveries:operate'), rolesOf({ roles: ['operator'] }));
    expect(operator).toEqual({ changeContracts: true, runBilling: true, operatePayments: true, operateDeliveries: true, creditInvoices: false, redriveDeadLetters: true });
  });

  it('when an admin logs in, then they may redrive dead letters too', () => {
    expect(permissionsOf([], rolesOf({ roles: ['admin'] })).redriveDeadLetters).toBe(true);
  });

  it('when the claims are missing, then there is no scope and no role', () => {
    expect(scopesOf(undefined)).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
    expect(rolesOf({ roles: 'operator' })).toEqual([]);
  });
});
