import { randomBytes } from 'node:crypto';
import { loadConfig } from '@boissipay/runtime';
import { billingConfig } from '../../src/config';

// The services' own variables and defaults, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL move the tests too.
const config = loadConfig(billingConfig, { ...process.env, PORT: undefined, DATABASE_URL: undefined });

export const testEnvironment = {
  kafkaBrokers: config.KAFKA_BROKERS,
  /**
   * KAFKA_TOPIC_PREFIX of the test file (Jest loads this module once per file): the billing
   * instance and the test's publishers and collectors share topics no other file sees.
   */
  topicPrefix: `${uniqueName('billing-test')}.`,
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
};

/** Kafka groups and contract references are shared by every run: each test names its own. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
