import { freePort, waitFor } from '@boissipay/runtime/testing';
import { buildCreditNoteIssuedEvent } from './support/credit-note-factory';
import { buildInvoiceIssuedEvent, uniqueSuffix } from './support/invoice-factory';
import { createFakeSmtpServer, type FakeSmtpServer } from './support/fake-smtp-server';
import {
  startCreditNotePublisher,
  startDeliveryEventCollector,
  startInvoicePublisher,
  type CreditNotePublisher,
  type DeliveryEventCollector,
  type InvoicePublisher,
} from './support/invoice-events';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

/**
 * A mailer of its own, pointed at a port where, first, nothing listens (the SMTP server is
 * down), then a scripted SMTP server answers: 451 once to "busy-…" recipients, 550 to
 * "unknown-…" ones, 250 to the rest. The shared catcher is never stopped. Three attempts
 * at most, 50 ms apart then doubling.
 */
describe('delivery failures', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  let creditNotes: CreditNotePublisher;
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
    [mailer, publisher, creditNotes, collector] = await Promise.all([startMailer({ SMTP_PORT: String(port) }), startInvoicePublisher(), startCreditNotePublisher(), startDeliveryEventCollector()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([collector?.stop(), publisher?.stop(), creditNotes?.stop(), smtp?.close()]);
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

    it('when it answers 5xx to a credit note, then its delivery is given up at once, FAILED, and nothing is published for the invoice it corrects', async () => {
      const event = buildInvoiceIssuedEvent({ recipient: `unknown-${uniqueSuffix()}@acme.example` });
      const { invoice } = event;
      await publisher.publish(event);
      await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
      const { creditNote } = buildCreditNoteIssuedEvent(invoice);
      await creditNotes.publish(buildCreditNoteIssuedEvent(invoice, { creditNoteRef: creditNote.creditNoteRef }));

      const failed = await waitFor(
        async () => {
          const listed = await mailer.api.get('/v1/deliveries').query({ creditNoteRef: creditNote.creditNoteRef }).set(auth());
          const [delivery] = listed.body.deliveries as Array<{ status: string }>;
          return delivery?.status === 'FAILED' ? delivery : undefined;
        },
        { timeoutMs: WAIT_TIMEOUT_MS, description: `the delivery of ${creditNote.creditNoteRef} FAILED` },
      );
      expect(failed).toMatchObject({ creditNoteRef: creditNote.creditNoteRef, invoiceRef: invoice.invoiceRef, attempts: 1, failureReason: expect.stringContaining('550 5.1.1 no such mailbox') });
      // The invoice's own FAILED event only: billing must not take the credit note's outcome for its invoice's.
      // (An event would have been written to the outbox in the transaction that made the delivery FAILED.)
      const written = await mailer.service.context.pool.query('select payload from outbox where message_key = $1', [invoice.contractRef]);
      expect(written.rows.map((row: { payload: { deliveryId: string } }) => row.payload.deliveryId)).toEqual([(await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef)).deliveryId]);
      expect((await collector.eventsFor(invoice.contractRef, invoice.invoiceRef)).map((delivered) => delivered.status)).toEqual(['FAILED']);
    });
  });
});
