import request from 'supertest';
import { dropDatabase, signAccessToken, startService, type RunningService } from '@boissipay/runtime';
import { deleteTopicsWithPrefix, waitFor } from '@boissipay/runtime/testing';
import { definition } from '../../src/service';
import type * as schema from '../../src/infra/schema';
import { databaseUrlOf, testEnvironment, uniqueName } from './test-environment';

const secret = 'billing-service-test-secret-0123456789';

export interface BillingUnderTest {
  service: RunningService<typeof schema>;
  databaseName: string;
  databaseUrl: string;
  consumerName: string;
  /** KAFKA_TOPIC_PREFIX of the instance: the test file's own unless the caller gave one. */
  topicPrefix: string;
  /** supertest bound to the running instance. */
  api: ReturnType<typeof request>;
  /** Authorization header with a token carrying `scopes`. */
  auth(scopes?: string[]): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * One billing instance per test file, in-process on port 0, with its own scratch database,
 * its own consumer groups, and the test file's own topics (testEnvironment.topicPrefix),
 * deleted when it stops, unless the caller gives a KAFKA_TOPIC_PREFIX shared with another
 * service under test.
 */
export async function startBillingUnderTest(env: Record<string, string> = {}): Promise<BillingUnderTest> {
  const databaseName = uniqueName('billing_test').replace(/-/g, '_');
  const databaseUrl = databaseUrlOf(databaseName);
  const consumerName = uniqueName('test-contract-read-model');
  const consumerSuffix = consumerName.slice('test-contract-read-model-'.length);
  const topicPrefix = env.KAFKA_TOPIC_PREFIX ?? testEnvironment.topicPrefix;
  const service = await startService(definition, {
    validateResponses: true,
    env: {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: testEnvironment.logLevel,
      BILLING_CONTRACT_CONSUMER_NAME: consumerName,
      BILLING_PAYMENT_CONSUMER_NAME: `test-payment-results-${consumerSuffix}`,
      BILLING_DELIVERY_CONSUMER_NAME: `test-invoice-deliveries-${consumerSuffix}`,
      // Billing runs start only when a test asks; a test of the scheduler turns it on.
      BILLING_RUN_SCHEDULER_ENABLED: 'false',
      DATABASE_POOL_SIZE: '20',
      ...env,
      KAFKA_TOPIC_PREFIX: topicPrefix,
    },
  });
  const tokens = new Map<string, string>();
  return {
    service,
    databaseName,
    databaseUrl,
    consumerName,
    topicPrefix,
    api: request(`http://127.0.0.1:${service.port}`),
    async auth(scopes = ['operations:read', 'operations:write']) {
      const key = scopes.join(' ');
      let token = tokens.get(key);
      if (!token) {
        token = await signAccessToken({ secret }, { subject: 'sales-system-test', scopes, ttlSeconds: 600 });
        tokens.set(key, token);
      }
      return { Authorization: `Bearer ${token}` };
    },
    async stop() {
      await service.stop();
      await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
      if (env.KAFKA_TOPIC_PREFIX === undefined) await deleteTopicsWithPrefix(testEnvironment.kafkaBrokers, topicPrefix);
    },
  };
}

/** Polls the balance endpoint until the read model has the contract at `version` (or later). */
export async function waitForContractVersion(billing: BillingUnderTest, contractRef: string, version: number): Promise<void> {
  await waitFor(
    async () => {
      const result = await billing.service.context.pool.query('select version from contracts where contract_ref = $1', [contractRef]);
      return Number(result.rows[0]?.version ?? 0) >= version;
    },
    { timeoutMs: 30_000, description: `contract ${contractRef} at version ${version} in the read model` },
  );
}

export async function outstandingMinorOf(billing: BillingUnderTest, contractRef: string): Promise<number> {
  const result = await billing.service.context.pool.query('select outstanding_minor from balances where contract_ref = $1', [contractRef]);
  return Number(result.rows[0]?.outstanding_minor);
}
