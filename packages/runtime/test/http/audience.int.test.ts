import { signAccessToken } from '../../src/http';
import { startSampleApp, TEST_SECRET, type RunningSampleApp } from './support/sample-app';
import { bearer } from './support/tokens';

describe('token audience', () => {
  let app: RunningSampleApp;
  const tokenFor = (audience: string | undefined) =>
    signAccessToken({ secret: TEST_SECRET }, { subject: 'caller', scopes: ['samples:write'], ttlSeconds: 60, audience });
  const create = async (audience: string | undefined) =>
    app.api.post('/v1/samples').set(bearer(await tokenFor(audience))).send({ name: 'a', quantity: 1, kind: 'STANDARD' });

  beforeAll(async () => {
    app = await startSampleApp({ auth: { jwtSecret: TEST_SECRET, audience: 'sample-service' } });
  });
  afterAll(() => app.close());

  it('when the token is issued for this service, then it is accepted', async () => {
    expect((await create('sample-service')).status).toBe(201);
  });

  it('when the token is issued for another service, or for none, then 401', async () => {
    expect((await create('billing-service')).status).toBe(401);
    expect((await create(undefined)).status).toBe(401);
  });
});
