import { Pool } from 'pg';
import type { Response } from 'supertest';
import { testEnvironment } from '../support/test-environment';
import { startSampleApp, type RunningSampleApp } from './support/sample-app';
import { bearer, tokenWith } from './support/tokens';

const codesOf = (response: Response) => (response.body.errors as Array<{ errorCode: string }>).map((entry) => entry.errorCode);

describe('hostile input at the edge', () => {
  let app: RunningSampleApp;
  const created: unknown[] = [];
  const pool = new Pool({ connectionString: testEnvironment.postgresAdminUrl, max: 1 });
  // A pooled client whose server goes away is reported on the pool: not a crash of the test process.
  pool.on('error', () => undefined);

  beforeAll(async () => {
    app = await startSampleApp({
      mountRoutes: (router) => {
        router.post('/v1/samples', (req, res) => {
          created.push(req.body);
          res.status(201).json({ ...req.body, id: 'sample-1', createdBy: 'test', createdAt: new Date().toISOString() });
        });
        router.get('/v1/samples/:sampleId', async () => {
          // The database server ends the connection under the query, as in a failover (57P01 admin_shutdown).
          await pool.query('select pg_terminate_backend(pg_backend_pid())');
        });
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('when a body comes without a token, then 401 before the body is read, malformed or too large', async () => {
    const malformed = await app.api.post('/v1/samples').set('Content-Type', 'application/json').send('{"name": ');
    expect(malformed.status).toBe(401);
    expect(codesOf(malformed)).toEqual(['UNAUTHORIZED']);
    const tooLarge = await app.api.post('/v1/samples').set('Content-Type', 'application/json').send(JSON.stringify({ note: 'x'.repeat(300_000) }));
    expect(tooLarge.status).toBe(401);
    const badToken = await app.api.post('/v1/samples').set(bearer('not-a-token')).send({ name: 'a', quantity: 1, kind: 'STANDARD' });
    expect(badToken.status).toBe(401);
  });

  it('when the token is good but the body is not, then the body errors are reported as before', async () => {
    const token = await tokenWith(['samples:write']);
    expect((await app.api.post('/v1/samples').set(bearer(token)).set('Content-Type', 'application/json').send('{"name": ')).status).toBe(400);
    const tooLarge = await app.api.post('/v1/samples').set(bearer(token)).send({ name: 'a', quantity: 1, kind: 'STANDARD', note: 'x'.repeat(5_000) });
    expect(tooLarge.status).toBe(413);
    const lackingScope = await app.api.post('/v1/samples').set(bearer(await tokenWith(['samples:read']))).send({ name: 'a', quantity: 1, kind: 'STANDARD' });
    expect(lackingScope.status).toBe(403);
  });

  it.each([
    ['a NUL', 'Train\u0000'],
    ['a lone high surrogate', 'Train \ud800'],
    ['a lone low surrogate', '\udc00 Paris'],
  ])('when a body string holds %s, then 400 and the handler never runs', async (_what, name) => {
    const before = created.length;
    const response = await app.api
      .post('/v1/samples')
      .set(bearer(await tokenWith(['samples:write'])))
      .set('Content-Type', 'application/json')
      // JSON escapes, as a client would send them: the text reaches the server as it is.
      .send(`{"name": ${JSON.stringify(name).replace(/[\ud800-\udfff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`)}, "quantity": 1, "kind": "STANDARD"}`);
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    expect(created.length).toBe(before);
  });

  it('when a pair of surrogates makes one character (an emoji), then it is accepted', async () => {
    const response = await app.api.post('/v1/samples').set(bearer(await tokenWith(['samples:write']))).send({ name: 'Voyage 🚆', quantity: 1, kind: 'STANDARD' });
    expect(response.status).toBe(201);
  });

  it('when the database connection is lost during a request, then 503 with Retry-After, not 500', async () => {
    const response = await app.api.get('/v1/samples/any').set(bearer(await tokenWith(['samples:read'])));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(codesOf(response)).toEqual(['SERVICE_UNAVAILABLE']);
  });

  it.each([
    ['a key given twice', '{"name":"a","quantity":1,"quantity":900,"kind":"STANDARD"}', /repeats the key "quantity"/],
    ['a byte-order mark', '\ufeff{"name":"a","quantity":1,"kind":"STANDARD"}', /byte-order mark/],
  ])('when the JSON body has %s, then 400 and the handler never runs', async (_what, body, message) => {
    const before = created.length;
    const response = await app.api.post('/v1/samples').set(bearer(await tokenWith(['samples:write']))).set('Content-Type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    expect(response.body.errors[0].message).toMatch(message);
    expect(created.length).toBe(before);
  });
});
