import { CORRELATION_HEADER } from '../../src/logging';
import { startSampleApp, type RunningSampleApp } from './support/sample-app';

const up = async () => undefined;
const down = async () => {
  throw new Error('connection refused');
};
const hang = () => new Promise<void>(() => undefined);

describe('operational endpoints', () => {
  let app: RunningSampleApp;
  beforeAll(async () => {
    app = await startSampleApp({ readinessChecks: [{ name: 'db', check: up }, { name: 'kafka', check: up }] });
  });
  afterAll(() => app.close());

  it('when /openapi.json is fetched without a token, then the spec is returned as JSON', async () => {
    const response = await app.api.get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ openapi: '3.1.0', info: { title: 'Sample API' } });
  });

  it('when /docs/ is fetched without a token, then Swagger UI is served', async () => {
    const response = await app.api.get('/docs/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui');
  });

  it('when /docs/swagger-ui-init.js is fetched, then it embeds this app\'s spec', async () => {
    const response = await app.api.get('/docs/swagger-ui-init.js');
    expect(response.status).toBe(200);
    expect(response.text).toContain('Sample API');
  });

  it('when Swagger UI shows the spec, then it offers a bearer token field for "Try it out", while /openapi.json stays the contract', async () => {
    const page = await app.api.get('/docs/swagger-ui-init.js');
    expect(page.text).toContain('"bearerToken"');
    expect(page.text).toContain('"persistAuthorization": true');
    const contract = await app.api.get('/openapi.json');
    expect(JSON.stringify(contract.body)).not.toContain('bearerToken');
  });

  it('when /health/live is probed, then 200 UP', async () => {
    const response = await app.api.get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'UP' });
  });

  it('when every readiness check passes, then /health/ready is 200 with each check UP', async () => {
    const response = await app.api.get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'UP', checks: { db: 'UP', kafka: 'UP' } });
  });

  it('when a correlation id is sent, then it is echoed', async () => {
    const response = await app.api.get('/health/live').set(CORRELATION_HEADER, 'purchase-7f3a:step.2');
    expect(response.headers[CORRELATION_HEADER]).toBe('purchase-7f3a:step.2');
  });

  it('when no correlation id is sent, then a uuid is minted and returned', async () => {
    const response = await app.api.get('/health/live');
    expect(response.headers[CORRELATION_HEADER]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('when the correlation id is unsafe to log, then it is replaced by a fresh one', async () => {
    const response = await app.api.get('/health/live').set(CORRELATION_HEADER, 'x'.repeat(200));
    expect(response.headers[CORRELATION_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readiness failures', () => {
  it('when a check fails or hangs, then /health/ready is 503 naming it', async () => {
    const app = await startSampleApp({
      readinessChecks: [
        { name: 'db', check: up },
        { name: 'kafka', check: down },
        { name: 'registry', check: hang },
      ],
      readinessTimeoutMs: 100,
    });
    try {
      const response = await app.api.get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'DOWN', checks: { db: 'UP', kafka: 'DOWN', registry: 'DOWN' } });
      expect(JSON.stringify(response.body)).not.toContain('connection refused');
    } finally {
      await app.close();
    }
  });
});
