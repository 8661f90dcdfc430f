import { createKafka, createLogger, createSchemaRegistry, createAvroCodec, type AvroCodec } from '@boissipay/runtime';
import type { Admin, Kafka } from 'kafkajs';
import { localEndpoints } from '../infra/endpoints';

/** Kafka and the registry as the local platform has them (KAFKA_BROKERS / SCHEMA_REGISTRY_URL move them). */
export async function connectKafkaTools(clientId: string): Promise<{ kafka: Kafka; admin: Admin; codec: AvroCodec; close(): Promise<void> }> {
  const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()) ?? localEndpoints.kafkaBrokers;
  const kafka = createKafka({ brokers, clientId, logger: createLogger({ service: clientId, level: process.env.LOG_LEVEL ?? 'silent' }) });
  const admin = kafka.admin();
  await admin.connect();
  const codec = createAvroCodec(createSchemaRegistry(process.env.SCHEMA_REGISTRY_URL ?? localEndpoints.schemaRegistryUrl), {});
  return { kafka, admin, codec, close: () => admin.disconnect() };
}
