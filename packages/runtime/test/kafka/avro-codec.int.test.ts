import type { Producer } from 'kafkajs';
import {
  createAvroCodec,
  createIdempotentProducer,
  createSchemaRegistry,
  registerSchemas,
  UndecodableMessageError,
  type AvroCodec,
} from '../../src/kafka';
import { waitFor } from '../../src/testing';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { startMessageCollector, type MessageCollector } from '../support/message-collector';
import { buildSampleEvent } from '../support/sample-event';
import { createSampleTopic } from '../support/sample-topic';
import { testEnvironment } from '../support/test-environment';

describe('Avro codec over Kafka and the schema registry', () => {
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  let topic: string;
  let codec: AvroCodec;
  let producer: Producer;
  let collector: MessageCollector;

  beforeAll(async () => {
    const sample = await createSampleTopic('runtime-codec');
    ({ topic, codec } = sample);
    producer = createIdempotentProducer(sample.kafka);
    await producer.connect();
    collector = await startMessageCollector(sample.kafka, [topic]);
  });

  afterAll(async () => {
    await collector?.stop();
    await producer?.disconnect();
  });

  it('when an event is encoded, produced and consumed, then it decodes to the same value', async () => {
    const event = buildSampleEvent({ note: 'first purchase' });
    await producer.send({ topic, acks: -1, messages: [{ key: event.contractRef, value: await codec.encode(topic, event) }] });

    const received = await waitFor(() => collector.messages.find((message) => message.key === event.contractRef));

    expect(received.value?.[0]).toBe(0); // Confluent wire format: magic byte, then the schema id
    expect(await codec.decode(received.value as Buffer)).toEqual(event);
  });

  it('when an event was written with v1, then a consumer reading with v2 gets the new field default', async () => {
    const event = buildSampleEvent();
    const reader = createAvroCodec(registry, {
      consumes: [{ topic, schema: loadAvroFixture('sample-event.v2-added-optional-field') }],
    });

    expect(await reader.decode(await codec.encode(topic, event), topic)).toEqual({ ...event, currency: 'EUR' });
  });

  it('when a value does not match the schema, then encoding fails naming the field', async () => {
    await expect(codec.encode(topic, { ...buildSampleEvent(), amountCents: 'twelve' })).rejects.toMatchObject({
      paths: [['amountCents']],
    });
  });

  it('when bytes are not in Confluent wire format, then decoding fails as undecodable', async () => {
    await expect(codec.decode(Buffer.from('plain text'))).rejects.toBeInstanceOf(UndecodableMessageError);
  });

  it('when the schema id is unknown to the registry, then decoding fails as undecodable', async () => {
    const unknownId = Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0, 2, 4]);
    await expect(codec.decode(unknownId)).rejects.toBeInstanceOf(UndecodableMessageError);
  });

  it("when a value was written with a schema registered for another topic, then the topic's consumer refuses it as undecodable", async () => {
    // Another producer's topic, whose schema (v2, a superset) would decode as the sample event all the same.
    const other = await createSampleTopic('runtime-codec-other');
    const [foreign] = await registerSchemas(registry, [{ topic: other.topic, schema: loadAvroFixture('sample-event.v2-added-optional-field') }]);
    const writer = createAvroCodec(registry, { produces: foreign ? [foreign] : [] });
    const reader = createAvroCodec(registry, { consumes: [{ topic, schema: loadAvroFixture('sample-event.v1') }] });
    const value = await writer.encode(other.topic, { ...buildSampleEvent(), currency: 'USD' });

    const refused = reader.decode(value, topic);
    await expect(refused).rejects.toBeInstanceOf(UndecodableMessageError);
    await expect(refused).rejects.toThrow(new RegExp(`is not a version of ${topic}-value`));
    // Read without a reader schema, as the topic tools do, it still decodes: only the topic's consumers are strict.
    await expect(reader.decode(value)).resolves.toMatchObject({ currency: 'USD' });
  });
});
