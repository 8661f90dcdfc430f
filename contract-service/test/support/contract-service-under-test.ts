import { randomUUID } from 'node:crypto';
import { loadConfig, type RunningServiceOf } from '@boissipay/runtime';
import { startServiceUnderTest, testPostgresAdminUrl, type ServiceUnderTest } from '@boissipay/runtime/testing';
import type { ContractDependencies } from '../../src/app/dependencies';
import { contractConfig } from '../../src/config';
import { contractService } from '../../src/service';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig(contractConfig);
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: testPostgresAdminUrl,
};

export const TIME_ZONE = 'Europe/Paris';

export interface ContractServiceUnderTest extends ServiceUnderTest<RunningServiceOf<typeof contractService>> {
  /** Use-case dependencies on the service's own database, for driving jobs with another clock. */
  dependencies(clock?: () => Date): ContractDependencies;
  /** A bearer token with both contract scopes. */
  writer: string;
}

/**
 * One contract service per test file, on topics of its own unless `env` names another's.
 * Contract references start at a random number all the same: an end-to-end test may share
 * the instance's topics with another service.
 */
export async function startContractService(env: Record<string, string> = {}): Promise<ContractServiceUnderTest> {
  const under = await startServiceUnderTest(contractService, {
    name: 'contract',
    env: {
      CONTRACT_TIME_ZONE: TIME_ZONE,
      // The tests drive expiry themselves, with their own "today".
      CONTRACT_EXPIRY_CRON: '0 0 1 1 *',
      ...env,
    },
  });
  await under.service.context.pool.query(`select setval('contract_ref_seq', $1)`, [1_000_000 + Math.floor(Math.random() * 9_000_000_000)]);
  return Object.assign(under, {
    dependencies: (clock = () => new Date()) => ({ db: under.service.context.db, timeZone: TIME_ZONE, clock, newId: randomUUID }),
    writer: await under.token(['contracts:read', 'contracts:write']),
  });
}
