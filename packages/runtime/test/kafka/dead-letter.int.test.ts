import { sql } from 'drizzle-orm';
import type { Producer } from 'kafkajs';
import { createIdempotentProducer, deadLetterTopicOf, type IdempotentConsumer } from '../../src/kafka';
import { CORRELATION_HEADER } from '../../src/logging';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '../../src/testing';
import { startMessageCollector, type MessageCollector } from '../support/message-collector';
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

describe('dead-letter handling of the idempotent consumer', () => {
  const groupId = uniqueName('runtime-dlq');
  const handlerCalls = new Map<string, number>();
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
  let sample: SampleTopic;
  let producer: Producer;
  let consumer: IdempotentConsumer;
  let deadLetters: MessageCollector;

  const handler: SampleHandler = async (event, tx, context) => {
    handlerCalls.set(event.eventId, (handlerCalls.get(event.eventId) ?? 0) + 1);
    await writeEffect(event, tx, context);
    if (event.note === 'always-fail') throw new Error('customer ledger is corrupt');
    // The database drops our connection mid-transaction, as in a failover (57P01 admin_shutdown),
    // for longer than the consumer's own attempts: only a redelivery by Kafka can save the event.
    if (event.note === 'outage' && (handlerCalls.get(event.eventId) ?? 0) <= 3) {
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
    }
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_dlq', ...fixtureDatabase });
    sample = await createSampleTopic('runtime-dlq');
    producer = createIdempotentProducer(sample.kafka);
    await producer.connect();
    deadLetters = await startMessageCollector(sample.kafka, [deadLetterTopicOf(sample.topic)]);
    consumer = await startSampleConsumer(scratch, sample, groupId, handler);
  });

  afterAll(async () => {
    await consumer?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await scratch?.drop();
  });

  function deadLetterFor(offset: string | undefined) {
    return waitFor(() => deadLetters.messages.find((message) => message.headers['x-original-offset'] === offset), {
      description: `the dead letter of offset ${offset}`,
    });
  }

  it('when a message cannot be decoded, then its raw bytes go to the DLQ with the error and the next message is processed', async () => {
    const raw = Buffer.from('{"eventId":"not Avro at all"}');
    const [metadata] = await producer.send({
      topic: sample.topic,
      acks: -1,
      messages: [{ key: 'CTR-raw', value: raw, headers: { [CORRELATION_HEADER]: 'corr-raw' } }],
    });
    const next = buildSampleEvent();
    await publishSampleEvents(producer, sample, [next]);

    const deadLetter = await deadLetterFor(metadata?.baseOffset);
    expect(deadLetter.value).toEqual(raw);
    expect(deadLetter.key).toBe('CTR-raw');
    expect(deadLetter.headers).toEqual({
      [CORRELATION_HEADER]: 'corr-raw',
      'x-error-type': 'undecodable',
      'x-error-message': expect.stringContaining('not in Confluent wire format'),
      'x-original-topic': sample.topic,
      'x-original-partition': '0',
      'x-original-offset': metadata?.baseOffset,
      'x-consumer-group': groupId,
    });
    await waitFor(() => isProcessed(scratch, next.eventId), { description: 'the message after the poison one' });
  });

  it('when an event has no usable eventId, then it goes to the DLQ without reaching the handler', async () => {
    const anonymous = buildSampleEvent({ eventId: 'not-a-uuid' });

    const [offset] = await publishSampleEvents(producer, sample, [anonymous]);

    const deadLetter = await deadLetterFor(offset);
    expect(deadLetter.headers['x-error-type']).toBe('missing-event-id');
    expect(handlerCalls.has('not-a-uuid')).toBe(false);
  });

  it('when the handler keeps failing, then the event goes to the DLQ after maxAttempts with nothing applied', async () => {
    const doomed = buildSampleEvent({ note: 'always-fail' });
    const next = buildSampleEvent();

    const [offset] = await publishSampleEvents(producer, sample, [doomed, next]);

    const deadLetter = await deadLetterFor(offset);
    expect(deadLetter.headers).toMatchObject({
      'x-error-type': 'handler-failed',
      'x-error-message': 'Error: customer ledger is corrupt',
    });
    expect(await sample.codec.decode(deadLetter.value as Buffer)).toEqual(doomed);
    expect(handlerCalls.get(doomed.eventId)).toBe(3);
    await waitFor(() => isProcessed(scratch, next.eventId), { description: 'the message after the failing one' });
    expect(await effectRowsOf(scratch, doomed.eventId)).toHaveLength(0);
    expect(await isProcessed(scratch, doomed.eventId)).toBe(false);
  });

  it('when the database is lost for longer than the retries, then Kafka redelivers the event and it is applied once, not dead-lettered', async () => {
    const survivor = buildSampleEvent({ note: 'outage' });

    const [offset] = await publishSampleEvents(producer, sample, [survivor]);

    await waitFor(() => isProcessed(scratch, survivor.eventId), { timeoutMs: 30_000, description: 'the event after the outage' });
    expect(handlerCalls.get(survivor.eventId)).toBe(4);
    expect(await effectRowsOf(scratch, survivor.eventId)).toHaveLength(1);
    expect(deadLetters.messages.find((message) => message.headers['x-original-offset'] === offset)).toBeUndefined();
  });
});
