import type { ChildProcess } from 'node:child_process';
import { dropDatabase, startService, type RunningServiceOf } from '@boissipay/runtime';
import { deleteTopicsWithPrefix, waitFor, freePort } from '@boissipay/runtime/testing';
import { localEndpoints } from '../../infra/endpoints';
import { spawnService } from '../../scripts/service-process';
import { mailerService } from '../src/service';
import { createFakeSmtpServer, type FakeSmtpServer } from './support/fake-smtp-server';
import { buildInvoiceIssuedEvent, uniqueSuffix } from './support/invoice-factory';
import { startDeliveryEventCollector, startInvoicePublisher, type DeliveryEventCollector, type InvoicePublisher } from './support/invoice-events';
import { HOOK_TIMEOUT_MS, testEnvironment, WAIT_TIMEOUT_MS } from './support/mailer-under-test';

/**
 * The mailer runs as a process of its own and is killed (SIGKILL) while the SMTP server holds
 * an invoice's message: the e-mail was not accepted, the delivery is claimed under a lease
 * nobody renews any more. A mailer started again on the same database must send it within
 * seconds — not once some long lease has run out — and exactly once.
 */
describe('a mailer killed in the middle of sending', () => {
  const suffix = uniqueSuffix();
  const databaseName = `mailer_test_${suffix}`;
  let smtp: FakeSmtpServer;
  let publisher: InvoicePublisher;
  let collector: DeliveryEventCollector;
  let child: ChildProcess | undefined;
  let restarted: RunningServiceOf<typeof mailerService> | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    const smtpPort = await freePort();
    // Takes the first message and never answers its "."; accepts every later one.
    smtp = createFakeSmtpServer(smtpPort, () => '250', { holdMessage: (n) => n === 1 });
    await smtp.listen();
    const consumerName = `test-${suffix}`;
    env = {
      PORT: '0',
      DATABASE_URL: localEndpoints.databaseUrl(databaseName),
      KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
      // The test file's own topics, where its publisher and collector are.
      KAFKA_TOPIC_PREFIX: testEnvironment.topicPrefix,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_INTERVAL_MS: '1000',
      MAILER_INVOICE_CONSUMER_NAME: consumerName,
      MAILER_DELIVERY_POLL_INTERVAL_MS: '1000',
      MAILER_DELIVERY_LEASE_MS: '3000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      // Longer than the test: the held message must still be in flight when the process is killed.
      SMTP_TIMEOUT_MS: '120000',
    };
    [publisher, collector] = await Promise.all([startInvoicePublisher(), startDeliveryEventCollector()]);
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await restarted?.stop();
    await Promise.all([collector?.stop(), publisher?.stop(), smtp?.close()]);
    await dropDatabase(testEnvironment.postgresAdminUrl, databaseName);
    await deleteTopicsWithPrefix(testEnvironment.kafkaBrokers, testEnvironment.topicPrefix);
  }, HOOK_TIMEOUT_MS);

  it('when it is killed before the SMTP server accepted the e-mail, then a restarted mailer sends it within seconds, once, announced once', async () => {
    const killed = spawnService('invoice-mailer', { env: { ...process.env, ...env }, stdio: 'ignore' });
    child = killed;
    const event = buildInvoiceIssuedEvent();
    const { contractRef, invoiceRef } = event.invoice;
    await publisher.publish(event);
    await waitFor(() => smtp.receivedMessageIds.length > 0, { timeoutMs: WAIT_TIMEOUT_MS, description: 'the e-mail handed to the SMTP server' });
    await smtp.held;

    await new Promise<void>((resolve) => {
      killed.once('exit', () => resolve());
      killed.kill('SIGKILL');
    });
    child = undefined;
    expect(smtp.acceptedMessageIds).toEqual([]);

    restarted = await startService(mailerService, { env });

    const sent = await collector.waitForEvent(contractRef, invoiceRef, 15_000);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, messageId: smtp.receivedMessageIds[0] });
    expect(smtp.acceptedMessageIds).toEqual([smtp.receivedMessageIds[0]]);
    const { rows } = await restarted.context.pool.query('select status, attempts from deliveries where invoice_ref = $1', [invoiceRef]);
    expect(rows).toEqual([{ status: 'SENT', attempts: 2 }]);
    // The barrier: an invoice of the same contract announced after it, so any second event would be in by now.
    const later = buildInvoiceIssuedEvent({ contractRef });
    await publisher.publish(later);
    await collector.waitForEvent(contractRef, later.invoice.invoiceRef);
    expect(await collector.eventsFor(contractRef, invoiceRef)).toHaveLength(1);
    expect(smtp.acceptedMessageIds).toHaveLength(2);
    // Two mailers start in this test, one of them a process of its own: as long as a hook.
  }, HOOK_TIMEOUT_MS);
});
