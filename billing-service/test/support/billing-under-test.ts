import type { RunningServiceOf } from '@boissipay/runtime';
import { startServiceUnderTest, waitFor, type ServiceUnderTest } from '@boissipay/runtime/testing';
import { billingService } from '../../src/service';
import { testEnvironment, uniqueName } from './test-environment';

export interface BillingUnderTest extends ServiceUnderTest<RunningServiceOf<typeof billingService>> {
  /** BILLING_CONTRACT_CONSUMER_NAME of the instance. */
  consumerName: string;
  /** Authorization header with a token carrying `scopes`, for `subject` (by default the tests' own client). */
  auth(scopes?: string[], subject?: string): Promise<Record<string, string>>;
}

/**
 * One billing instance per test file, with its own consumer groups, on the test file's own
 * topics (testEnvironment.topicPrefix) unless the caller gives a KAFKA_TOPIC_PREFIX shared
 * with another service under test.
 */
export async function startBillingUnderTest(env: Record<string, string> = {}): Promise<BillingUnderTest> {
  const consumerName = uniqueName('test-contract-read-model');
  const consumerSuffix = consumerName.slice('test-contract-read-model-'.length);
  const under = await startServiceUnderTest(billingService, {
    name: 'billing',
    topicPrefix: testEnvironment.topicPrefix,
    tokenSubject: 'sales-system-test',
    env: {
      BILLING_CONTRACT_CONSUMER_NAME: consumerName,
      BILLING_PAYMENT_CONSUMER_NAME: `test-payment-results-${consumerSuffix}`,
      BILLING_DELIVERY_CONSUMER_NAME: `test-invoice-deliveries-${consumerSuffix}`,
      // Billing runs start only when a test asks; a test of the scheduler turns it on.
      BILLING_RUN_SCHEDULER_ENABLED: 'false',
      DATABASE_POOL_SIZE: '20',
      ...env,
    },
  });
  const tokens = new Map<string, Promise<string>>();
  return Object.assign(under, {
    consumerName,
    async auth(scopes = ['operations:read', 'operations:write'], subject?: string) {
      const key = `${subject ?? ''}|${scopes.join(' ')}`;
      if (!tokens.has(key)) tokens.set(key, under.token(scopes, subject));
      return { Authorization: `Bearer ${await tokens.get(key)}` };
    },
  });
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
