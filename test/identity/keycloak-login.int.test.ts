import { createHash, randomBytes } from 'node:crypto';
import { signAccessToken } from '@boissipay/runtime';
import { expectError } from '@boissipay/runtime/testing';
import { startBillingUnderTest, type BillingUnderTest } from '../../billing-service/test/support/billing-under-test';
import { startContractService, type ContractServiceUnderTest } from '../../contract-service/test/support/contract-service-under-test';
import { startMailer, type MailerUnderTest } from '../../invoice-mailer/test/support/mailer-under-test';
import { startPaymentService, type PaymentServiceUnderTest } from '../../payment-service/test/support/payment-service-under-test';
import { localEndpoints } from '../../infra/endpoints';

/**
 * Real logins against the local Keycloak (`npm test` starts it; alone: `npx tsx infra/cli.ts
 * start keycloak`) with the realm of infra/keycloak/boissipay-realm.json, and the four services
 * configured as in production: Keycloak's JWKS, its issuer, and their own name as audience.
 */
const { keycloak } = localEndpoints;
const DEMO_PASSWORD = 'boissipay-demo';

async function requestToken(form: Record<string, string>): Promise<string> {
  const response = await fetch(keycloak.tokenUrl, { method: 'POST', body: new URLSearchParams(form) });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || body.access_token === undefined) throw new Error(`Keycloak refused the token request (${response.status}): ${body.error_description ?? JSON.stringify(body)}`);
  return body.access_token;
}

const machineToken = () => requestToken({ grant_type: 'client_credentials', client_id: 'boissipay-machine', client_secret: 'boissipay-machine-secret' });
const userToken = (username: string) => requestToken({ grant_type: 'password', client_id: 'boissipay-cli', username, password: DEMO_PASSWORD });

/** The browser's first step of a back-office login: Keycloak's authorization endpoint. */
function backOfficeAuthorization(params: Record<string, string>): URL {
  const url = new URL(keycloak.authorizationUrl);
  for (const [name, value] of Object.entries({ client_id: 'boissipay-backoffice', response_type: 'code', scope: 'openid', ...params })) url.searchParams.set(name, value);
  return url;
}

function claimsOf(token: string): { scope?: string; aud?: string[]; iss?: string; realm_access?: { roles?: string[] } } {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as ReturnType<typeof claimsOf>;
}

const DEVELOPMENT_SECRET = 'keycloak-login-test-development-secret';
const keycloakEnv = (audience: string) => ({
  AUTH_JWKS_URL: keycloak.jwksUrl,
  AUTH_ISSUER: keycloak.issuer,
  AUTH_AUDIENCE: audience,
  AUTH_JWT_SECRET: DEVELOPMENT_SECRET,
  AUTH_OAUTH_TOKEN_URL: keycloak.browserTokenUrl,
  AUTH_OAUTH_AUTHORIZATION_URL: keycloak.authorizationUrl,
});
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  const answers = await fetch(keycloak.discoveryUrl).then((response) => response.ok, () => false);
  if (!answers) throw new Error(`Keycloak does not answer at ${keycloak.discoveryUrl}: run \`npx tsx infra/cli.ts start keycloak\` (npm test starts it).`);
});

describe('tokens issued by the local Keycloak', () => {
  it('when the machine client and the demo users log in, then their roles give them the scopes of the realm, for the four services', async () => {
    const machine = claimsOf(await machineToken());
    expect(machine.iss).toBe(keycloak.issuer);
    expect([...(machine.aud ?? [])].sort()).toEqual(['billing-service', 'contract-service', 'invoice-mailer', 'payment-service']);
    expect(machine.realm_access?.roles).toEqual(['operator']);

    const scopesOf = async (username: string) => (claimsOf(await userToken(username)).scope ?? '').split(' ').filter(Boolean).sort();
    const read = ['contracts:read', 'invoices:read', 'operations:read', 'payments:read'];
    const operate = ['billing:run', 'contracts:write', 'deliveries:operate', 'operations:write', 'payments:operate'];
    expect(await scopesOf('viewer')).toEqual(read);
    expect(await scopesOf('operator')).toEqual([...read, ...operate].sort());
    expect(await scopesOf('admin')).toEqual([...read, ...operate, 'audit:read', 'invoices:credit'].sort());
  });

  it('when a demo user logs in to the back office (authorization code with PKCE, as Swagger UI does), then the code becomes a token with their scopes', async () => {
    const redirectUri = 'http://localhost:8080/docs/oauth2-redirect.html';
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const loginPage = await fetch(backOfficeAuthorization({ redirect_uri: redirectUri, state: 'docs', code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
    const cookies = loginPage.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    const action = /action="([^"]+)"/.exec(await loginPage.text())?.[1]?.replace(/&amp;/g, '&');
    expect(action).toBeDefined();
    const loggedIn = await fetch(action as string, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookies },
      body: new URLSearchParams({ username: 'operator', password: DEMO_PASSWORD }),
    });
    expect(loggedIn.status).toBe(302);
    const code = new URL(loggedIn.headers.get('location') ?? '').searchParams.get('code');
    expect(code).toBeTruthy();
    const token = await requestToken({ grant_type: 'authorization_code', client_id: 'boissipay-backoffice', code: code as string, redirect_uri: redirectUri, code_verifier: verifier });
    expect(claimsOf(token).scope?.split(' ')).toEqual(expect.arrayContaining(['contracts:write', 'billing:run']));
  });

  it('when the back office asks for a code without PKCE, then Keycloak refuses', async () => {
    const response = await fetch(backOfficeAuthorization({ redirect_uri: 'http://localhost:8080/docs/oauth2-redirect.html' }), { redirect: 'manual' });
    expect(new URL(response.headers.get('location') ?? 'http://none/').searchParams.get('error')).toBe('invalid_request');
  });

  it('when a demo user gives a wrong password, then Keycloak refuses to log in', async () => {
    await expect(requestToken({ grant_type: 'password', client_id: 'boissipay-cli', username: 'viewer', password: 'wrong' })).rejects.toThrow(/401/);
  });
});

