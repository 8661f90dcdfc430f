import type { OpenApiDocument } from './load-spec';

const BEARER = 'bearerToken';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The spec as Swagger UI shows it at /docs: the same operations, plus a "bearer token" way to
 * authorize beside each OAuth2 requirement, so that a token pasted in the Authorize dialog (from
 * `npm run token`, or an authorization server) is sent by "Try it out". Only the page changes:
 * /openapi.json stays the contract, and the service checks the token and its scopes as always.
 */
export function tryItOutSpec(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec) as Omit<OpenApiDocument, 'components' | 'security' | 'paths'> & {
    components?: { securitySchemes?: Record<string, unknown> };
    security?: Array<Record<string, string[]>>;
    paths?: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
  };
  copy.components = { ...copy.components, securitySchemes: { ...copy.components?.securitySchemes, [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Paste a token, e.g. from `npm run token -- <scopes>`.' } } };
  const withBearer = (requirements: Array<Record<string, string[]>> | undefined) =>
    requirements && requirements.length > 0 ? [...requirements, ...requirements.map((requirement) => ({ [BEARER]: Object.values(requirement).flat() }))] : requirements;
  copy.security = withBearer(copy.security);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.security) operation.security = withBearer(operation.security);
    }
  }
  return copy as OpenApiDocument;
}
