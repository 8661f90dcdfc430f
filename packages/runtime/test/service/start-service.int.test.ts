import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { signAccessToken } from '../../src/http';
import { createKafka, enqueueEvent } from '../../src/kafka';
import { currentCorrelationId } from '../../src/logging';
import { startService, type RunningService, type ServiceDefinition } from '../../src/service';
import { dropDatabase } from '../../src/db';
import { waitFor } from '../../src/testing';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { sampleEffects } from '../fixtures/db/schema';
import { SAMPLE_SPEC } from '../http/support/sample-app';
import { fixtureDatabase, testEnvironment, uniqueName } from '../support/test-environment';

type FixtureSchema = typeof fixtureDatabase.schema;
const secret = 'service-composition-test-secret';

describe('startService', () => {
  const topic = uniqueName('service-composition');
  const databaseName = uniqueName('service_composition').replace(/-/g, '_');
  const topicPrefix = `${uniqueName('env')}.`;
  const correlationIdsSeenByHandler: Array<string | undefined> = [];
  const topicsSeenByHandler: string[] = [];
  let service: RunningService<FixtureSchema>;

  /** A miniature service: POST /v1/samples publishes an event through the outbox; its own consumer records the effect. */
  const definition: ServiceDefinition<FixtureSchema> = {
    name: 'contract-service',
    specPath: SAMPLE_SPEC,
    migrationsFolder: fixtureDatabase.migrationsFolder,
    schema: fixtureDatabase.schema,
    produces: [{ topic, schema: loadAvroFixture('sample-event.v1') }],
    consumes: [{ topic, schema: loadAvroFixture('sample-event.v1') }],
    mountRoutes: (router, { db }) => {
      router.post('/v1/samples', async (req, res) => {
        const eventId = randomUUID();
        await db.transaction((tx) =>
          enqueueEvent(tx, {
            topic,
            key: req.body.name,
            event: { eventId, occurredAt: Date.now(), contractRef: req.body.name, amountCents: req.body.quantity, note: null },
          }),
        );
        res.status(201).json({ ...req.body, id: eventId, createdBy: 'test', createdAt: new Date().toISOString() });
      });
    },
    consumers: () => [
      {
        name: uniqueName('effects'),
        topics: [topic],
        handler: async (event, tx, context) => {
          const sample = event as { eventId: string; contractRef: string; amountCents: number };
          correlationIdsSeenByHandler.push(currentCorrelationId());
          topicsSeenByHandler.push(context.topic);
          await tx.insert(sampleEffects).values(sample);
        },
      },
    ],
  };

  beforeAll(async () => {
    service = await startService(definition, {
      validateResponses: true,
      env: {
        PORT: '0',
        DATABASE_URL: `${testEnvironment.postgresAdminUrl.replace(/\/[^/]*$/, '')}/${databaseName}`,
        KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
        SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
        AUTH_JWT_SECRET: secret,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        OUTBOX_POLL_INTERVAL_MS: '60000',
        KAFKA_TOPIC_PREFIX: topicPrefix,
      },
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
    expect(ready.body).toEqual({ status: 'UP', checks: { db: 'UP', kafka: 'UP' } });
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
    expect(correlationIdsSeenByHandler).toEqual(['corr-service-composition']);
    expect(topicsSeenByHandler).toEqual([topic]); // handlers see the logical name, whatever the prefix
    const pending = await service.context.pool.query('select count(*)::int as count from outbox where published_at is null');
    expect(pending.rows[0].count).toBe(0);
  });
});
