import type { Request } from 'express';
import type { Logger } from '../../logging';
import { ApiError } from '../errors/api-error';
import { InvalidTokenError, type Principal, type TokenVerifier } from './jwt';
import { attachPrincipal, authenticatedPrincipalOf } from './principal';

/** express-openapi-validator calls this with the scopes the operation's `security` requires. */
export type SecurityHandler = (req: Request, requiredScopes: string[]) => Promise<boolean>;

/**
 * Throws rather than returning false: the validator turns a thrown error's `status` and
 * message into its own error, which is how 401 and 403 stay distinct.
 */
export function bearerSecurityHandler(verifyToken: TokenVerifier, logger: Logger): SecurityHandler {
  return async (req, requiredScopes) => {
    const principal = (req.res && authenticatedPrincipalOf(req.res)) ?? (await authenticate(verifyToken, req, logger));
    const missing = requiredScopes.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) throw new ApiError(403, 'FORBIDDEN', `The bearer token lacks the scope(s): ${missing.join(', ')}.`);
    if (req.res) attachPrincipal(req.res, principal);
    return true;
  };
}

/** The caller behind the request's bearer token; a missing or invalid token is a 401 ApiError. */
export function authenticate(verifyToken: TokenVerifier, req: Request, logger: Logger): Promise<Principal> {
  return verify(verifyToken, bearerTokenOf(req), logger);
}

function bearerTokenOf(req: Request): string {
  const header = req.get('authorization');
  if (!header) throw new ApiError(401, 'UNAUTHORIZED', 'A bearer token is required.');
  const match = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i.exec(header);
  if (!match?.[1]) throw new ApiError(401, 'UNAUTHORIZED', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

async function verify(verifyToken: TokenVerifier, token: string, logger: Logger) {
  try {
    return await verifyToken(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new ApiError(401, 'UNAUTHORIZED', error.message);
    // The validator would report a status-less error as 401; a broken key server is our fault.
    logger.error({ err: error }, 'bearer token verification failed unexpectedly');
    throw Object.assign(new Error('Token verification is unavailable.'), { status: 500 });
  }
}
