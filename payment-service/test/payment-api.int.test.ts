import { simulatedIbans } from '../src/infra/simulated-sepa-provider';
import { expectError } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

type PaymentBody = Awaited<ReturnType<PaymentServiceUnderTest['paymentOf']>>;

describe('GET /v1/payments', () => {
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  const contractRef = `CTR-2026-${Date.now()}`;
  /** Five invoices of one contract, oldest first, and what became of them. */
  let issued: InvoiceIssuedEvent[];
  let payments: PaymentBody[];

  const auth = () => ({ Authorization: `Bearer ${under.reader}` });
  const list = (query: Record<string, string | number>) => under.api.get('/v1/payments').query(query).set(auth());

  beforeAll(async () => {
    [under, invoices] = await Promise.all([startPaymentService(), startInvoicePublisher()]);
    const mandateOn = (iban: string) => ({ invoice: { mandate: { iban } } });
    issued = [
      buildInvoiceIssuedEvent({ contractRef, amountWithTaxMinor: 10_000 }),
      buildInvoiceIssuedEvent({ contractRef, amountWithTaxMinor: 20_050, ...mandateOn(simulatedIbans.insufficientFunds) }),
      buildInvoiceIssuedEvent({ contractRef, amountWithTaxMinor: 30_000, ...mandateOn(simulatedIbans.timeoutOnce) }),
      buildInvoiceIssuedEvent({ contractRef, amountWithTaxMinor: -1_500 }),
      buildInvoiceIssuedEvent({ contractRef, amountWithTaxMinor: 99 }),
    ];
    payments = [];
    // One at a time, so that creation order (and so the listing order) is known.
    for (const event of issued) {
      await invoices.publish(event);
      payments.push(await under.paymentOf(event.invoice.invoiceRef, (payment) => !['PENDING', 'RETRY_SCHEDULED'].includes(payment.status)));
    }
  });
  afterAll(async () => {
    await invoices?.stop();
    await under?.stop();
  });

  it('when listing by contract, then its payments come newest first with decimal amounts and the page metadata', async () => {
    const response = await list({ contractRef });
    expect(response.status).toBe(200);
    expect(response.body.payments.map((payment: PaymentBody) => [payment.invoiceRef, payment.status, payment.amount])).toEqual([
      [issued[4]!.invoice.invoiceRef, 'SUCCEEDED', { amount: 0.99, currency: 'EUR' }],
      [issued[3]!.invoice.invoiceRef, 'NOT_REQUIRED', { amount: -15, currency: 'EUR' }],
      [issued[2]!.invoice.invoiceRef, 'SUCCEEDED', { amount: 300, currency: 'EUR' }],
      [issued[1]!.invoice.invoiceRef, 'FAILED', { amount: 200.5, currency: 'EUR' }],
      [issued[0]!.invoice.invoiceRef, 'SUCCEEDED', { amount: 100, currency: 'EUR' }],
    ]);
    expect(response.body.payments[0]).not.toHaveProperty('attempts');
    expect(response.body.metadata).toEqual({ query: `/v1/payments?contractRef=${contractRef}`, page: 1, pageSize: 20, countItems: 5, totalItems: 5, totalPages: 1 });
  });

  it('when paging through a contract’s payments, then pages neither overlap nor skip any', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list({ contractRef, pageSize: 2, page })));
    expect(pages.map((page) => page.body.metadata)).toEqual([1, 2, 3].map((page) => expect.objectContaining({ page, pageSize: 2, countItems: page < 3 ? 2 : 1, totalItems: 5, totalPages: 3 })));
    const seen = pages.flatMap((page) => page.body.payments.map((payment: PaymentBody) => payment.paymentRef));
    expect(new Set(seen).size).toBe(5);
    expect((await list({ contractRef, pageSize: 2, page: 4 })).body).toMatchObject({ payments: [], metadata: { countItems: 0, totalItems: 5 } });
  });

  it('when filtering by status or invoice, then only the matching payments come back', async () => {
    const failed = await list({ contractRef, status: 'FAILED' });
    expect(failed.body.payments.map((payment: PaymentBody) => payment.invoiceRef)).toEqual([issued[1]!.invoice.invoiceRef]);
    expect(failed.body.payments[0]).toMatchObject({ reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: expect.stringContaining('AM04') });

    const one = await list({ invoiceRef: issued[2]!.invoice.invoiceRef });
    expect(one.body.payments).toHaveLength(1);
    expect(one.body.payments[0]).toMatchObject({ contractRef, attemptCount: 2, mandate: { mandateRef: issued[2]!.invoice.mandate?.mandateRef, iban: `${simulatedIbans.timeoutOnce.slice(0, 4)} **** ${simulatedIbans.timeoutOnce.slice(-4)}`, bic: 'BNPAFRPP' } });

    expect((await list({ invoiceRef: 'BIL-1999-000001' })).body).toMatchObject({ payments: [], metadata: { totalItems: 0, totalPages: 0 } });
  });

  it('when reading one payment, then it comes with its attempts in order', async () => {
    const response = await under.api.get(`/v1/payments/${payments[2]!.paymentRef}`).set(auth());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      paymentRef: payments[2]!.paymentRef,
      invoiceRef: issued[2]!.invoice.invoiceRef,
      invoiceId: issued[2]!.invoice.invoiceId,
      status: 'SUCCEEDED',
      dueDate: '2026-11-08',
      attemptCount: 2,
      settledAt: expect.any(String),
      providerRef: expect.stringMatching(/^SIM-/),
    });
    expect(response.body.attempts).toEqual([
      { attemptNumber: 1, attemptedAt: expect.any(String), outcome: 'TRANSIENT_FAILURE', reasonCode: 'PROVIDER_TIMEOUT', message: expect.any(String) },
      { attemptNumber: 2, attemptedAt: expect.any(String), outcome: 'SUCCEEDED', providerRef: response.body.providerRef },
    ]);

    const notRequired = await under.api.get(`/v1/payments/${payments[3]!.paymentRef}`).set(auth());
    expect(notRequired.body).toMatchObject({ status: 'NOT_REQUIRED', attemptCount: 0, attempts: [] });
    expect(notRequired.body).not.toHaveProperty('settledAt');
  });

  it('when the payment does not exist, then 404 PAYMENT_NOT_FOUND', async () => {
    expectError(await under.api.get('/v1/payments/PAY-0000000000000000').set(auth()), 404, 'PAYMENT_NOT_FOUND');
  });

  it('when the parameters break the spec, then 400 VALIDATION_FAILED', async () => {
    expectError(await under.api.get('/v1/payments/not-a-payment').set(auth()), 400, 'VALIDATION_FAILED');
    expectError(await list({ status: 'PAID' }), 400, 'VALIDATION_FAILED');
    expectError(await list({ pageSize: 101 }), 400, 'VALIDATION_FAILED');
  });

  it('when the token is missing or invalid, then 401; when it lacks payments:read, then 403', async () => {
    expectError(await under.api.get('/v1/payments'), 401, 'UNAUTHORIZED');
    expectError(await under.api.get('/v1/payments').set('Authorization', 'Bearer not-a-token'), 401, 'UNAUTHORIZED');
    const stranger = await under.token(['contracts:read']);
    expectError(await under.api.get(`/v1/payments/${payments[0]!.paymentRef}`).set('Authorization', `Bearer ${stranger}`), 403, 'FORBIDDEN');
    expectError(await under.api.get('/v1/payments').set('Authorization', `Bearer ${stranger}`), 403, 'FORBIDDEN');
  });
});
