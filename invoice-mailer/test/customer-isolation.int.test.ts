import { expectError, waitFor } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, uniqueSuffix, type InvoiceIssuedEvent } from './support/invoice-factory';
import { startInvoicePublisher, type InvoicePublisher } from './support/invoice-events';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

describe('customer isolation (the customers claim)', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  const suffix = uniqueSuffix();
  const customerOf = (customerRef: string | null) => ({ subscriberRef: `CSE ${suffix}`, customerRef, siren: null, vatNumber: null });
  const events: Record<'mine' | 'theirs' | 'noCustomer', InvoiceIssuedEvent> = {
    mine: buildInvoiceIssuedEvent({ invoice: { customer: customerOf(`CUST-A-${suffix}`) } }),
    theirs: buildInvoiceIssuedEvent({ invoice: { customer: customerOf(`CUST-B-${suffix}`) } }),
    noCustomer: buildInvoiceIssuedEvent({ invoice: { customer: customerOf(null) } }),
  };
  const deliveryIds: Record<keyof typeof events, string> = { mine: '', theirs: '', noCustomer: '' };
  let asCustomer: Record<string, string>;
  const asBackOffice = () => ({ Authorization: `Bearer ${mailer.reader}` });

  beforeAll(async () => {
    [mailer, publisher] = await Promise.all([startMailer(), startInvoicePublisher()]);
    for (const event of Object.values(events)) await publisher.publish(event);
    for (const [name, event] of Object.entries(events) as Array<[keyof typeof events, InvoiceIssuedEvent]>) {
      deliveryIds[name] = await waitFor(
        async () => (await mailer.api.get('/v1/deliveries').query({ invoiceRef: event.invoice.invoiceRef }).set(asBackOffice())).body.deliveries?.[0]?.deliveryId as string | undefined,
        { timeoutMs: WAIT_TIMEOUT_MS, description: `the delivery of ${event.invoice.invoiceRef}` },
      );
    }
    asCustomer = { Authorization: `Bearer ${await mailer.token(['invoices:read'], 'customer-portal', { customers: [events.mine.invoice.customer.customerRef as string] })}` };
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await publisher?.stop();
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when a customer-scoped token lists deliveries, then it sees only its customers’, not those without a customer', async () => {
    const response = await mailer.api.get('/v1/deliveries').query({ pageSize: 100 }).set(asCustomer);
    expect(response.status).toBe(200);
    expect(response.body.deliveries.map((delivery: { deliveryId: string }) => delivery.deliveryId)).toEqual([deliveryIds.mine]);
    expect(response.body.metadata.totalItems).toBe(1);
  });

  it('when a customer-scoped token reads another customer’s delivery or invoice PDF, then 404 as for an unknown one', async () => {
    expect((await mailer.api.get(`/v1/deliveries/${deliveryIds.mine}`).set(asCustomer)).status).toBe(200);
    expect((await mailer.api.get(`/v1/invoices/${events.mine.invoice.invoiceRef}/pdf`).set(asCustomer)).status).toBe(200);
    expectError(await mailer.api.get(`/v1/deliveries/${deliveryIds.theirs}`).set(asCustomer), 404, 'DELIVERY_NOT_FOUND');
    expectError(await mailer.api.get(`/v1/deliveries/${deliveryIds.noCustomer}`).set(asCustomer), 404, 'DELIVERY_NOT_FOUND');
    expectError(await mailer.api.get(`/v1/invoices/${events.theirs.invoice.invoiceRef}/pdf`).set(asCustomer), 404, 'INVOICE_NOT_FOUND');
  });

  it('when an unrestricted token lists deliveries, then it sees every customer’s and those without one', async () => {
    const response = await mailer.api.get('/v1/deliveries').query({ pageSize: 100 }).set(asBackOffice());
    const ids = response.body.deliveries.map((delivery: { deliveryId: string }) => delivery.deliveryId);
    expect(ids).toEqual(expect.arrayContaining(Object.values(deliveryIds)));
  });
});
