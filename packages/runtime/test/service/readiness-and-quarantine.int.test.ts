import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { ConfigResourceTypes } from 'kafkajs';
import request from 'supertest';
import { defineServiceConfig } from '../../src/config';
import { dropDatabase, outbox } from '../../src/db';
import { createKafka, type EventTopic } from '../../src/kafka';
import { defineService, consume, startService, type RunningServiceOf } from '../../src/service';
import { metricValue, parseMetrics, waitFor } from '../../src/testing';
import { startDueWorker } from '../../src/work';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { sampleEffects } from '../fixtures/db/schema';
import { SAMPLE_SPEC } from '../http/support/sample-app';
import { buildSampleEvent, type SampleEvent } from '../support/sample-event';
import { fixtureDatabase, sampleServiceEnv, testEnvironment, uniqueName } from '../support/test-environment';

const STALL_TIMEOUT_MS = 300;
/** Random bytes as text: GZIP cannot bring it under Kafka's 1 MB default, as it does a month of invoice lines. */
const incompressibleText = (bytes: number) => randomBytes(bytes).toString('base64');

describe('readiness that tells the truth, and events Kafka refuses for good', () => {
  const topic = uniqueName('quarantine');
  const consumerName = uniqueName('effects');
  const databaseName = uniqueName('quarantine').replace(/-/g, '_');
  const topicPrefix = `${uniqueName('env')}.`;
  const sampleTopic: EventTopic<SampleEvent> = { topic, schema: loadAvroFixture('sample-event.v1') };
  /** The sample loop's rounds fail while this holds, as when a table it reads is gone. */
  let loopFails = false;

  const sampleService = defineService({
    config: defineServiceConfig({ name: 'quarantine-service', port: 0, database: 'boissipay_sample' }, {}),
    specPath: SAMPLE_SPEC,
    migrationsFolder: fixtureDatabase.migrationsFolder,
    schema: fixtureDatabase.schema,
    produces: [sampleTopic],
    compose: ({ pool, logger }) => ({
      consumers: [
        consume(sampleTopic, consumerName, async (sample, tx) => {
          await tx.insert(sampleEffects).values({ eventId: sample.eventId, contractRef: sample.contractRef, amountCents: sample.amountCents });
        }),
      ],
      workers: [
        {
          name: 'sample-loop',
          start: () =>
            startDueWorker({
              name: 'sample-loop',
              pool,
              channel: uniqueName('sample_loop').replace(/-/g, '_'),
              logger,
              pollIntervalMs: 50,
              failureBackoff: { baseDelayMs: 50, maxDelayMs: 100 },
              round: async () => {
                if (loopFails) throw new Error('relation "sample_table" does not exist');
                return false;
              },
            }),
        },
      ],
    }),
  });
  let service: RunningServiceOf<typeof sampleService>;
  const api = () => request(`http://127.0.0.1:${service.port}`);

  beforeAll(async () => {
    service = await startService(sampleService, {
      env: sampleServiceEnv({ databaseName, topicPrefix, secret: 'readiness-and-quarantine-test-secret' }, { HEALTH_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS) }),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
  });

  async function readiness(): Promise<{ status: number; body: { status: string; checks: Record<string, string>; reasons?: Record<string, string> } }> {
    const response = await api().get('/health/ready');
    return { status: response.status, body: response.body };
  }

  async function metric(name: string): Promise<number | undefined> {
    return metricValue(parseMetrics((await api().get('/metrics')).text), name, {});
  }

  async function enqueue(...events: SampleEvent[]): Promise<void> {
    const { db, outbox: queue } = service.context;
    // One transaction: the relay claims them in one batch, the refused ones first.
    await db.transaction(async (tx) => {
      for (const event of events) await queue.enqueue(tx, sampleTopic, { key: event.contractRef, event });
    });
  }

  async function effectsOf(event: SampleEvent) {
    return service.context.db.select().from(sampleEffects).where(eq(sampleEffects.eventId, event.eventId));
  }

  it('when started, then the relay and the worker are checked beside the database and Kafka', async () => {
    const ready = await readiness();
    expect(ready).toEqual({
      status: 200,
      body: { status: 'UP', checks: { db: 'UP', kafka: 'UP', 'outbox-relay': 'UP', [`consumer:${consumerName}`]: 'UP', 'sample-loop': 'UP' } },
    });
  });

  it('when a worker makes no progress for longer than the stall timeout, then readiness is DOWN with the reason, and UP once it recovers', async () => {
    loopFails = true;
    const stalled = await waitFor(async () => {
      const ready = await readiness();
      return ready.status === 503 ? ready : undefined;
    }, { description: 'readiness DOWN' });
    expect(stalled.body).toMatchObject({ status: 'DOWN', checks: { 'sample-loop': 'DOWN', 'outbox-relay': 'UP', db: 'UP' } });
    expect(stalled.body.reasons).toEqual({ 'sample-loop': expect.stringMatching(/^sample-loop has made no progress on due work for \d+ s \(\d+ failed round\(s\) in a row/) });
    // The error itself stays in the logs: it may name tables or hosts.
    expect(JSON.stringify(stalled.body)).not.toContain('sample_table');

    loopFails = false;
    const recovered = await waitFor(async () => {
      const ready = await readiness();
      return ready.status === 200 ? ready : undefined;
    }, { description: 'readiness UP again' });
    expect(recovered.body).toEqual({ status: 'UP', checks: expect.objectContaining({ 'sample-loop': 'UP' }) });
  });

  it('when events Kafka refuses for good precede a small one, then the small one is published and consumed, and they are quarantined, reported and kept', async () => {
    const tooLarge = buildSampleEvent({ contractRef: uniqueName('CTR-large'), note: incompressibleText(2_300_000) }); // ≈ 3 MB of text
    const unencodable = buildSampleEvent({ contractRef: uniqueName('CTR-unencodable'), amountCents: 'twelve' as unknown as number });
    const small = buildSampleEvent({ contractRef: uniqueName('CTR-small'), amountCents: 1000 });

    await enqueue(tooLarge, unencodable, small);

    await waitFor(async () => (await effectsOf(small)).length === 1, { timeoutMs: 30_000, description: 'the small event consumed' });
    const rows = await service.context.db
      .select()
      .from(outbox)
      .where(inArray(outbox.eventId, [tooLarge.eventId, unencodable.eventId, small.eventId]));
    const rowOf = (event: SampleEvent) => rows.find((row) => row.eventId === event.eventId);
    expect(rowOf(small)).toMatchObject({ publishedAt: expect.any(Date), quarantinedAt: null });
    expect(rowOf(tooLarge)).toMatchObject({ publishedAt: null, quarantinedAt: expect.any(Date), quarantineReason: expect.stringContaining('MESSAGE_TOO_LARGE') });
    expect(rowOf(unencodable)).toMatchObject({ publishedAt: null, quarantinedAt: expect.any(Date), quarantineReason: expect.stringContaining("payload does not match the topic's schema") });
    expect(rowOf(tooLarge)?.payload).toEqual(tooLarge); // kept whole, ready to be republished

    expect(await metric('boissipay_outbox_quarantined_events')).toBe(2);
    expect(await metric('boissipay_outbox_pending_events')).toBe(0);
    // Reported by the metric and its alert, not by readiness: the service still decides, bills and publishes everything else.
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'UP', checks: { 'outbox-relay': 'UP' } } });
  });

  it('when the operator raises the topic limit and clears the quarantine, then the events are published and consumed, and readiness is UP', async () => {
    const admin = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'quarantine-operator', logger: service.context.logger }).admin();
    await admin.connect();
    try {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: `${topicPrefix}${topic}`, configEntries: [{ name: 'max.message.bytes', value: '8388608' }] }],
      });
    } finally {
      await admin.disconnect();
    }
    // What docs/deployment.md tells the operator to run, the payload fixed where it did not match its schema.
    const { pool } = service.context;
    await pool.query(
      `update outbox set payload = jsonb_set(payload, '{amountCents}', '12') where quarantined_at is not null and jsonb_typeof(payload->'amountCents') <> 'number'`,
    );
    await pool.query(`update outbox set quarantined_at = null, quarantine_reason = null where quarantined_at is not null and published_at is null`);
    await pool.query(`select pg_notify('boissipay_outbox', '')`);

    await waitFor(async () => (await pool.query('select count(*)::int as n from outbox where published_at is null')).rows[0].n === 0, {
      timeoutMs: 30_000,
      description: 'every outbox row published',
    });
    const consumed = await waitFor(
      async () => {
        const effects = await service.context.db.select().from(sampleEffects);
        return effects.length === 3 ? effects : undefined;
      },
      { timeoutMs: 30_000, description: 'the three events consumed' },
    );
    expect(consumed.map((effect) => effect.amountCents).sort()).toEqual([1000, 12, 1250].sort());
    expect(await metric('boissipay_outbox_quarantined_events')).toBe(0);
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'UP' } });
  });
});
