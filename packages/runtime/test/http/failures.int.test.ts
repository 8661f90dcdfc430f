import { expectError } from '../../src/testing';
import { capturingLogger, startSampleApp } from './support/sample-app';
import { bearer, tokenWith } from './support/tokens';

describe('unexpected failures', () => {
  it('when a handler throws an unexpected error, then 500 INTERNAL_ERROR hides it and the log keeps its stack', async () => {
    const { logger, lines } = capturingLogger();
    const app = await startSampleApp({ logger });
    try {
      const response = await app.api.get('/v1/samples/crash').set(bearer(await tokenWith(['samples:read'])));
      const body = expectError(response, 500, 'INTERNAL_ERROR');
      expect(JSON.stringify(body)).not.toContain('secret-db-host');
      const logged = lines.find((line) => line.level === 50);
      expect(logged).toMatchObject({ correlationId: body.correlationId, err: { message: 'connection to secret-db-host:5432 refused' } });
      expect((logged?.err as { stack?: string }).stack).toContain('sample-app.ts');
    } finally {
      await app.close();
    }
  });

  it('when a handler answers outside the response schema, then it is refused with 500 instead of sent', async () => {
    const app = await startSampleApp();
    try {
      const response = await app.api.get('/v1/sample-stats').set(bearer(await tokenWith(['samples:read'])));
      expectError(response, 500, 'INTERNAL_ERROR');
      expect(JSON.stringify(response.body)).not.toContain('many');
    } finally {
      await app.close();
    }
  });

  it('when response validation is off, then the same answer goes out unchanged', async () => {
    const app = await startSampleApp({ validateResponses: false });
    try {
      const response = await app.api.get('/v1/sample-stats').set(bearer(await tokenWith(['samples:read'])));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ total: 'many' });
    } finally {
      await app.close();
    }
  });
});
