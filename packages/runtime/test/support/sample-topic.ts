import type { Kafka } from 'kafkajs';
import {
  createAvroCodec,
  createKafka,
  createSchemaRegistry,
  ensureTopics,
  registerSchemas,
  type AvroCodec,
} from '../../src/kafka';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { testEnvironment, testLogger, uniqueName } from './test-environment';

export interface SampleTopic {
  kafka: Kafka;
  /** A fresh topic (and its .dlq) whose value schema is sample-event v1. */
  topic: string;
  codec: AvroCodec;
}

/** What a service does at start-up, for one test topic: create topics, register, build the codec. */
export async function createSampleTopic(prefix: string, options: { partitions?: number } = {}): Promise<SampleTopic> {
  const topic = uniqueName(prefix);
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: prefix, logger: testLogger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [topic], { partitions: options.partitions ?? 1, replicationFactor: 1 });
  } finally {
    await admin.disconnect();
  }
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const schema = loadAvroFixture('sample-event.v1');
  const codec = createAvroCodec(registry, {
    produces: await registerSchemas(registry, [{ topic, schema }]),
    consumes: [{ topic, schema }],
  });
  return { kafka, topic, codec };
}