describe('the four services, checking Keycloak tokens as in production', () => {
  let contract: ContractServiceUnderTest;
  let billing: BillingUnderTest;
  let payment: PaymentServiceUnderTest;
  let mailer: MailerUnderTest;
  let viewer: string;
  let operator: string;
  let machine: string;

  beforeAll(async () => {
    [contract, billing, payment, mailer] = await Promise.all([
      startContractService(keycloakEnv('contract-service')),
      startBillingUnderTest(keycloakEnv('billing-service')),
      startPaymentService(keycloakEnv('payment-service')),
      startMailer(keycloakEnv('invoice-mailer')),
    ]);
    [viewer, operator, machine] = await Promise.all([userToken('viewer'), userToken('operator'), machineToken()]);
  });
  afterAll(async () => {
    await Promise.all([contract, billing, payment, mailer].filter(Boolean).map((service) => service.stop()));
  });

  it('when the viewer, the operator or the machine client reads from each service, then 200', async () => {
    for (const token of [viewer, operator, machine]) {
      expect((await contract.api.get('/v1/contracts').set(bearer(token))).status).toBe(200);
      expect((await billing.api.get('/v1/invoices').set(bearer(token))).status).toBe(200);
      expect((await billing.api.get('/v1/operations').set(bearer(token))).status).toBe(200);
      expect((await payment.api.get('/v1/payments').set(bearer(token))).status).toBe(200);
      expect((await mailer.api.get('/v1/deliveries').set(bearer(token))).status).toBe(200);
    }
  });

  it('when the viewer creates a contract or starts a billing run, then 403: the viewer role lacks the scope', async () => {
    const created = await contract.api.post('/v1/contracts').set(bearer(viewer)).send({});
    expectError(created, 403, 'FORBIDDEN');
    expect(JSON.stringify(created.body.errors)).toContain('contracts:write');
    const run = await billing.api.post('/v1/billing-runs').set(bearer(viewer)).send({ period: '2026-10', dryRun: true });
    expectError(run, 403, 'FORBIDDEN');
    expect(JSON.stringify(run.body.errors)).toContain('billing:run');
  });

  it('when the operator lists billing runs, then 200: the operator role grants billing:run', async () => {
    expect((await billing.api.get('/v1/billing-runs').set(bearer(operator))).status).toBe(200);
  });

  it("when Swagger UI at /docs is shown, then its OAuth2 flows ask Keycloak for tokens, and Keycloak lets that page's origin call it", async () => {
    const init = await contract.api.get('/docs/swagger-ui-init.js');
    expect(init.text).toContain(`"tokenUrl": "${keycloak.browserTokenUrl}"`);
    expect(init.text).toContain(`"authorizationUrl": "${keycloak.authorizationUrl}"`);
    expect(init.text).toContain('"usePkceWithAuthorizationCodeGrant": true');
    // Where Keycloak sends the browser back after a login.
    expect((await contract.api.get('/docs/oauth2-redirect.html')).status).toBe(200);
    // What the browser does for "Authorize" with client credentials on the contract service's /docs.
    const origin = 'http://localhost:8080';
    const response = await fetch(keycloak.tokenUrl, {
      method: 'POST',
      headers: { Origin: origin },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'boissipay-machine', client_secret: 'boissipay-machine-secret' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('when a development HS256 token (as `npm run token` signs) is used beside Keycloak, then it is still accepted, its audience checked', async () => {
    const development = (audience: string) =>
      signAccessToken({ secret: DEVELOPMENT_SECRET }, { subject: 'local-dev', scopes: ['payments:read'], ttlSeconds: 60, audience });
    expect((await payment.api.get('/v1/payments').set(bearer(await development('payment-service')))).status).toBe(200);
    expectError(await payment.api.get('/v1/payments').set(bearer(await development('billing-service'))), 401, 'UNAUTHORIZED');
  });
});

describe('a Keycloak token the service must refuse', () => {
  let payment: PaymentServiceUnderTest;
  let viewer: string;
  beforeAll(async () => {
    payment = await startPaymentService(keycloakEnv('ledger-service'));
    viewer = await userToken('viewer');
  });
  afterAll(async () => {
    await payment?.stop();
  });

  it('when the token is not meant for this service (audience), then 401', async () => {
    expectError(await payment.api.get('/v1/payments').set(bearer(viewer)), 401, 'UNAUTHORIZED');
  });

  it('when the service expects another issuer, then 401', async () => {
    await payment.restart({ ...keycloakEnv('payment-service'), AUTH_ISSUER: 'https://login.boissipay.example/realms/boissipay' });
    expectError(await payment.api.get('/v1/payments').set(bearer(viewer)), 401, 'UNAUTHORIZED');
  });

  it('when the same token meets the right audience and issuer, then 200: the refusals above were about them', async () => {
    await payment.restart(keycloakEnv('payment-service'));
    expect((await payment.api.get('/v1/payments').set(bearer(viewer))).status).toBe(200);
  });
});
