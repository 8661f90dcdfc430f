import type { Response } from 'express';
import type { Principal } from './jwt';

/** Set by the security handler once the token and its scopes have been checked. */
export function attachPrincipal(res: Response, principal: Principal): void {
  res.locals.principal = principal;
}

/** The principal already attached to the response, if any. */
export function authenticatedPrincipalOf(res: Response): Principal | undefined {
  const principal: unknown = res.locals.principal;
  return isPrincipal(principal) ? principal : undefined;
}

/** The caller of a secured operation; throws (a 500) when the operation declares no security. */
export function principalOf(res: Response): Principal {
  const principal: unknown = res.locals.principal;
  if (!isPrincipal(principal)) throw new Error('No authenticated principal: the operation declares no security requirement.');
  return principal;
}

function isPrincipal(value: unknown): value is Principal {
  return typeof value === 'object' && value !== null && typeof (value as Principal).subject === 'string' && Array.isArray((value as Principal).scopes);
}
