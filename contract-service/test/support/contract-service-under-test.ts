import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { dropDatabase, loadConfig, signAccessToken, startService, type RunningService } from '@boissipay/runtime';
import type { ContractDependencies } from '../../src/app/dependencies';
import type { ContractSchema } from '../../src/infra/database';
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
  stop(): Promise<void>;
}

/**
 * One contract service per test file, in process, on a fresh database. Contract references
 * start at a random number: the topic is shared by every test run, and references from two
 * scratch databases would otherwise collide on it.
 */
export async function startContractService(): Promise<ContractServiceUnderTest> {
  const databaseName = `contract_test_${uniqueSuffix()}`;
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
    async stop() {
      await service.stop();
      await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
    },
  };
}
