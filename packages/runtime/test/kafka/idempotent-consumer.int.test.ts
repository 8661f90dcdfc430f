import { sql } from 'drizzle-orm';
import type { Producer } from 'kafkajs';
import { processedEvents } from '../../src/db';
import { createIdempotentProducer, type IdempotentConsumer, type MessageContext } from '../../src/kafka';
import { CORRELATION_HEADER, currentCorrelationId } from '../../src/logging';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '../../src/testing';
import {
  effectRowsOf,
  isProcessed,
  publishSampleEvents,
  startSampleConsumer,
  writeEffect,
  type SampleHandler,
} from '../support/sample-consumer';
import { buildSampleEvent } from '../support/sample-event';
import { createSampleTopic, type SampleTopic } from '../support/sample-topic';
import { fixtureDatabase, testEnvironment, uniqueName } from '../support/test-environment';

describe('idempotent consumer', () => {
  const groupId = uniqueName('runtime-idempotent');
  const handlerCalls = new Map<string, number>();
  const seen = new Map<string, { context: MessageContext; correlationId: string | undefined }>();
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
  let sample: SampleTopic;
  let producer: Producer;
  let consumer: IdempotentConsumer | undefined;

  /** Writes the effect; a 'fail-once' event throws after writing on its first attempt. */
  const handler: SampleHandler = async (event, tx, context) => {
    const attempt = (handlerCalls.get(event.eventId) ?? 0) + 1;
    handlerCalls.set(event.eventId, attempt);
    seen.set(event.eventId, { context, correlationId: currentCorrelationId() });
    await writeEffect(event, tx, context);
    if (event.note === 'fail-once' && attempt === 1) throw new Error('lock timeout, as happens');
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_consumer', ...fixtureDatabase });
    sample = await createSampleTopic('runtime-consumer');
    producer = createIdempotentProducer(sample.kafka);
    await producer.connect();
    consumer = await startSampleConsumer(scratch, sample, groupId, handler);
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await scratch?.drop();
  });

  /** Published after the events under test: once it is processed, they have been too (one partition). */
  async function publishMarkerAndWait(): Promise<void> {
    const marker = buildSampleEvent({ note: 'marker' });
    await publishSampleEvents(producer, sample, [marker]);
    await waitFor(() => isProcessed(scratch, marker.eventId), { description: 'the marker to be processed' });
  }

  it('when an event arrives, then the handler applies it with its message context and correlation id', async () => {
    const event = buildSampleEvent();
    const [offset] = await publishSampleEvents(producer, sample, [event], { [CORRELATION_HEADER]: 'corr-consumer-1' });

    await waitFor(() => isProcessed(scratch, event.eventId));

    expect(await effectRowsOf(scratch, event.eventId)).toHaveLength(1);
    expect(seen.get(event.eventId)).toEqual({
      context: {
        topic: sample.topic,
        partition: 0,
        offset,
        key: event.contractRef,
        headers: { [CORRELATION_HEADER]: 'corr-consumer-1' },
      },
      correlationId: 'corr-consumer-1',
    });
  });

  it('when the same event is delivered twice, then it is applied once', async () => {
    const event = buildSampleEvent();

    await publishSampleEvents(producer, sample, [event, event]);
    await publishMarkerAndWait();

    expect(handlerCalls.get(event.eventId)).toBe(1);
    expect(await effectRowsOf(scratch, event.eventId)).toHaveLength(1);
  });

  it('when the handler fails, then its effect and the processed mark roll back and the retry applies it once', async () => {
    const event = buildSampleEvent({ note: 'fail-once' });

    await publishSampleEvents(producer, sample, [event]);
    await waitFor(() => isProcessed(scratch, event.eventId));

    // Had the mark survived the failure, the retry would have been skipped as a duplicate.
    expect(handlerCalls.get(event.eventId)).toBe(2);
    expect(await effectRowsOf(scratch, event.eventId)).toHaveLength(1);
  });

  it('when the consumer restarts, then the committed offsets mean nothing is redelivered', async () => {
    await publishMarkerAndWait();
    const admin = sample.kafka.admin();
    await admin.connect();
    try {
      const [end] = await admin.fetchTopicOffsets(sample.topic);
      await waitFor(async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [sample.topic] });
        return committed?.partitions[0]?.offset === end?.high;
      }, { description: 'the offset of the last processed message to be committed' });
    } finally {
      await admin.disconnect();
    }
    await consumer?.stop();
    consumer = undefined;
    const callsBefore = new Map(handlerCalls);
    // Without the marks, any redelivered event would reach the handler again and show up below.
    await scratch.db.delete(processedEvents).where(sql`true`);

    consumer = await startSampleConsumer(scratch, sample, groupId, handler);
    await publishMarkerAndWait();

    const replayed = [...callsBefore].filter(([eventId, calls]) => handlerCalls.get(eventId) !== calls);
    expect(replayed).toEqual([]);
  });
});
