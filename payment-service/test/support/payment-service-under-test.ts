import type { RunningServiceOf } from '@boissipay/runtime';
import { startServiceUnderTest, uniqueSuffix, waitFor, type ServiceUnderTest } from '@boissipay/runtime/testing';
import { paymentService } from '../../src/service';
import { testEnvironment } from './kafka-support';

/** Fast retries and an instant provider, so that every scenario runs in well under a second. */
/**
 * A clock 60 days ahead: on the collection date of any invoice issued now (30 days after issue,
 * or the next business day), so a payment-service on it debits invoices as they come.
 */
export const collectionDayClock = (): Date => new Date(Date.now() + 60 * 24 * 3600 * 1000);

export const TEST_RETRY = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

type PaymentBody = { paymentRef: string; status: string; attemptCount: number } & Record<string, unknown>;

export interface PaymentServiceUnderTest extends ServiceUnderTest<RunningServiceOf<typeof paymentService>> {
  /** A bearer token with payments:read. */
  reader: string;
  /** Polls GET /v1/payments?invoiceRef= until its one payment satisfies `accept`. */
  paymentOf(invoiceRef: string, accept?: (payment: PaymentBody) => boolean): Promise<PaymentBody>;
  /** The simulated provider's books for a payment (calls made, outcome). */
  simulatedDebitsOf(paymentRef: string): Promise<Array<{ calls: number; outcome: string | null; providerRef: string | null }>>;
}

/** One payment service per test file, on the test file's topics (testEnvironment.topicPrefix). */
export async function startPaymentService(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<PaymentServiceUnderTest> {
  const under = await startServiceUnderTest(paymentService, {
    ...options,
    name: 'payment',
    topicPrefix: testEnvironment.topicPrefix,
    env: {
      PAYMENT_INVOICE_CONSUMER_NAME: `test-${uniqueSuffix()}`,
      PAYMENT_PROVIDER_LATENCY_MS: '0',
      PAYMENT_DEBIT_MAX_ATTEMPTS: String(TEST_RETRY.maxAttempts),
      PAYMENT_RETRY_BASE_DELAY_MS: String(TEST_RETRY.baseDelayMs),
      PAYMENT_RETRY_MAX_DELAY_MS: String(TEST_RETRY.maxDelayMs),
      ...env,
    },
  });
  const reader = await under.token(['payments:read']);
  return Object.assign(under, {
    reader,
    paymentOf: (invoiceRef: string, accept: (payment: PaymentBody) => boolean = () => true) =>
      waitFor(
        async () => {
          const response = await under.api.get('/v1/payments').query({ invoiceRef }).set('Authorization', `Bearer ${reader}`);
          const [payment] = (response.body.payments ?? []) as PaymentBody[];
          return payment && accept(payment) && payment;
        },
        { timeoutMs: 30_000, description: `a payment of ${invoiceRef}` },
      ),
    async simulatedDebitsOf(paymentRef: string) {
      const result = await under.service.context.pool.query(
        'select calls, outcome, provider_ref as "providerRef" from simulated_debits where payment_ref = $1',
        [paymentRef],
      );
      return result.rows;
    },
  });
}
