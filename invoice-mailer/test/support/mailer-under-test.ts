import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event, contractLifecycleV1Event, mailerInvoiceDeliveryV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { createLogger, loadConfig, type RunningServiceOf } from '@boissipay/runtime';
import { startServiceUnderTest, uniqueSuffix, type ServiceUnderTest } from '@boissipay/runtime/testing';
import { localEndpoints } from '../../../infra/endpoints';
import { mailerConfig } from '../../src/config';
import { mailerService } from '../../src/service';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig(mailerConfig);
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  topicOptions: { partitions: defaults.KAFKA_TOPIC_PARTITIONS, replicationFactor: defaults.KAFKA_REPLICATION_FACTOR },
  /**
   * KAFKA_TOPIC_PREFIX of the test file (Jest loads this module once per file): the mailer
   * and the test's publisher and collector share topics no other file sees.
   */
  topicPrefix: `mailer-test-${uniqueSuffix()}.`,
  postgresAdminUrl: localEndpoints.postgresAdminUrl,
  smtp: localEndpoints.smtp,
  mailApiUrl: localEndpoints.mailApiUrl,
};

/** Waits long enough for a busy machine (Kafka group joins, parallel test files) yet under Jest's 60 s per test. */
export const WAIT_TIMEOUT_MS = 45_000;
/** Starting or stopping a service with its consumer group and the helpers beside it. */
export const HOOK_TIMEOUT_MS = 120_000;
export const topics = {
  issued: `${testEnvironment.topicPrefix}${billingInvoiceIssuedV1Event.topic}`,
  creditNoteIssued: `${testEnvironment.topicPrefix}${billingCreditNoteIssuedV1Event.topic}`,
  delivery: `${testEnvironment.topicPrefix}${mailerInvoiceDeliveryV1Event.topic}`,
  paymentResult: `${testEnvironment.topicPrefix}${paymentResultV1Event.topic}`,
  contractLifecycle: `${testEnvironment.topicPrefix}${contractLifecycleV1Event.topic}`,
};

export const testLogger = () => createLogger({ service: 'invoice-mailer-tests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface MailerUnderTest extends ServiceUnderTest<RunningServiceOf<typeof mailerService>> {
  /** A bearer token with invoices:read. */
  reader: string;
}

/**
 * One invoice mailer per test file, on the file's topics, sending to the local SMTP catcher
 * unless `env` says otherwise. Retries are quick so that giving up takes well under a second.
 */
export async function startMailer(env: Record<string, string> = {}): Promise<MailerUnderTest> {
  const under = await startServiceUnderTest(mailerService, {
    name: 'mailer',
    topicPrefix: testEnvironment.topicPrefix,
    env: {
      OUTBOX_POLL_INTERVAL_MS: '1000',
      MAILER_INVOICE_CONSUMER_NAME: `test-${uniqueSuffix()}`,
      MAILER_CREDIT_NOTE_CONSUMER_NAME: `test-${uniqueSuffix()}`,
      MAILER_DELIVERY_POLL_INTERVAL_MS: '1000',
      MAILER_SEND_MAX_ATTEMPTS: '3',
      MAILER_RETRY_BASE_DELAY_MS: '50',
      MAILER_RETRY_MAX_DELAY_MS: '200',
      SMTP_HOST: testEnvironment.smtp.host,
      SMTP_PORT: String(testEnvironment.smtp.port),
      SMTP_TIMEOUT_MS: '5000',
      ...env,
    },
  });
  return Object.assign(under, { reader: await under.token(['invoices:read']) });
}
