import { expectError } from '../../src/testing';
import { startSampleApp, type RunningSampleApp } from './support/sample-app';
import { bearer, tokenWith } from './support/tokens';

const validSample = { name: 'Lyon–Paris', quantity: 2, kind: 'EXPRESS' };

describe('request validation against the spec', () => {
  let app: RunningSampleApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    app = await startSampleApp();
    auth = bearer(await tokenWith(['samples:read', 'samples:write']));
  });
  afterAll(() => app.close());

  const create = (body: unknown) => app.api.post('/v1/samples').set(auth).send(body as object);

  it('when the body is not valid JSON, then 400 MALFORMED_JSON', async () => {
    const response = await app.api.post('/v1/samples').set(auth).set('Content-Type', 'application/json').send('{"name": "x",');
    const body = expectError(response, 400, 'MALFORMED_JSON');
    expect(body.errors[0]?.path).toBe('/v1/samples');
  });

  it('when fields have the wrong types, then 400 with one entry per field', async () => {
    const response = await create({ name: 42, quantity: 'two', kind: 'EXPRESS' });
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors.map((entry) => entry.path).sort()).toEqual(['/body/name', '/body/quantity']);
  });

  it('when a field the spec does not know is sent, then 400 naming it', async () => {
    const response = await create({ ...validSample, price: 10 });
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors.map((entry) => entry.path)).toEqual(['/body/price']);
  });

  it('when required fields are missing, then 400 listing each of them', async () => {
    const response = await create({ name: 'x' });
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors.map((entry) => entry.path).sort()).toEqual(['/body/kind', '/body/quantity']);
  });

  it('when a value breaks a constraint (maxLength, enum, minimum), then 400', async () => {
    const response = await create({ name: 'x'.repeat(41), quantity: 0, kind: 'SLOW' });
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors.map((entry) => entry.path).sort()).toEqual(['/body/kind', '/body/name', '/body/quantity']);
  });

  it('when the body and its Content-Type are missing, then 415', async () => {
    const response = await app.api.post('/v1/samples').set(auth);
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the body is an empty JSON object, then 400 listing every required field', async () => {
    const response = await create({});
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toHaveLength(3);
  });

  it('when an unknown query parameter is sent, then 400', async () => {
    const response = await app.api.get('/v1/samples/abc?debug=true').set(auth);
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(body.errors[0]?.path).toBe('/query/debug');
  });

  it('when a path parameter breaks its pattern, then 400', async () => {
    const response = await app.api.get('/v1/samples/NOT_VALID').set(auth);
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('when the body exceeds the size limit, then 413', async () => {
    const response = await create({ ...validSample, note: 'x'.repeat(1500) });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('when the body is not JSON, then 415', async () => {
    const response = await app.api.post('/v1/samples').set(auth).set('Content-Type', 'text/plain').send('name=x');
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the method is not in the spec, then 405 with an Allow header', async () => {
    const response = await app.api.delete('/v1/samples').set(auth);
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toContain('POST');
  });

  it('when the route is unknown, then 404', async () => {
    const response = await app.api.get('/v1/nothing-here').set(auth);
    expectError(response, 404, 'NOT_FOUND');
  });

  it('when a handler throws an ApiError, then its status, code and message are returned', async () => {
    const response = await app.api.get('/v1/samples/unknown-id').set(auth);
    const body = expectError(response, 404, 'SAMPLE_NOT_FOUND');
    expect(body.errors[0]).toMatchObject({ path: '/v1/samples/unknown-id', message: 'No sample unknown-id.' });
  });
});
