import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

/**
 * The debit waits for its collection date, the one the invoice e-mail announced: business time
 * is the test's clock, moved by hand; the worker polls often so that it notices the move.
 */
describe('collecting a debit on its collection date', () => {
  let now = new Date('2026-12-03T09:00:00.000Z');
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;

  const auth = () => ({ Authorization: `Bearer ${under.reader}` });

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([
      startPaymentService({ PAYMENT_DEBIT_POLL_INTERVAL_MS: '50', PAYMENT_COLLECTION_TIME: '06:00', PAYMENT_TIME_ZONE: 'Europe/Paris' }, { clock: () => now }),
      startInvoicePublisher(),
      startPaymentResultCollector(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  it('when the collection date is ahead, then nothing is debited before 06:00 Paris on that day, and the debit happens then', async () => {
    const event = buildInvoiceIssuedEvent({ invoice: { issueDate: '2026-12-03', dueDate: '2027-01-02', collectionDate: '2027-01-04' } });
    await invoices.publish(event);

    const scheduled = await under.paymentOf(event.invoice.invoiceRef);
    expect(scheduled).toMatchObject({ status: 'PENDING', attemptCount: 0, dueDate: '2027-01-02', collectionDate: '2027-01-04', nextAttemptAt: '2027-01-04T05:00:00.000Z' });

    // The evening before and the early morning of the day: still nothing sent to the provider.
    for (const instant of ['2027-01-03T22:00:00.000Z', '2027-01-04T04:59:59.000Z']) {
      now = new Date(instant);
      // A payment recorded afterwards for an already due invoice proves the worker ran at this time.
      const due = buildInvoiceIssuedEvent({ invoice: { collectionDate: '2026-11-09' } });
      await invoices.publish(due);
      await results.firstResultOf(due.invoice.invoiceRef);
      const waiting = (await under.api.get(`/v1/payments/${scheduled.paymentRef}`).set(auth())).body;
      expect(waiting).toMatchObject({ status: 'PENDING', attemptCount: 0 });
      expect(await under.simulatedDebitsOf(scheduled.paymentRef)).toEqual([]);
    }

    now = new Date('2027-01-04T05:00:00.000Z');
    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'SUCCEEDED', attempts: 1, settledAt: '2027-01-04T05:00:00.000Z' });
    expect(await under.simulatedDebitsOf(scheduled.paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: 'SUCCEEDED' })]);
  });

  it('when an invoice event predates collection dates, then its due date is the collection date', async () => {
    const event = buildInvoiceIssuedEvent({ invoice: { dueDate: '2027-02-01', collectionDate: null } });
    await invoices.publish(event);

    const payment = await under.paymentOf(event.invoice.invoiceRef);
    expect(payment).toMatchObject({ status: 'PENDING', collectionDate: '2027-02-01', nextAttemptAt: '2027-02-01T05:00:00.000Z' });
  });
});
