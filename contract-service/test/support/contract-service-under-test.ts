import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { dropDatabase, loadConfig, signAccessToken, startService, type RunningService } from '@boissipay/runtime';
import type { ContractDependencies } from '../../src/app/dependencies';
import type { ContractSchema } from '../../src/infra/database';
import { deleteTopicsWithPrefix } from '@boissipay/runtime/testing';
import { definition } from '../../src/service';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig('contract-service');
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

const SECRET = 'contract-service-test-secret-0123456789';
export const TIME_ZONE = 'Europe/Paris';

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export interface ContractServiceUnderTest {
  service: RunningService<ContractSchema>;
  api: ReturnType<typeof request>;
  /** Use-case dependencies on the service's own database, for driving jobs with another clock. */
  dependencies(clock?: () => Date): ContractDependencies;
  token(scopes: string[]): Promise<string>;
  /** A bearer token with both contract scopes. */
  writer: string;
  /** KAFKA_TOPIC_PREFIX of this instance: its topics, subjects and consumer groups are its own. */
  topicPrefix: string;
  stop(): Promise<void>;
}

/**
 * One contract service per test file, in process, on a fresh database and on topics of its
 * own (a KAFKA_TOPIC_PREFIX per instance), so what it publishes and consumes is only the
 * test's. Contract references start at a random number all the same: an end-to-end test
 * may share the instance's topics with another service.
 */
export async function startContractService(env: Record<string, string> = {}): Promise<ContractServiceUnderTest> {
  const suffix = uniqueSuffix();
  const databaseName = `contract_test_${suffix}`;
  const topicPrefix = env.KAFKA_TOPIC_PREFIX ?? `contract-test-${suffix}.`;
  const service = await startService(definition, {
    validateResponses: true,
    env: {
      PORT: '0',
      DATABASE_URL: testEnvironment.postgresAdminUrl.replace(/\/[^/]*$/, `/${databaseName}`),
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      CONTRACT_TIME_ZONE: TIME_ZONE,
      // The tests drive expiry themselves, with their own "today".
      CONTRACT_EXPIRY_CRON: '0 0 1 1 *',
      ...env,
      KAFKA_TOPIC_PREFIX: topicPrefix,
    },
  });
  await service.context.pool.query(`select setval('contract_ref_seq', $1)`, [1_000_000 + Math.floor(Math.random() * 9_000_000_000)]);
  const token = (scopes: string[]) => signAccessToken({ secret: SECRET }, { subject: 'contract-tests', scopes, ttlSeconds: 600 });
  return {
    service,
    api: request(`http://127.0.0.1:${service.port}`),
    dependencies: (clock = () => new Date()) => ({ db: service.context.db, timeZone: TIME_ZONE, clock }),
    token,
    writer: await token(['contracts:read', 'contracts:write']),
    topicPrefix,
    async stop() {
      await service.stop();
      await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
      // Topics named by the caller may be shared with another service under test: theirs to delete.
      if (env.KAFKA_TOPIC_PREFIX === undefined) await deleteTopicsWithPrefix(testEnvironment.kafkaBrokers, topicPrefix);
    },
  };
}
