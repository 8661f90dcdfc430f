import { randomBytes } from 'node:crypto';
import { createKafka, createLogger, ensureTopics, loadConfig } from '@boissipay/runtime';
import { paymentConfig } from '../../src/config';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig(paymentConfig);
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  topicOptions: { partitions: defaults.KAFKA_TOPIC_PARTITIONS, replicationFactor: defaults.KAFKA_REPLICATION_FACTOR },
};

export const testLogger = createLogger({ service: 'payment-tests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function testKafka() {
  return createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'payment-tests', logger: testLogger });
}

/**
 * Commits a new consumer group's offsets at the current end of `topic`, so that it reads only
 * what is produced from now on. The topics are shared by every run (and by other services'
 * tests): a group starting from the beginning would replay all their history.
 */
export async function startGroupAtEndOf(groupId: string, topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [topic], testEnvironment.topicOptions);
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
}
