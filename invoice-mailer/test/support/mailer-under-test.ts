import request from 'supertest';
import { billingInvoiceIssuedV1Event, mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import { createKafka, createLogger, dropDatabase, ensureTopics, loadConfig, signAccessToken, startService, type RunningServiceOf } from '@boissipay/runtime';
import { localEndpoints } from '../../../infra/endpoints';
import { mailerConfig } from '../../src/config';
import { mailerService } from '../../src/service';
import { uniqueSuffix } from './invoice-factory';

// The same variables and defaults as the service, so KAFKA_BROKERS / SCHEMA_REGISTRY_URL
// point the tests at another Kafka or registry.
const defaults = loadConfig(mailerConfig);
export const testEnvironment = {
  kafkaBrokers: defaults.KAFKA_BROKERS,
  schemaRegistryUrl: defaults.SCHEMA_REGISTRY_URL,
  postgresAdminUrl: localEndpoints.postgresAdminUrl,
  smtp: localEndpoints.smtp,
  mailApiUrl: localEndpoints.mailApiUrl,
};

const SECRET = 'invoice-mailer-test-secret-0123456789';

/** Waits long enough for a busy machine (Kafka group joins, parallel test files) yet under Jest's 60 s per test. */
export const WAIT_TIMEOUT_MS = 45_000;
/** Starting or stopping a service with its consumer group and the helpers beside it. */
export const HOOK_TIMEOUT_MS = 120_000;
export const topics = { issued: billingInvoiceIssuedV1Event.topic, delivery: mailerInvoiceDeliveryV1Event.topic };

export const testLogger = () => createLogger({ service: 'invoice-mailer-tests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/**
 * Creates the topics if this is the first run on this Kafka, then commits `groupId`'s offsets
 * at the current end of `topic`: a fresh group then reads only what is published from now
 * on, not every invoice that earlier runs left on the shared topic.
 */
export async function startGroupAtEndOf(topic: string, groupId: string): Promise<void> {
  const admin = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'invoice-mailer-tests', logger: testLogger() }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [topics.issued, topics.delivery], { partitions: 1, replicationFactor: 1 });
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
}

export interface MailerUnderTest {
  service: RunningServiceOf<typeof mailerService>;
  api: ReturnType<typeof request>;
  token(scopes: string[]): Promise<string>;
  /** A bearer token with invoices:read. */
  reader: string;
  stop(): Promise<void>;
}

/**
 * One invoice mailer in process, on a fresh database, sending to the local SMTP catcher
 * unless `env` says otherwise. Its consumer group is its own and starts at the end of the
 * shared topic, so two instances (or a concurrent run) never share nor replay invoices.
 * Retries are quick so that giving up takes well under a second.
 */
export async function startMailer(env: Record<string, string> = {}): Promise<MailerUnderTest> {
  const suffix = uniqueSuffix();
  const databaseName = `mailer_test_${suffix}`;
  const consumerName = `test-${suffix}`;
  await startGroupAtEndOf(topics.issued, `${mailerConfig.identity.name}.${consumerName}`);
  const service = await startService(mailerService, {
    validateResponses: true,
    env: {
      PORT: '0',
      DATABASE_URL: localEndpoints.databaseUrl(databaseName),
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      OUTBOX_POLL_INTERVAL_MS: '1000',
      MAILER_INVOICE_CONSUMER_NAME: consumerName,
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
  const token = (scopes: string[]) => signAccessToken({ secret: SECRET }, { subject: 'mailer-tests', scopes, ttlSeconds: 600 });
  return {
    service,
    api: request(`http://127.0.0.1:${service.port}`),
    token,
    reader: await token(['invoices:read']),
    async stop() {
      await service.stop();
      await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
    },
  };
}
