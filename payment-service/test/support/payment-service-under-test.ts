import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { dropDatabase, signAccessToken, startService, type RunningService } from '@boissipay/runtime';
import { waitFor } from '@boissipay/runtime/testing';
import request from 'supertest';
import type { PaymentSchema } from '../../src/infra/database';
import { definition } from '../../src/service';
import { startGroupAtEndOf, testEnvironment, uniqueSuffix } from './kafka-support';

const SECRET = 'payment-service-test-secret-0123456789';

/** Fast retries and an instant provider, so that every scenario runs in well under a second. */
export const TEST_RETRY = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

export interface PaymentServiceUnderTest {
  /** The running instance (a new one after each restart). */
  service(): RunningService<PaymentSchema>;
  api(): ReturnType<typeof request>;
  token(scopes: string[]): Promise<string>;
  /** A bearer token with payments:read. */
  reader: string;
  /** Stops the service (as a crash or a deploy would) and starts it again on the same database and consumer group. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Polls GET /v1/payments?invoiceRef= until its one payment satisfies `accept`. */
  paymentOf(invoiceRef: string, accept?: (payment: PaymentBody) => boolean): Promise<PaymentBody>;
  /** The simulated provider's books for a payment (calls made, outcome). */
  simulatedDebitsOf(paymentRef: string): Promise<Array<{ calls: number; outcome: string | null; providerRef: string | null }>>;
  stop(): Promise<void>;
}

type PaymentBody = { paymentRef: string; status: string; attemptCount: number } & Record<string, unknown>;

/**
 * One payment service per test file, in process, on a fresh database, in a consumer group of
 * its own that starts at the end of billing.invoice-issued.v1 (the topic is shared by every
 * run, and other runs' invoices are none of this file's business).
 */
export async function startPaymentService(env: Record<string, string> = {}): Promise<PaymentServiceUnderTest> {
  const databaseName = `payment_test_${uniqueSuffix()}`;
  const consumerName = `test-${uniqueSuffix()}`;
  await startGroupAtEndOf(`payment-service.${consumerName}`, billingInvoiceIssuedV1Event.topic);
  const baseEnv = {
    PORT: '0',
    DATABASE_URL: testEnvironment.postgresAdminUrl.replace(/\/[^/]*$/, `/${databaseName}`),
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PAYMENT_INVOICE_CONSUMER_NAME: consumerName,
    PAYMENT_PROVIDER_LATENCY_MS: '0',
    PAYMENT_DEBIT_MAX_ATTEMPTS: String(TEST_RETRY.maxAttempts),
    PAYMENT_RETRY_BASE_DELAY_MS: String(TEST_RETRY.baseDelayMs),
    PAYMENT_RETRY_MAX_DELAY_MS: String(TEST_RETRY.maxDelayMs),
    ...env,
  };
  let service = await startService(definition, { validateResponses: true, env: baseEnv });
  const token = (scopes: string[]) => signAccessToken({ secret: SECRET }, { subject: 'payment-tests', scopes, ttlSeconds: 600 });
  const reader = await token(['payments:read']);
  const api = () => request(`http://127.0.0.1:${service.port}`);

  return {
    service: () => service,
    api,
    token,
    reader,
    async restart(overrides = {}) {
      await service.stop();
      service = await startService(definition, { validateResponses: true, env: { ...baseEnv, ...overrides } });
    },
    paymentOf: (invoiceRef, accept = () => true) =>
      waitFor(
        async () => {
          const response = await api().get('/v1/payments').query({ invoiceRef }).set('Authorization', `Bearer ${reader}`);
          const [payment] = (response.body.payments ?? []) as PaymentBody[];
          return payment && accept(payment) && payment;
        },
        { timeoutMs: 30_000, description: `a payment of ${invoiceRef}` },
      ),
    async simulatedDebitsOf(paymentRef) {
      const result = await service.context.pool.query(
        'select calls, outcome, provider_ref as "providerRef" from simulated_debits where payment_ref = $1',
        [paymentRef],
      );
      return result.rows;
    },
    async stop() {
      await service.stop();
      await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
    },
  };
}
