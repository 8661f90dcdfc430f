import { SignJWT } from 'jose';
import { customerScopeFor, isInCustomerScope } from './customer-scope';
import { createTokenVerifier, InvalidTokenError, signAccessToken } from './jwt';

const secret = 'customer-claim-unit-test-secret-0123';
const verify = createTokenVerifier({ jwtSecret: secret });

function tokenWithClaim(customers: unknown): Promise<string> {
  return new SignJWT({ scope: 'contracts:read', customers })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('travel-agency')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

describe('the customers claim', () => {
  it('when the token has no customers claim, then the principal is unrestricted', async () => {
    const token = await signAccessToken({ secret }, { subject: 'back-office', scopes: ['contracts:read'], ttlSeconds: 60 });
    const principal = await verify(token);
    expect(principal.customers).toBeUndefined();
    expect(customerScopeFor(principal.customers)).toEqual({ kind: 'all-customers' });
  });

  it('when the token lists customers, then the principal acts for exactly those', async () => {
    const token = await signAccessToken({ secret }, { subject: 'portal', scopes: ['contracts:read'], ttlSeconds: 60, customers: ['C1', 'C2', 'C1'] });
    const principal = await verify(token);
    expect(principal.customers).toEqual(['C1', 'C2']);
    const scope = customerScopeFor(principal.customers);
    expect(isInCustomerScope(scope, 'C2')).toBe(true);
    expect(isInCustomerScope(scope, 'C3')).toBe(false);
    expect(isInCustomerScope(scope, null)).toBe(false);
  });

  it.each([['a string', 'C1'], ['an empty array', []], ['a number inside', ['C1', 7]], ['an empty reference', ['']], ['null', null]])(
    'when the claim is %s, then the token is refused as invalid',
    async (_label, claim) => {
      await expect(verify(await tokenWithClaim(claim))).rejects.toThrow(InvalidTokenError);
      await expect(verify(await tokenWithClaim(claim))).rejects.toThrow(/customers/);
    },
  );
});
