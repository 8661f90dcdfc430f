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
});
