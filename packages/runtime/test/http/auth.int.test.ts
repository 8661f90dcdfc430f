import { SignJWT } from 'jose';
import { expectError } from '../../src/testing';
import { startSampleApp, TEST_SECRET, type RunningSampleApp } from './support/sample-app';
import { bearer, tokenWith } from './support/tokens';

const validSample = { name: 'Lyon–Paris', quantity: 2, kind: 'EXPRESS' };

describe('bearer token auth', () => {
  let app: RunningSampleApp;
  beforeAll(async () => {
    app = await startSampleApp();
  });
  afterAll(() => app.close());

  it('when no token is sent, then 401 with a bare Bearer challenge', async () => {
    const response = await app.api.post('/v1/samples').send(validSample);
    expectError(response, 401, 'UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('when the token is garbage, then 401 with an invalid_token challenge', async () => {
    const response = await app.api.post('/v1/samples').set(bearer('not.a.jwt')).send(validSample);
    expectError(response, 401, 'UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('when the Authorization scheme is not Bearer, then 401', async () => {
    const response = await app.api.post('/v1/samples').set('Authorization', 'Basic dXNlcjpwYXNz').send(validSample);
    expectError(response, 401, 'UNAUTHORIZED');
  });

  it('when the token has expired, then 401 saying so', async () => {
    const expired = await tokenWith(['samples:write'], { ttlSeconds: -60 });
    const response = await app.api.post('/v1/samples').set(bearer(expired)).send(validSample);
    const body = expectError(response, 401, 'UNAUTHORIZED');
    expect(body.errors[0]?.message).toMatch(/expired/);
  });

  it('when the token is signed with another secret, then 401', async () => {
    const forged = await tokenWith(['samples:write'], { secret: 'some-other-secret-of-enough-length' });
    const response = await app.api.post('/v1/samples').set(bearer(forged)).send(validSample);
    expectError(response, 401, 'UNAUTHORIZED');
  });

  it('when the customers claim of the token is malformed, then 401: a restriction that cannot be read is not dropped', async () => {
    const malformed = await new SignJWT({ scope: 'samples:write', customers: 'CUST-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('portal')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_SECRET));
    const response = await app.api.post('/v1/samples').set(bearer(malformed)).send(validSample);
    const body = expectError(response, 401, 'UNAUTHORIZED');
    expect(body.errors[0]?.message).toMatch(/customers/);
  });

  it('when the token is valid but lacks the scope, then 403 naming the missing scope', async () => {
    const readOnly = await tokenWith(['samples:read']);
    const response = await app.api.post('/v1/samples').set(bearer(readOnly)).send(validSample);
    const body = expectError(response, 403, 'FORBIDDEN');
    expect(body.errors[0]?.message).toContain('samples:write');
    expect(response.headers['www-authenticate']).toBe('Bearer error="insufficient_scope"');
  });

  it('when the token carries the scope, then the handler runs and sees the principal', async () => {
    const token = await tokenWith(['samples:read', 'samples:write'], { subject: 'agency-42' });
    const response = await app.api.post('/v1/samples').set(bearer(token)).send(validSample);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...validSample, createdBy: 'agency-42' });
  });

  it('when the auth fails, then the body is not even validated (auth is checked first)', async () => {
    const response = await app.api.post('/v1/samples').send({ unexpected: true });
    expectError(response, 401, 'UNAUTHORIZED');
  });
});
