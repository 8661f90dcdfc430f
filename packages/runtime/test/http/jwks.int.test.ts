import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { signAccessToken } from '../../src/http';
import { expectError } from '../../src/testing';
import { startSampleApp, TEST_SECRET, type RunningSampleApp } from './support/sample-app';
import { bearer, tokenWith } from './support/tokens';

const KEY_ID = 'authorization-server-key-1';

/** Plays the authorization server: publishes the public half of its signing key. */
async function serveJwks(publicKey: KeyLike): Promise<{ url: string; server: Server }> {
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }] });
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
}

const tokenSignedBy = (privateKey: KeyLike) =>
  signAccessToken({ privateKey, algorithm: 'RS256', keyId: KEY_ID }, { subject: 'billing-client', scopes: ['samples:read'], ttlSeconds: 300 });

describe('bearer tokens checked against a JWKS', () => {
  let issuerKeys: { publicKey: KeyLike; privateKey: KeyLike };
  let jwks: { url: string; server: Server };
  let app: RunningSampleApp;
  beforeAll(async () => {
    issuerKeys = await generateKeyPair('RS256');
    jwks = await serveJwks(issuerKeys.publicKey);
    app = await startSampleApp({ auth: { jwksUrl: jwks.url } });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.server.close(resolve));
  });

  it('when the token is signed by the published key, then it is accepted', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenSignedBy(issuerKeys.privateKey)));
    expectError(response, 404, 'SAMPLE_NOT_FOUND');
  });

  it('when the token is signed by another key with the same kid, then 401', async () => {
    const impostor = await generateKeyPair('RS256');
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenSignedBy(impostor.privateKey)));
    expectError(response, 401, 'UNAUTHORIZED');
  });

  it('when an HS256 token arrives, then 401: only the published keys can sign', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenWith(['samples:read'])));
    expectError(response, 401, 'UNAUTHORIZED');
  });
});

describe('an unreachable JWKS', () => {
  it('when the key set cannot be fetched, then 500: the outage is ours, not the caller\'s', async () => {
    const { url, server } = await serveJwks((await generateKeyPair('RS256')).publicKey);
    await new Promise((resolve) => server.close(resolve));
    const app = await startSampleApp({ auth: { jwksUrl: url } });
    try {
      const keys = await generateKeyPair('RS256');
      const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenSignedBy(keys.privateKey)));
      expectError(response, 500, 'INTERNAL_ERROR');
    } finally {
      await app.close();
    }
  });
});

describe('a JWKS and the development secret side by side (outside production)', () => {
  const ISSUER = 'http://localhost:8090/realms/boissipay';
  let issuerKeys: { publicKey: KeyLike; privateKey: KeyLike };
  let jwks: { url: string; server: Server };
  let app: RunningSampleApp;
  beforeAll(async () => {
    issuerKeys = await generateKeyPair('RS256');
    jwks = await serveJwks(issuerKeys.publicKey);
    app = await startSampleApp({ auth: { jwksUrl: jwks.url, jwtSecret: TEST_SECRET, issuer: ISSUER } });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.server.close(resolve));
  });

  const serverToken = (issuer: string) =>
    signAccessToken({ privateKey: issuerKeys.privateKey, algorithm: 'RS256', keyId: KEY_ID }, { subject: 'machine', scopes: ['samples:read'], ttlSeconds: 300, issuer });

  it("when the authorization server's token names the expected issuer, then it is accepted", async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await serverToken(ISSUER)));
    expectError(response, 404, 'SAMPLE_NOT_FOUND');
  });

  it("when the authorization server's token names another issuer, then 401", async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await serverToken('http://elsewhere.example/realms/boissipay')));
    expectError(response, 401, 'UNAUTHORIZED');
  });

  it('when a development HS256 token arrives, then it is accepted: scripts and tests keep their tokens', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenWith(['samples:read'])));
    expectError(response, 404, 'SAMPLE_NOT_FOUND');
  });

  it('when an HS256 token is signed with another secret, then 401', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer(await tokenWith(['samples:read'], { secret: 'another-secret-of-enough-length' })));
    expectError(response, 401, 'UNAUTHORIZED');
  });

  it('when the token is not a JWT at all, then 401', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(bearer('not-a-jwt'));
    expectError(response, 401, 'UNAUTHORIZED');
  });
});
