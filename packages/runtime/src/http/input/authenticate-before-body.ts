import type { RequestHandler } from 'express';
import type { Logger } from '../../logging';
import { authenticate } from '../auth/bearer-security-handler';
import type { TokenVerifier } from '../auth/jwt';
import { attachPrincipal } from '../auth/principal';
import type { OpenApiDocument } from '../openapi/load-spec';

/**
 * Checks the bearer token before the body is read, for APIs whose every operation requires one:
 * an anonymous caller learns nothing about the body it sent (malformed, too large) and costs
 * no parsing. Scopes stay the validator's job (403), which reuses the principal found here.
 */
export function authenticateBeforeBody(spec: OpenApiDocument, verifyToken: TokenVerifier, logger: Logger): RequestHandler {
  if (!everyOperationIsSecured(spec)) return (_req, _res, next) => next();
  return (req, res, next) => {
    if (!carriesBody(req.headers)) return next();
    authenticate(verifyToken, req, logger).then((principal) => {
      attachPrincipal(res, principal);
      next();
    }, next);
  };
}

function carriesBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function everyOperationIsSecured(spec: OpenApiDocument): boolean {
  const document = spec as { security?: unknown[]; paths?: Record<string, Record<string, { security?: unknown[] }>> };
  const globallySecured = (document.security ?? []).length > 0;
  return Object.values(document.paths ?? {}).every((item) =>
    METHODS.every((method) => {
      const operation = item[method];
      if (!operation) return true;
      const security = operation.security ?? (globallySecured ? document.security : []);
      // An empty requirement object ({}) makes the operation callable anonymously.
      return (security ?? []).length > 0 && (security ?? []).every((requirement) => Object.keys(requirement as object).length > 0);
    }),
  );
}
