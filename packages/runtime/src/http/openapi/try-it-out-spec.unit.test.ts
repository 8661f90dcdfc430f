import type { OpenApiDocument } from './load-spec';
import { tryItOutSpec } from './try-it-out-spec';

describe('tryItOutSpec', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    security: [{ oauth2: [] }],
    components: { securitySchemes: { oauth2: { type: 'oauth2', flows: {} } } },
    paths: { '/v1/things': { post: { security: [{ oauth2: ['things:write'] }], responses: {} }, get: { responses: {} } } },
  } as unknown as OpenApiDocument;

  it('when shown in Swagger UI, then each OAuth2 requirement gets a bearer-token alternative with the same scopes, and the source is untouched', () => {
    const page = tryItOutSpec(spec) as unknown as { security: unknown; components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, { security?: unknown }>> };
    expect(page.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(page.paths['/v1/things']?.post?.security).toEqual([{ oauth2: ['things:write'] }, { bearerToken: ['things:write'] }]);
    expect(page.security).toEqual([{ oauth2: [] }, { bearerToken: [] }]);
    expect(page.paths['/v1/things']?.get?.security).toBeUndefined();
    expect(JSON.stringify(spec)).not.toContain('bearerToken');
  });

  const withClientCredentials = {
    ...spec,
    components: { securitySchemes: { oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/oauth2/token', scopes: { 'things:write': 'Write things' } } } } } },
  } as unknown as OpenApiDocument;
  const flowsOf = (page: OpenApiDocument) => (page as unknown as { components: { securitySchemes: { oauth2: { flows: Record<string, unknown> } } } }).components.securitySchemes.oauth2.flows;

  it('when "Try it out" sends a request, then it goes to the origin of the page: the service, or the gateway in front of it', () => {
    const page = tryItOutSpec({ ...spec, servers: [{ url: 'http://127.0.0.1:8080/v1' }] } as unknown as OpenApiDocument) as unknown as { servers: Array<{ url: string }> };
    expect(page.servers.map((server) => server.url)).toEqual(['/v1', 'http://127.0.0.1:8080/v1']);
  });

  it('when no authorization server is configured, then the OAuth2 flows are the spec\'s', () => {
    expect(flowsOf(tryItOutSpec(withClientCredentials))).toEqual(flowsOf(withClientCredentials));
  });

  it('when its token endpoint is configured, then the client-credentials flow asks it for tokens, with the same scopes', () => {
    const tokenUrl = 'http://localhost:8090/realms/boissipay/protocol/openid-connect/token';
    expect(flowsOf(tryItOutSpec(withClientCredentials, { tokenUrl }))).toEqual({ clientCredentials: { tokenUrl, scopes: { 'things:write': 'Write things' } } });
  });

  it('when its authorization endpoint is configured too, then a login (authorization code) is offered beside the client credentials', () => {
    const tokenUrl = 'http://localhost:8090/realms/boissipay/protocol/openid-connect/token';
    const authorizationUrl = 'http://localhost:8090/realms/boissipay/protocol/openid-connect/auth';
    expect(flowsOf(tryItOutSpec(withClientCredentials, { tokenUrl, authorizationUrl }))).toEqual({
      clientCredentials: { tokenUrl, scopes: { 'things:write': 'Write things' } },
      authorizationCode: { authorizationUrl, tokenUrl, scopes: { 'things:write': 'Write things' } },
    });
    expect(JSON.stringify(withClientCredentials)).toContain('auth.example.com');
  });
});
