import { expectError } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoicePublisher } from './support/invoice-events';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

describe('customer isolation (the customers claim)', () => {
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  const suffix = Date.now();
  const customerRefs = { mine: `CUST-A-${suffix}`, theirs: `CUST-B-${suffix}` };
  const paymentRefs: Record<'mine' | 'theirs' | 'noCustomer', string> = { mine: '', theirs: '', noCustomer: '' };
  let asCustomer: Record<string, string>;

  beforeAll(async () => {
    [under, invoices] = await Promise.all([startPaymentService(), startInvoicePublisher()]);
    const events = {
      mine: buildInvoiceIssuedEvent({ invoice: { customer: { customerRef: customerRefs.mine } } }),
      theirs: buildInvoiceIssuedEvent({ invoice: { customer: { customerRef: customerRefs.theirs } } }),
      noCustomer: buildInvoiceIssuedEvent({ invoice: { customer: { customerRef: null } } }),
    };
    for (const [name, event] of Object.entries(events) as Array<[keyof typeof events, (typeof events)['mine']]>) {
      await invoices.publish(event);
      paymentRefs[name] = (await under.paymentOf(event.invoice.invoiceRef)).paymentRef;
    }
    asCustomer = { Authorization: `Bearer ${await under.token(['payments:read'], 'customer-portal', { customers: [customerRefs.mine] })}` };
  });
  afterAll(async () => {
    await invoices?.stop();
    await under?.stop();
  });

  it('when a customer-scoped token lists payments, then it sees only its customers’, not those without a customer', async () => {
    const response = await under.api.get('/v1/payments').query({ pageSize: 100 }).set(asCustomer);
    expect(response.status).toBe(200);
    expect(response.body.payments.map((payment: { paymentRef: string }) => payment.paymentRef)).toEqual([paymentRefs.mine]);
    expect(response.body.metadata.totalItems).toBe(1);
  });

  it('when a customer-scoped token reads another customer’s payment, then 404 as for an unknown one', async () => {
    expect((await under.api.get(`/v1/payments/${paymentRefs.mine}`).set(asCustomer)).status).toBe(200);
    expectError(await under.api.get(`/v1/payments/${paymentRefs.theirs}`).set(asCustomer), 404, 'PAYMENT_NOT_FOUND');
    expectError(await under.api.get(`/v1/payments/${paymentRefs.noCustomer}`).set(asCustomer), 404, 'PAYMENT_NOT_FOUND');
  });

  it('when an unrestricted token lists payments, then it sees every customer’s and those without one', async () => {
    const response = await under.api.get('/v1/payments').query({ pageSize: 100 }).set('Authorization', `Bearer ${under.reader}`);
    const refs = response.body.payments.map((payment: { paymentRef: string }) => payment.paymentRef);
    expect(refs).toEqual(expect.arrayContaining(Object.values(paymentRefs)));
  });
});
