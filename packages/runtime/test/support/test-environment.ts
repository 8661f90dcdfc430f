import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineServiceConfig, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import * as fixtureSchema from '../fixtures/db/schema';

// The same variables and defaults as the services, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const config = loadConfig(defineServiceConfig({ name: 'runtime-tests', port: 0, database: 'boissipay_runtime_tests' }, {}));

export const testEnvironment = {
  kafkaBrokers: config.KAFKA_BROKERS,
  schemaRegistryUrl: config.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

export const fixtureDatabase = {
  schema: fixtureSchema,
  migrationsFolder: path.join(__dirname, '../fixtures/db/drizzle'),
};

/** Silent unless TEST_LOG_LEVEL is set: several tests provoke failures on purpose. */
export const testLogger = createLogger({ service: 'runtime-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Kafka topics, groups and subjects are shared by every run: each run names its own. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Consumer settings that keep group joins and leaves fast on a single local broker. */
export const fastConsumerConfig = { sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 500 };

/**
 * The environment a sample service of these tests starts with: its own database and topic
 * prefix on the shared servers, silent logs, and whatever the test adds or overrides.
 */
export function sampleServiceEnv(options: { databaseName: string; topicPrefix: string; secret: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    DATABASE_URL: `${testEnvironment.postgresAdminUrl.replace(/\/[^/]*$/, '')}/${options.databaseName}`,
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
    AUTH_JWT_SECRET: options.secret,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    ...extra,
  };
}
