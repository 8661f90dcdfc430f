import { permissionsOf, scopesOf } from './permissions';

describe('permissions', () => {
  it("when a viewer's scopes are read, then no action is allowed", () => {
    const viewer = permissionsOf(scopesOf('contracts:read invoices:read operations:read payments:read'));
    expect(Object.values(viewer).some(Boolean)).toBe(false);
  });

  it("when an operator's scopes are read, then everything but credit notes is allowed", () => {
    const operator = permissionsOf(scopesOf('contracts:write billing:run payments:operate deliveries:operate'));
    expect(operator).toEqual({ changeContracts: true, runBilling: true, operatePayments: true, operateDeliveries: true, creditInvoices: false });
  });

  it('when the claim is missing, then there is no scope', () => {
    expect(scopesOf(undefined)).toEqual([]);
  });
});
