import { eq } from 'drizzle-orm';
import request from 'supertest';
import { signAccessToken } from '../../src/http';
import { createKafka, type EventTopic } from '../../src/kafka';
import { currentCorrelationId } from '../../src/logging';
import { defineServiceConfig } from '../../src/config';
import { consume, defineService, startService, type RunningServiceOf } from '../../src/service';
import { dropDatabase } from '../../src/db';
import { metricValue, parseMetrics, waitFor } from '../../src/testing';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { sampleEffects } from '../fixtures/db/schema';
import { SAMPLE_SPEC } from '../http/support/sample-app';
import { fixtureDatabase, sampleServiceEnv, testEnvironment, uniqueName } from '../support/test-environment';

type SampleEvent = { eventId: string; occurredAt: number; contractRef: string; amountCents: number; note: string | null };
const secret = 'service-composition-test-secret';

describe('startService', () => {
  const topic = uniqueName('service-composition');
  const databaseName = uniqueName('service_composition').replace(/-/g, '_');
  const topicPrefix = `${uniqueName('env')}.`;
  const correlationIdsSeenByHandler: Array<string | undefined> = [];
  const topicsSeenByHandler: string[] = [];
  const sampleTopic: EventTopic<SampleEvent> = { topic, schema: loadAvroFixture('sample-event.v1') };
  const lifecycle: string[] = [];
  const consumerName = uniqueName('effects');
  const fixedNow = new Date('2026-11-30T23:00:00.000Z');

  /** A miniature service: POST /v1/samples publishes an event through the outbox; its own consumer records the effect. */
  const sampleService = defineService({
    config: defineServiceConfig({ name: 'sample-service', port: 0, database: 'boissipay_sample' }, {}),
    specPath: SAMPLE_SPEC,
    migrationsFolder: fixtureDatabase.migrationsFolder,
    schema: fixtureDatabase.schema,
    produces: [sampleTopic],
    compose: ({ db, clock, newId, outbox }) => ({
      routes: (router) => {
        router.post('/v1/samples', async (req, res) => {
          const eventId = newId();
          await db.transaction((tx) =>
            outbox.enqueue(tx, sampleTopic, {
              key: req.body.name,
              event: { eventId, occurredAt: clock().getTime(), contractRef: req.body.name, amountCents: req.body.quantity, note: null },
            }),
          );
          res.status(201).json({ ...req.body, id: eventId, createdBy: 'test', createdAt: clock().toISOString() });
        });
      },
      consumers: [
        consume(sampleTopic, consumerName, async (sample, tx, context) => {
          correlationIdsSeenByHandler.push(currentCorrelationId());
          topicsSeenByHandler.push(context.topic);
          await tx.insert(sampleEffects).values({ eventId: sample.eventId, contractRef: sample.contractRef, amountCents: sample.amountCents });
        }),
      ],
      workers: [{ name: 'sample-worker', start: async () => (lifecycle.push('worker started'), { stop: async () => void lifecycle.push('worker stopped') }) }],
      schedules: [{ name: 'sample-schedule', cron: '0 0 1 1 *', timeZone: 'Europe/Paris', run: async () => undefined, atStart: async () => void lifecycle.push(`scheduled at start, ${clock().toISOString()}`) }],
      readiness: [{ name: 'sample-worker', check: async () => undefined }],
    }),
  });
  let service: RunningServiceOf<typeof sampleService>;

  beforeAll(async () => {
    service = await startService(sampleService, {
      validateResponses: true,
      clock: () => fixedNow,
      newId: () => `00000000-0000-4000-8000-${String(lifecycle.length).padStart(12, '0')}`,
      env: sampleServiceEnv({ databaseName, topicPrefix, secret }, { OUTBOX_POLL_INTERVAL_MS: '60000' }),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
  });

  it('when started with a topic prefix, then its topics and their dead-letter topics exist under the prefix only', async () => {
    const admin = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'prefix-check', logger: service.context.logger }).admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      expect(topics).toEqual(expect.arrayContaining([`${topicPrefix}${topic}`, `${topicPrefix}${topic}.dlq`]));
      expect(topics).not.toContain(topic);
    } finally {
      await admin.disconnect();
    }
  });

  it('when started, then its database is created and migrated and it reports ready', async () => {
    const api = request(`http://127.0.0.1:${service.port}`);
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'UP', checks: { db: 'UP', kafka: 'UP', 'outbox-relay': 'UP', [`consumer:${consumerName}`]: 'UP', 'sample-worker': 'UP' } });
    const tables = await service.context.pool.query("select 1 from information_schema.tables where table_name in ('outbox', 'processed_events')");
    expect(tables.rowCount).toBe(2);
  });

  it('when a request publishes an event, then the consumer applies it once, in the request correlation context', async () => {
    const token = await signAccessToken({ secret }, { subject: 'tester', scopes: ['samples:write'], ttlSeconds: 60 });
    const contractRef = uniqueName('CTR');
    const response = await request(`http://127.0.0.1:${service.port}`)
      .post('/v1/samples')
      .set('Authorization', `Bearer ${token}`)
      .set('x-correlation-id', 'corr-service-composition')
      .send({ name: contractRef, quantity: 3, kind: 'STANDARD' });
    expect(response.status).toBe(201);

    const { db } = service.context;
    const effects = await waitFor(
      async () => {
        const rows = await db.select().from(sampleEffects).where(eq(sampleEffects.contractRef, contractRef));
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 20_000, description: 'the consumed event effect' },
    );
    expect(effects).toEqual([expect.objectContaining({ contractRef, amountCents: 3, eventId: response.body.id })]);
    expect(response.body).toMatchObject({ id: '00000000-0000-4000-8000-000000000002', createdAt: fixedNow.toISOString() });
    expect(correlationIdsSeenByHandler).toEqual(['corr-service-composition']);
    expect(topicsSeenByHandler).toEqual([topic]); // handlers see the logical name, whatever the prefix
    const pending = await service.context.pool.query('select count(*)::int as count from outbox where published_at is null');
    expect(pending.rows[0].count).toBe(0);
  });

  it('when started, then its workers start and its schedules run once at start-up, on the clock it was given', () => {
    expect(lifecycle).toEqual(['worker started', `scheduled at start, ${fixedNow.toISOString()}`]);
  });

  it('when it has served a request and consumed an event, then /metrics shows both, with the pool, the outbox and the process', async () => {
    const response = await request(`http://127.0.0.1:${service.port}`).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const samples = parseMetrics(response.text);
    const value = (name: string, labels: Record<string, string> = {}) => metricValue(samples, name, labels);
    expect(value('boissipay_http_request_duration_seconds_count', { service: 'sample-service', method: 'POST', route: '/v1/samples', status: '201' })).toBe(1);
    expect(value('boissipay_events_consumed_total', { topic, outcome: 'applied' })).toBe(1);
    expect(value('boissipay_event_hop_seconds_count', { topic })).toBe(1);
    expect(value('boissipay_outbox_pending_events')).toBe(0);
    expect(value('boissipay_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(value('boissipay_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(value('boissipay_process_resident_memory_bytes')).toBeGreaterThan(0);
    // Ids never become labels: the concrete path of a request is not a route.
    expect(samples.filter((sample) => sample.labels.route !== undefined).every((sample) => !/[0-9a-f]{8}-/.test(sample.labels.route ?? ''))).toBe(true);
  });
});
