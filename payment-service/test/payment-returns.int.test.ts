import { waitFor } from '@boissipay/runtime/testing';
import { simulatedIbans } from '../src/infra/simulated-sepa-provider';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Returns (R-transactions) with the simulated provider: a debit settles, then the debtor's bank
 * sends it back PAYMENT_SIMULATOR_RETURN_DELAY_MS later on the service's clock, which the test
 * moves by hand; the returns worker records it and publishes payment.result.v1 RETURNED.
 */
describe('returned debits (simulated provider)', () => {
  let now = new Date('2027-01-04T08:00:00.000Z');
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;
  let operator: string;

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([
      startPaymentService(
        { PAYMENT_DEBIT_POLL_INTERVAL_MS: '50', PAYMENT_RETURNS_POLL_INTERVAL_MS: '50', PAYMENT_SIMULATOR_RETURN_DELAY_MS: String(2 * DAY_MS) },
        { clock: () => now },
      ),
      startInvoicePublisher(),
      startPaymentResultCollector(),
    ]);
    operator = await under.token(['payments:operate'], 'operator-jane');
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  const read = async (paymentRef: string) => (await under.api.get(`/v1/payments/${paymentRef}`).set('Authorization', `Bearer ${under.reader}`)).body;
  /** Every result of `event`'s invoice so far: a later invoice of the same contract, debited at once, is the barrier. */
  const allResultsOf = async (event: InvoiceIssuedEvent) => {
    const barrier = buildInvoiceIssuedEvent({ contractRef: event.contractRef, invoice: { collectionDate: '2026-12-01' } });
    await invoices.publish(barrier);
    await results.firstResultOf(barrier.invoice.invoiceRef);
    return (await results.resultsOf(event.invoice.invoiceRef)).map((result) => [result.status, result.returnReasonCode]);
  };
  const debited = async (iban: string) => {
    const event = buildInvoiceIssuedEvent({ invoice: { collectionDate: '2027-01-04', mandate: { iban } } });
    await invoices.publish(event);
    const payment = await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === 'SUCCEEDED');
    return { event, paymentRef: payment.paymentRef };
  };
  const returnedResultOf = (event: InvoiceIssuedEvent) =>
    waitFor(async () => (await results.resultsOf(event.invoice.invoiceRef)).find((result) => result.status === 'RETURNED'), {
      timeoutMs: 30_000,
      description: `RETURNED of ${event.invoice.invoiceRef}`,
    });

  it('when a settled debit is returned AM04 after the delay, then the payment is RETURNED once with the reason, and a re-presentation succeeds for good', async () => {
    const { event, paymentRef } = await debited(simulatedIbans.returnedOnceThenPaid);
    expect(await read(paymentRef)).toMatchObject({ status: 'SUCCEEDED' });

    now = new Date(now.getTime() + 2 * DAY_MS);
    const returned = await returnedResultOf(event);
    expect(returned).toMatchObject({
      status: 'RETURNED',
      paymentRef,
      reasonCode: 'INSUFFICIENT_FUNDS',
      reasonMessage: 'SEPA AM04: insufficient funds on the debtor account',
      returnReasonCode: 'AM04',
      returnedAt: now.toISOString(),
      settledAt: '2027-01-04T08:00:00.000Z',
      amountMinor: event.invoice.totalWithTaxMinor,
      causationId: event.eventId,
    });
    expect(await read(paymentRef)).toMatchObject({ status: 'RETURNED', reasonCode: 'INSUFFICIENT_FUNDS', returnReasonCode: 'AM04', returnedAt: now.toISOString() });
    expect(await allResultsOf(event)).toEqual([
      ['SUCCEEDED', null],
      ['RETURNED', 'AM04'],
    ]);

    // The operator re-presents it: a new debit on the mandate, which the bank now pays and keeps.
    const retry = await under.api.post(`/v1/payments/${paymentRef}/retry`).set('Authorization', `Bearer ${operator}`).send({ reason: 'Customer topped up the account' });
    expect(retry.status).toBe(202);
    await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === 'SUCCEEDED');
    now = new Date(now.getTime() + 3 * DAY_MS);
    // Another returned debit, due at the same time, proves the returns worker ran after the move.
    const witness = await debited(simulatedIbans.returnedAccountClosed);
    now = new Date(now.getTime() + 2 * DAY_MS);
    expect(await returnedResultOf(witness.event)).toMatchObject({ reasonCode: 'ACCOUNT_CLOSED', returnReasonCode: 'AC04' });
    expect(await allResultsOf(event)).toEqual([
      ['SUCCEEDED', null],
      ['RETURNED', 'AM04'],
      ['SUCCEEDED', null],
    ]);
    expect(await read(paymentRef)).toMatchObject({ status: 'SUCCEEDED', returnReasonCode: 'AM04' });
  });

  it.each([
    [simulatedIbans.returnedNoMandate, 'NO_MANDATE', 'MD01'],
    [simulatedIbans.returnedRefusedByDebtor, 'REFUSED_BY_DEBTOR', 'MS02'],
  ])('when the debit on %s settles, then it comes back as %s (%s)', async (iban, reasonCode, returnReasonCode) => {
    const { event } = await debited(iban);
    now = new Date(now.getTime() + 2 * DAY_MS);
    expect(await returnedResultOf(event)).toMatchObject({ status: 'RETURNED', reasonCode, returnReasonCode });
  });

  it('when the service recorded a return but the provider did not hear it (a crash in between), then it is reported again and recorded nothing more', async () => {
    const { event, paymentRef } = await debited(simulatedIbans.returnedAccountClosed);
    now = new Date(now.getTime() + 2 * DAY_MS);
    await returnedResultOf(event);
    const pool = under.service.context.pool;
    await pool.query('update simulated_debits set return_reported_at = null where payment_ref = $1', [paymentRef]);
    await waitFor(async () => (await pool.query('select 1 from simulated_debits where payment_ref = $1 and return_reported_at is not null', [paymentRef])).rowCount === 1, {
      timeoutMs: 30_000,
      description: 'the return acknowledged again',
    });
    expect(await allResultsOf(event)).toEqual([
      ['SUCCEEDED', null],
      ['RETURNED', 'AC04'],
    ]);
  });
});
