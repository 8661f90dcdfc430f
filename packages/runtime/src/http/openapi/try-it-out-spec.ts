import type { OpenApiDocument } from './load-spec';

/** Where the Authorize dialog of /docs gets tokens; unset parts keep the spec's flows. */
export interface DocsAuthorization {
  tokenUrl?: string;
  authorizationUrl?: string;
}

interface OAuthFlows {
  clientCredentials?: { tokenUrl: string; scopes: Record<string, string> };
  authorizationCode?: { authorizationUrl: string; tokenUrl: string; scopes: Record<string, string> };
}

const BEARER = 'bearerToken';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The spec as Swagger UI shows it at /docs: the same operations, plus a "bearer token" way to
 * authorize beside each OAuth2 requirement, so that a token pasted in the Authorize dialog (from
 * `npm run token`, or an authorization server) is sent by "Try it out". When the authorization
 * server is known, the OAuth2 flows point at it (client credentials; a login with authorization
 * code and PKCE when its authorization endpoint is given too). Only the page changes:
 * /openapi.json stays the contract, and the service checks the token and its scopes as always.
 */
export function tryItOutSpec(spec: OpenApiDocument, authorization: DocsAuthorization = {}): OpenApiDocument {
  const copy = structuredClone(spec) as Omit<OpenApiDocument, 'components' | 'security' | 'paths' | 'servers'> & {
    servers?: Array<{ url: string; description?: string }>;
    components?: { securitySchemes?: Record<string, unknown> };
    security?: Array<Record<string, string[]>>;
    paths?: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
  };
  // "Try it out" calls the origin the page came from: the service itself, or the gateway in front of it.
  copy.servers = [{ url: '/v1', description: 'where this page is served from (the service, or the gateway)' }, ...(copy.servers ?? [])];
  const schemes = Object.fromEntries(Object.entries(copy.components?.securitySchemes ?? {}).map(([name, scheme]) => [name, withFlowsOf(scheme, authorization)]));
  copy.components = { ...copy.components, securitySchemes: { ...schemes, [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Paste a token, e.g. from `npm run token -- <scopes>`.' } } };
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

function withFlowsOf(scheme: unknown, { tokenUrl, authorizationUrl }: DocsAuthorization): unknown {
  const oauth = scheme as { type?: string; flows?: OAuthFlows };
  if (oauth.type !== 'oauth2' || !tokenUrl) return scheme;
  const scopes = oauth.flows?.clientCredentials?.scopes ?? oauth.flows?.authorizationCode?.scopes ?? {};
  const flows: OAuthFlows = { ...oauth.flows, clientCredentials: { ...oauth.flows?.clientCredentials, tokenUrl, scopes } };
  if (authorizationUrl) flows.authorizationCode = { authorizationUrl, tokenUrl, scopes };
  return { ...oauth, flows };
}
