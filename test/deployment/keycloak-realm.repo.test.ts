import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { serviceNames } from '../../scripts/platform';
import { readRepoFile, repoRoot } from './repo-files';

interface Realm {
  clientScopes: Array<{ name: string; attributes?: Record<string, string>; protocolMappers?: Array<{ protocolMapper: string; config: Record<string, string> }> }>;
  scopeMappings: Array<{ clientScope: string; roles: string[] }>;
  clients: Array<{ clientId: string; defaultClientScopes: string[] }>;
  roles: { realm: Array<{ name: string }> };
}

const realm = JSON.parse(readRepoFile('infra/keycloak/boissipay-realm.json')) as Realm;

/** Every OAuth2 scope the specs' security schemes declare. */
function specScopes(): string[] {
  const scopes = new Set<string>();
  for (const file of readdirSync(path.join(repoRoot, 'specs', 'openapi')).filter((name) => name.endsWith('.yaml'))) {
    const spec = parse(readRepoFile(`specs/openapi/${file}`)) as { components: { securitySchemes: Record<string, { flows?: Record<string, { scopes?: Record<string, string> }> }> } };
    for (const scheme of Object.values(spec.components.securitySchemes)) {
      for (const flow of Object.values(scheme.flows ?? {})) for (const scope of Object.keys(flow.scopes ?? {})) scopes.add(scope);
    }
  }
  return [...scopes].sort();
}

const rolesOf = (scope: string) => realm.scopeMappings.find((mapping) => mapping.clientScope === scope)?.roles ?? [];
const readScope = (scope: string) => scope.endsWith(':read');

describe('the Keycloak realm (infra/keycloak/boissipay-realm.json)', () => {
  it('when a spec declares a scope, then the realm has a client scope of that name, put in the token and granted to some role', () => {
    const problems = specScopes().flatMap((scope) => {
      const clientScope = realm.clientScopes.find((candidate) => candidate.name === scope);
      if (!clientScope) return [`${scope}: no client scope`];
      if (clientScope.attributes?.['include.in.token.scope'] !== 'true') return [`${scope}: not written into the scope claim`];
      return rolesOf(scope).length === 0 ? [`${scope}: no role grants it`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('when a role grants scopes, then each role has all the scopes of the role below it: viewer < operator < admin', () => {
    const scopesOf = (role: string) => realm.scopeMappings.filter((mapping) => mapping.roles.includes(role)).map((mapping) => mapping.clientScope);
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual(['admin', 'operator', 'viewer']);
    expect(scopesOf('operator')).toEqual(expect.arrayContaining(scopesOf('viewer')));
    expect(scopesOf('admin')).toEqual(expect.arrayContaining(scopesOf('operator')));
    // The viewer reads, and does nothing else.
    expect(scopesOf('viewer').filter((scope) => !readScope(scope))).toEqual([]);
  });

  it('when a client gets a token, then it can carry every scope, and the four services as audiences', () => {
    const scoped = realm.clientScopes.filter((scope) => scope.attributes?.['include.in.token.scope'] === 'true').map((scope) => scope.name);
    for (const client of realm.clients) expect(client.defaultClientScopes).toEqual(expect.arrayContaining(['boissipay-api', ...scoped]));
    const audiences = (realm.clientScopes.find((scope) => scope.name === 'boissipay-api')?.protocolMappers ?? [])
      .filter((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')
      .map((mapper) => mapper.config['included.custom.audience']);
    expect(audiences.sort()).toEqual([...serviceNames].sort());
  });
});
