import { freePort } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, uniqueSuffix } from './support/invoice-factory';
import { createFakeSmtpServer, type FakeSmtpServer } from './support/fake-smtp-server';
import { startDeliveryEventCollector, startInvoicePublisher, type DeliveryEventCollector, type InvoicePublisher } from './support/invoice-events';
import { HOOK_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

/**
 * A mailer of its own, pointed at a port where, first, nothing listens (the SMTP server is
 * down), then a scripted SMTP server answers: 451 once to "busy-…" recipients, 550 to
 * "unknown-…" ones, 250 to the rest. The shared catcher is never stopped. Three attempts
 * at most, 50 ms apart then doubling.
 */
describe('delivery failures', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  let collector: DeliveryEventCollector;
  let smtp: FakeSmtpServer;
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });

  beforeAll(async () => {
    const port = await freePort();
    smtp = createFakeSmtpServer(port, (address, attempt) => {
      if (address.startsWith('busy-') && attempt === 1) return '451 4.3.0 mailbox busy, try again later';
      if (address.startsWith('unknown-')) return '550 5.1.1 no such mailbox';
      return '250';
    });
    [mailer, publisher, collector] = await Promise.all([startMailer({ SMTP_PORT: String(port) }), startInvoicePublisher(), startDeliveryEventCollector()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([collector?.stop(), publisher?.stop(), smtp?.close()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when the SMTP server cannot be reached, then the invoice is tried three times, then given up with a FAILED event', async () => {
    const event = buildInvoiceIssuedEvent();
    const { invoice } = event;
    await publisher.publish(event);

    const failed = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
    expect(failed).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      recipient: invoice.billingContact.email,
      messageId: null,
      sentAt: null,
      causationId: event.eventId,
      failureReason: expect.stringMatching(/ECONNREFUSED.*\(still failing after 3 attempts\)$/),
    });
    const read = await mailer.api.get(`/v1/deliveries/${failed.deliveryId}`).set(auth());
    expect(read.body).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      failedAt: expect.any(String),
      failureReason: failed.failureReason,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(read.body).not.toHaveProperty('sentAt');
    expect(read.body).not.toHaveProperty('nextAttemptAt');
  });

  describe('once the SMTP server answers', () => {
    beforeAll(() => smtp.listen());

    it('when it answers 4xx, then the invoice is retried and SENT at the second attempt', async () => {
      const event = buildInvoiceIssuedEvent({ recipient: `busy-${uniqueSuffix()}@acme.example` });
      const { invoice } = event;
      await publisher.publish(event);

      const sent = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
      expect(sent).toMatchObject({ status: 'SENT', attempts: 2, messageId: `<${sent.deliveryId}@boissipay.example>`, failureReason: null });
      expect(smtp.accepted.filter((address) => address === invoice.billingContact.email)).toHaveLength(1);
    });

    it('when it answers 5xx, then the invoice is given up at once with a FAILED event', async () => {
      const event = buildInvoiceIssuedEvent({ recipient: `unknown-${uniqueSuffix()}@acme.example` });
      const { invoice } = event;
      await publisher.publish(event);

      const failed = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, messageId: null, failureReason: expect.stringContaining('550 5.1.1 no such mailbox') });
      expect(smtp.accepted).not.toContain(invoice.billingContact.email);
    });
  });
});
