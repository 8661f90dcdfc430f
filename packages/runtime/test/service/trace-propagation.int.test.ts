import { randomBytes } from 'node:crypto';
import { SpanKind, trace } from '@opentelemetry/api';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { signAccessToken } from '../../src/http';
import type { EventTopic } from '../../src/kafka';
import { defineServiceConfig } from '../../src/config';
import { consume, defineService, startService, type RunningServiceOf } from '../../src/service';
import { dropDatabase } from '../../src/db';
import { outbox } from '../../src/db/outbox.table';
import { recordSpans, waitFor } from '../../src/testing';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { sampleEffects } from '../fixtures/db/schema';
import { SAMPLE_SPEC } from '../http/support/sample-app';
import { fixtureDatabase, sampleServiceEnv, testEnvironment, uniqueName } from '../support/test-environment';

type SampleEvent = { eventId: string; occurredAt: number; contractRef: string; amountCents: number; note: string | null };
const secret = 'trace-propagation-test-secret';

/** A W3C traceparent of a caller's span: its trace id, its span id, sampled. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

describe('trace context across the outbox and Kafka', () => {
  const spans = recordSpans();
  const topic = uniqueName('trace-propagation');
  const databaseName = uniqueName('trace_propagation').replace(/-/g, '_');
  const topicPrefix = `${uniqueName('traces')}.`;
  const sampleTopic: EventTopic<SampleEvent> = { topic, schema: loadAvroFixture('sample-event.v1') };
  /** The trace the handler ran in, by contractRef. */
  const handlerTraces = new Map<string, string | undefined>();

  /** POST /v1/samples publishes an event through the outbox; the service's own consumer applies it. */
  const sampleService = defineService({
    config: defineServiceConfig({ name: 'sample-service', port: 0, database: 'boissipay_sample' }, {}),
    specPath: SAMPLE_SPEC,
    migrationsFolder: fixtureDatabase.migrationsFolder,
    schema: fixtureDatabase.schema,
    produces: [sampleTopic],
    compose: ({ db, clock, newId, outbox: events }) => ({
      routes: (router) => {
        router.post('/v1/samples', async (req, res) => {
          const eventId = newId();
          const event = { eventId, occurredAt: clock().getTime(), contractRef: req.body.name, amountCents: req.body.quantity, note: null };
          await db.transaction((tx) => events.enqueue(tx, sampleTopic, { key: req.body.name, event }));
          res.status(201).json({ ...req.body, id: eventId, createdBy: 'test', createdAt: clock().toISOString() });
        });
      },
      consumers: [
        consume(sampleTopic, uniqueName('effects'), async (sample, tx) => {
          handlerTraces.set(sample.contractRef, trace.getActiveSpan()?.spanContext().traceId);
          await tx.insert(sampleEffects).values({ eventId: sample.eventId, contractRef: sample.contractRef, amountCents: sample.amountCents });
        }),
      ],
    }),
  });
  let service: RunningServiceOf<typeof sampleService>;

  beforeAll(async () => {
    service = await startService(sampleService, {
      env: sampleServiceEnv({ databaseName, topicPrefix, secret }, { OUTBOX_POLL_INTERVAL_MS: '60000' }),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
  });

  async function publishSample(contractRef: string, headers: Record<string, string>) {
    const token = await signAccessToken({ secret }, { subject: 'tester', scopes: ['samples:write'], ttlSeconds: 60 });
    const response = await request(`http://127.0.0.1:${service.port}`)
      .post('/v1/samples')
      .set({ Authorization: `Bearer ${token}`, ...headers })
      .send({ name: contractRef, quantity: 3, kind: 'STANDARD' });
    expect(response.status).toBe(201);
    await waitFor(async () => (await service.context.db.select().from(sampleEffects).where(eq(sampleEffects.contractRef, contractRef))).length > 0, {
      timeoutMs: 20_000,
      description: `the effect of ${contractRef}`,
    });
    return response.body.id as string;
  }

  it("when a request with a traceparent publishes an event, then the row stores the request's trace and the consumer's span is a child of the publish span, in the caller's trace", async () => {
    const caller = callerTrace();
    const contractRef = uniqueName('CTR');
    const eventId = await publishSample(contractRef, { traceparent: caller.traceparent });
    const inTrace = (name: string) => spans.waitFor(`${name} in trace ${caller.traceId}`, (span) => span.name === name && span.spanContext().traceId === caller.traceId);

    const served = await inTrace('POST /v1/samples');
    expect(served.kind).toBe(SpanKind.SERVER);
    expect(served.parentSpanContext?.spanId).toBe(caller.spanId);
    const [row] = await service.context.db.select({ headers: outbox.headers }).from(outbox).where(eq(outbox.eventId, eventId));
    expect(row?.headers.traceparent).toBe(`00-${caller.traceId}-${served.spanContext().spanId}-01`);

    const published = await inTrace(`publish ${topic}`);
    expect(published.kind).toBe(SpanKind.PRODUCER);
    expect(published.parentSpanContext?.spanId).toBe(served.spanContext().spanId);
    const processed = await inTrace(`handle ${topicPrefix}${topic}`);
    expect(processed.kind).toBe(SpanKind.CONSUMER);
    expect(processed.parentSpanContext?.spanId).toBe(published.spanContext().spanId);
    expect(handlerTraces.get(contractRef)).toBe(caller.traceId);
  });

  it('when a request comes without a traceparent, then it starts a trace of its own, which the consumer continues', async () => {
    const contractRef = uniqueName('CTR');
    await publishSample(contractRef, {});
    const handled = handlerTraces.get(contractRef);
    expect(handled).toMatch(/^[0-9a-f]{32}$/);
    const served = spans.all().find((span) => span.name === 'POST /v1/samples' && span.spanContext().traceId === handled);
    expect(served?.parentSpanContext).toBeUndefined();
  });
});
