import { createKafka, createLogger, loadConfig } from '@boissipay/runtime';
import { paymentConfig } from '../../src/config';
import { uniqueSuffix } from '@boissipay/runtime/testing';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig(paymentConfig);
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  topicOptions: { partitions: defaults.KAFKA_TOPIC_PARTITIONS, replicationFactor: defaults.KAFKA_REPLICATION_FACTOR },
  /**
   * KAFKA_TOPIC_PREFIX of the test file (Jest loads this module once per file): the service
   * and the test's publisher and collector share topics no other file sees.
   */
  topicPrefix: `payment-test-${uniqueSuffix()}.`,
};

export const testLogger = createLogger({ service: 'payment-tests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function testKafka() {
  return createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'payment-tests', logger: testLogger });
}
