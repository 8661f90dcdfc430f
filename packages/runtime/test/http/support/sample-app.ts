import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createLogger, currentCorrelationId } from '../../../src/logging';
import { ApiError, createHttpApp, principalOf, startHttpServer, type HttpAppOptions } from '../../../src/http';

export const SAMPLE_SPEC = path.join(__dirname, '..', '..', 'fixtures', 'sample-api.yaml');
export const TEST_SECRET = 'sample-api-test-secret-0123456789';

interface Sample {
  id: string;
  name: string;
  quantity: number;
  kind: string;
  note?: string;
  createdBy: string;
  createdAt: string;
}

/** Handlers of the fixture spec: just enough behaviour to exercise the runtime around them. */
function mountSampleRoutes(router: Parameters<HttpAppOptions['mountRoutes']>[0]): void {
  const samples = new Map<string, Sample>();
  router.post('/v1/samples', (req, res) => {
    const sample: Sample = { ...req.body, id: randomUUID(), createdBy: principalOf(res).subject, createdAt: new Date().toISOString() };
    samples.set(sample.id, sample);
    res.status(201).json(sample);
  });
  router.get('/v1/samples/:sampleId', async (req, res) => {
    if (req.params.sampleId === 'crash') throw new Error('connection to secret-db-host:5432 refused');
    const sample = samples.get(req.params.sampleId);
    if (!sample) throw new ApiError(404, 'SAMPLE_NOT_FOUND', `No sample ${req.params.sampleId}.`);
    res.json(sample);
  });
  router.get('/v1/sample-stats', (_req, res) => {
    res.json({ total: 'many' });
  });
}

/**
 * Log lines the app wrote, parsed, so tests can check what operators would see. Tags lines
 * with the current correlation id as createLogger does, to show the request context reaches them.
 */
export function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug', mixin: () => ({ correlationId: currentCorrelationId() }) }, sink), lines };
}

export interface RunningSampleApp {
  api: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The fixture app on a real port, the way a service runs it, with response validation on. */
export async function startSampleApp(overrides: Partial<HttpAppOptions> = {}): Promise<RunningSampleApp> {
  const app = createHttpApp({
    specPath: SAMPLE_SPEC,
    logger: createLogger({ service: 'sample-api', level: 'silent' }),
    auth: { jwtSecret: TEST_SECRET },
    bodyLimit: '1kb',
    validateResponses: true,
    mountRoutes: mountSampleRoutes,
    ...overrides,
  });
  const server = await startHttpServer(app, 0, { host: '127.0.0.1' });
  return { api: request(`http://127.0.0.1:${server.port}`), close: () => server.close() };
}
