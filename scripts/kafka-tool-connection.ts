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

/** Runs one command of a Kafka tool: connects, runs `work`, disconnects; a failure is printed and exits non-zero. */
export function runKafkaTool(clientId: string, work: (tools: Awaited<ReturnType<typeof connectKafkaTools>>) => Promise<void>): void {
  connectKafkaTools(clientId)
    .then(async (tools) => {
      try {
        await work(tools);
      } finally {
        await tools.close();
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
