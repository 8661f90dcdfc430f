import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { SecurityHandler } from '../auth/bearer-security-handler';
import type { OpenApiDocument } from './load-spec';
import { strictFormats } from './strict-formats';

export interface OpenApiValidationOptions {
  specPath: string;
  spec: OpenApiDocument;
  validateResponses: boolean;
  bearerHandler: SecurityHandler;
}

/**
 * Every request is checked against the spec before a handler runs: unknown routes (404),
 * methods (405), media types (415), tokens and scopes (401/403), then parameters and body
 * (400, every problem at once, unknown query parameters and properties refused).
 */
export function openApiValidation(options: OpenApiValidationOptions): RequestHandler[] {
  return OpenApiValidator.middleware({
    // The path, not the parsed object: relative $refs then resolve against the spec's folder.
    apiSpec: options.specPath,
    validateApiSpec: true,
    validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
    validateResponses: options.validateResponses,
    validateSecurity: { handlers: bearerHandlersFor(options.spec, options.bearerHandler) },
    validateFormats: true,
    // Full mode also rejects impossible values such as 2024-02-30, not just malformed ones.
    ajvFormats: { mode: 'full' },
    // Applied after ajv-formats', so they replace its uuid, date and date-time.
    formats: strictFormats,
  });
}

/** Every OAuth2 / OpenID Connect / HTTP bearer scheme of the spec is a bearer JWT here. */
function bearerHandlersFor(spec: OpenApiDocument, handler: SecurityHandler): Record<string, SecurityHandler> {
  const schemes = Object.entries(spec.components?.securitySchemes ?? {});
  const bearerSchemes = schemes.filter(([, scheme]) => scheme.type === 'oauth2' || scheme.type === 'openIdConnect' || (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer'));
  return Object.fromEntries(bearerSchemes.map(([name]) => [name, handler]));
}
