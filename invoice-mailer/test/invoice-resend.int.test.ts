import { expectError, waitFor } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, uniqueSuffix, type InvoiceIssuedEvent } from './support/invoice-factory';
import { startDeliveryEventCollector, startInvoicePublisher, type DeliveryEventCollector, type InvoicePublisher } from './support/invoice-events';
import { emailsTo, waitForEmailTo } from './support/mail-catcher';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

const OPERATOR = 'operator-jane';
type DeliveryBody = { deliveryId: string; status: string; kind: string; recipient: string; messageId: string } & Record<string, unknown>;

/**
 * An operator has an invoice e-mailed again: a second delivery record, one more real e-mail
 * in the local SMTP catcher (maildev), and one more mailer.invoice-delivery.v1 event.
 */
describe('POST /v1/invoices/{invoiceRef}/deliveries (resend)', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  let collector: DeliveryEventCollector;
  let operator: string;

  beforeAll(async () => {
    [mailer, publisher, collector] = await Promise.all([startMailer(), startInvoicePublisher(), startDeliveryEventCollector()]);
    operator = await mailer.token(['deliveries:operate'], OPERATOR);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([collector?.stop(), publisher?.stop()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  const resend = (invoiceRef: string, body: object, options: { key?: string; token?: string | null } = {}) => {
    const request = mailer.api.post(`/v1/invoices/${invoiceRef}/deliveries`).send(body);
    const token = options.token === undefined ? operator : options.token;
    if (token) request.set('Authorization', `Bearer ${token}`);
    if (options.key) request.set('Idempotency-Key', options.key);
    return request;
  };
  const deliveriesOf = async (invoiceRef: string): Promise<DeliveryBody[]> =>
    (await mailer.api.get('/v1/deliveries').query({ invoiceRef }).set('Authorization', `Bearer ${mailer.reader}`)).body.deliveries;
  const waitForSent = (invoiceRef: string, count: number) =>
    waitFor(async () => {
      const deliveries = await deliveriesOf(invoiceRef);
      return deliveries.length === count && deliveries.every((delivery) => delivery.status === 'SENT') && deliveries;
    }, { timeoutMs: WAIT_TIMEOUT_MS, description: `${count} SENT deliveries of ${invoiceRef}` });
  /** Every delivery event of the invoice so far: a later invoice of the same contract, delivered, is the barrier. */
  const allEventsOf = async (event: InvoiceIssuedEvent) => {
    const barrier = buildInvoiceIssuedEvent({ contractRef: event.contractRef });
    await publisher.publish(barrier);
    await collector.waitForEvent(barrier.contractRef, barrier.invoice.invoiceRef);
    return collector.eventsFor(event.contractRef, event.invoice.invoiceRef);
  };

  async function sentInvoice(): Promise<InvoiceIssuedEvent> {
    const event = buildInvoiceIssuedEvent();
    await publisher.publish(event);
    await waitForSent(event.invoice.invoiceRef, 1);
    return event;
  }

  it('when an operator resends a sent invoice, then a second delivery e-mails the billing contact again and publishes its own SENT event', async () => {
    const event = await sentInvoice();
    const { invoiceRef, billingContact } = event.invoice;
    const reason = 'The customer lost the original e-mail.';

    const response = await resend(invoiceRef, { reason }, { key: `resend-${invoiceRef}` });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ invoiceRef, kind: 'RESEND', reason, requestedBy: OPERATOR, recipient: billingContact.email, status: 'PENDING', attempts: 0 });
    expect(response.headers.location).toBe(`/v1/deliveries/${response.body.deliveryId}`);

    const [resent, original] = await waitForSent(invoiceRef, 2);
    expect(resent).toMatchObject({ deliveryId: response.body.deliveryId, kind: 'RESEND', reason, requestedBy: OPERATOR, attempts: 1 });
    expect(original).toMatchObject({ kind: 'ORIGINAL', recipient: billingContact.email });
    expect(original).not.toHaveProperty('reason');
    expect(resent!.messageId).not.toBe(original!.messageId);

    const emails = await waitFor(async () => {
      const received = await emailsTo(billingContact.email);
      return received.length === 2 && received;
    }, { timeoutMs: WAIT_TIMEOUT_MS, description: `two e-mails to ${billingContact.email}` });
    expect(emails.map((email) => email.messageId).sort()).toEqual([original!.messageId, resent!.messageId].map((id) => id.replace(/^<|>$/g, '')).sort());
    for (const email of emails) expect(email.attachments?.map((attachment) => attachment.fileName)).toEqual([`${invoiceRef}.pdf`]);

    const events = await allEventsOf(event);
    expect(events.map((delivered) => [delivered.deliveryId, delivered.status, delivered.recipient])).toEqual([
      [original!.deliveryId, 'SENT', billingContact.email],
      [resent!.deliveryId, 'SENT', billingContact.email],
    ]);
    expect(events[1]).toMatchObject({ causationId: event.eventId, messageId: resent!.messageId });
  });

  it('when the same resend comes again under its Idempotency-Key, then the first delivery comes back and nothing more is sent; another request under the key is refused', async () => {
    const event = await sentInvoice();
    const { invoiceRef } = event.invoice;
    const email = `accounts-${uniqueSuffix()}@customer.example`;
    const key = `resend-${invoiceRef}`;
    const first = await resend(invoiceRef, { reason: 'Copy for the accountant.', email }, { key });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ recipient: email });
    const received = await waitForEmailTo(email);
    expect(received.subject).toContain(invoiceRef);
    await waitForSent(invoiceRef, 2);

    const replay = await resend(invoiceRef, { reason: 'Copy for the accountant.', email }, { key });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ deliveryId: first.body.deliveryId, status: 'SENT', recipient: email });
    expectError(await resend(invoiceRef, { reason: 'Copy for the accountant.', email: `other-${email}` }, { key }), 409, 'IDEMPOTENCY_KEY_REUSED');

    expect(await allEventsOf(event)).toHaveLength(2);
    expect(await deliveriesOf(invoiceRef)).toHaveLength(2);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('when the same resend is sent several times at once under one key, then one delivery is created and the others answer with it', async () => {
    const event = await sentInvoice();
    const { invoiceRef } = event.invoice;
    const responses = await Promise.all([1, 2, 3].map(() => resend(invoiceRef, { reason: 'Sent twice by mistake?' }, { key: `burst-${invoiceRef}` })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 202]);
    expect(new Set(responses.map((response) => response.body.deliveryId)).size).toBe(1);
    await waitForSent(invoiceRef, 2);
    expect(await allEventsOf(event)).toHaveLength(2);
  });

  it('when the token, body or invoice is wrong, then 401, 403, 400 or 404, and nothing is created', async () => {
    const event = await sentInvoice();
    const { invoiceRef } = event.invoice;
    expectError(await resend(invoiceRef, { reason: 'r' }, { token: null }), 401, 'UNAUTHORIZED');
    expectError(await resend(invoiceRef, { reason: 'r' }, { token: mailer.reader }), 403, 'FORBIDDEN');
    for (const body of [{}, { reason: '' }, { reason: ' \t ' }, { reason: 'x'.repeat(501) }, { reason: 'r', email: 'not an address' }, { reason: 'r', cc: 'x@y.example' }]) {
      expectError(await resend(invoiceRef, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await resend(invoiceRef, { reason: 'r' }, { key: 'white space' }), 400, 'VALIDATION_FAILED');
    expectError(await resend('BIL-1999-000001', { reason: 'r' }), 404, 'INVOICE_NOT_FOUND');
    expect(await deliveriesOf(invoiceRef)).toHaveLength(1);
    expect(await allEventsOf(event)).toHaveLength(1);
  });

  it('when a delivery of the invoice is still PENDING, then the resend is refused with 409 and nothing is created', async () => {
    await mailer.restart({ MAILER_DELIVERY_WORKER_ENABLED: 'false' });
    const event = buildInvoiceIssuedEvent();
    await publisher.publish(event);
    const { invoiceRef } = event.invoice;
    await waitFor(async () => (await deliveriesOf(invoiceRef)).length === 1, { timeoutMs: WAIT_TIMEOUT_MS, description: `the delivery of ${invoiceRef} recorded` });
    expect((await deliveriesOf(invoiceRef))[0]).toMatchObject({ kind: 'ORIGINAL', status: 'PENDING' });

    expectError(await resend(invoiceRef, { reason: 'Not received yet?' }), 409, 'DELIVERY_IN_PROGRESS');

    await mailer.restart({ MAILER_DELIVERY_WORKER_ENABLED: 'true' });
    await waitForSent(invoiceRef, 1);
    expect(await emailsTo(event.invoice.billingContact.email)).toHaveLength(1);
  });
});
