import { eq } from 'drizzle-orm';
import type { Producer } from 'kafkajs';
import { processedEvents } from '../../src/db';
import { startIdempotentConsumer, type EventHandler, type IdempotentConsumer } from '../../src/kafka';
import type { ScratchDatabase } from '../../src/testing';
import { sampleEffects } from '../fixtures/db/schema';
import type { SampleEvent } from './sample-event';
import type { SampleTopic } from './sample-topic';
import { fastConsumerConfig, testLogger, type fixtureDatabase } from './test-environment';

type FixtureSchema = typeof fixtureDatabase.schema;
export type SampleHandler = EventHandler<SampleEvent, FixtureSchema>;

/** The effect every test handler writes: one sample_effects row per applied event. */
export const writeEffect: SampleHandler = async (event, tx) => {
  await tx.insert(sampleEffects).values({ eventId: event.eventId, contractRef: event.contractRef, amountCents: event.amountCents });
};

export function startSampleConsumer(
  scratch: ScratchDatabase<FixtureSchema>,
  sample: SampleTopic,
  groupId: string,
  handler: SampleHandler,
): Promise<IdempotentConsumer> {
  return startIdempotentConsumer({
    kafka: sample.kafka,
    db: scratch.db,
    groupId,
    topics: [sample.topic],
    codec: sample.codec,
    logger: testLogger,
    handler,
    maxAttempts: 3,
    retryBackoffMs: 20,
    consumerConfig: fastConsumerConfig,
  });
}

/** Produces events the way a relay would (Avro, keyed by contract); returns their offsets. */
export async function publishSampleEvents(
  producer: Producer,
  sample: SampleTopic,
  events: SampleEvent[],
  headers: Record<string, string> = {},
): Promise<string[]> {
  const messages = await Promise.all(
    events.map(async (event) => ({ key: event.contractRef, value: await sample.codec.encode(sample.topic, event), headers })),
  );
  const [metadata] = await producer.send({ topic: sample.topic, acks: -1, messages });
  return events.map((_, index) => (BigInt(metadata?.baseOffset ?? '0') + BigInt(index)).toString());
}

export function effectRowsOf(scratch: ScratchDatabase<FixtureSchema>, eventId: string) {
  return scratch.db.select().from(sampleEffects).where(eq(sampleEffects.eventId, eventId));
}

export async function isProcessed(scratch: ScratchDatabase<FixtureSchema>, eventId: string): Promise<boolean> {
  const rows = await scratch.db.select().from(processedEvents).where(eq(processedEvents.eventId, eventId));
  return rows.length > 0;
}
