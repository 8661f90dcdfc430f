import { waitFor } from '@boissipay/runtime/testing';
import { simulatedIbans } from '../src/infra/simulated-sepa-provider';
import { buildInvoiceIssuedEvent, reissued, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, TEST_RETRY, type PaymentServiceUnderTest } from './support/payment-service-under-test';

describe('collecting issued invoices by direct debit', () => {
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;

  const auth = () => ({ Authorization: `Bearer ${under.reader}` });
  const invoiceWithIban = (iban: string) => buildInvoiceIssuedEvent({ invoice: { mandate: { iban } } });
  const detailsOf = async (paymentRef: string) => (await under.api.get(`/v1/payments/${paymentRef}`).set(auth())).body;
  /**
   * Every result about `event`'s invoice that Kafka will ever hold: a later invoice of the same
   * contract (same key, so same partition, and its result enqueued after) is used as a barrier.
   */
  const allResultsOf = async (event: InvoiceIssuedEvent) => {
    const barrier = buildInvoiceIssuedEvent({ contractRef: event.contractRef });
    await invoices.publish(barrier);
    await results.firstResultOf(barrier.invoice.invoiceRef);
    return results.resultsOf(event.invoice.invoiceRef);
  };

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([startPaymentService(), startInvoicePublisher(), startPaymentResultCollector()]);
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  it('when an invoice is issued on a mandate that can be debited, then one debit succeeds and SUCCEEDED is published, caused by the invoice event', async () => {
    const event = buildInvoiceIssuedEvent({ amountWithTaxMinor: 123_456 });
    await invoices.publish(event);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      contractRef: event.contractRef,
      invoiceRef: event.invoice.invoiceRef,
      paymentRef: expect.stringMatching(/^PAY-[0-9A-F]{16}$/),
      amountMinor: 123_456,
      currency: 'EUR',
      mandateRef: event.invoice.mandate?.mandateRef,
      attempts: 1,
      reasonCode: null,
      reasonMessage: null,
      causationId: event.eventId,
      correlationId: event.correlationId,
      settledAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const [message] = (await results.messages()).filter(({ event: published }) => published.eventId === result.eventId);
    expect(message).toMatchObject({ key: event.contractRef, headers: { 'x-correlation-id': event.correlationId } });

    const payment = await detailsOf(result.paymentRef);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 1234.56, currency: 'EUR' }, attemptCount: 1, providerRef: expect.stringMatching(/^SIM-/) });
    expect(payment.attempts).toEqual([
      { attemptNumber: 1, attemptedAt: expect.any(String), outcome: 'SUCCEEDED', providerRef: payment.providerRef },
    ]);
    expect(await under.simulatedDebitsOf(result.paymentRef)).toEqual([{ calls: 1, outcome: 'SUCCEEDED', providerRef: payment.providerRef }]);
  });

  it('when the invoice deducts credit (credit notes), then only its amount due is debited; with nothing due, nothing is; an event without an amount due is debited its total', async () => {
    const deducted = buildInvoiceIssuedEvent({ amountWithTaxMinor: 123_456, invoice: { prepaidAmountMinor: 23_456, amountDueMinor: 100_000 } });
    const covered = buildInvoiceIssuedEvent({ amountWithTaxMinor: 50_000, invoice: { prepaidAmountMinor: 50_000, amountDueMinor: 0, debitRequired: false } });
    const older = buildInvoiceIssuedEvent({ amountWithTaxMinor: 70_000, invoice: { prepaidAmountMinor: 0, amountDueMinor: null } });
    await invoices.publish(deducted, covered, older);

    expect(await results.firstResultOf(deducted.invoice.invoiceRef)).toMatchObject({ status: 'SUCCEEDED', amountMinor: 100_000 });
    expect(await results.firstResultOf(older.invoice.invoiceRef)).toMatchObject({ status: 'SUCCEEDED', amountMinor: 70_000 });
    const coveredPayment = await waitFor(
      async () => (await under.api.get(`/v1/payments?invoiceRef=${covered.invoice.invoiceRef}`).set(auth())).body.payments[0],
      { description: 'the payment of the covered invoice' },
    );
    expect(coveredPayment).toMatchObject({ status: 'NOT_REQUIRED', amount: { amount: 0, currency: 'EUR' } });
    expect(await under.simulatedDebitsOf(coveredPayment.paymentRef)).toEqual([]);
  });

  it.each([
    ['INSUFFICIENT_FUNDS', simulatedIbans.insufficientFunds, 'AM04'],
    ['ACCOUNT_CLOSED', simulatedIbans.accountClosed, 'AC04'],
  ])('when the bank refuses the debit with %s, then the payment FAILED after one attempt and the reason is published', async (reasonCode, iban, sepaCode) => {
    const event = invoiceWithIban(iban);
    await invoices.publish(event);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'FAILED', reasonCode, reasonMessage: expect.stringContaining(sepaCode), attempts: 1, settledAt: null });
    const payment = await detailsOf(result.paymentRef);
    expect(payment).toMatchObject({ status: 'FAILED', reasonCode, attemptCount: 1 });
    expect(payment.attempts).toEqual([expect.objectContaining({ attemptNumber: 1, outcome: 'FAILED', reasonCode })]);
  });

  it('when the provider times out once, then the debit is retried after a back-off and succeeds on the second attempt', async () => {
    const event = invoiceWithIban(simulatedIbans.timeoutOnce);
    await invoices.publish(event);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'SUCCEEDED', attempts: 2, reasonCode: null });
    const { attempts } = await detailsOf(result.paymentRef);
    expect(attempts.map((attempt: { outcome: string; reasonCode?: string }) => [attempt.outcome, attempt.reasonCode])).toEqual([
      ['TRANSIENT_FAILURE', 'PROVIDER_TIMEOUT'],
      ['SUCCEEDED', undefined],
    ]);
    const pause = Date.parse(attempts[1].attemptedAt) - Date.parse(attempts[0].attemptedAt);
    expect(pause).toBeGreaterThanOrEqual(TEST_RETRY.baseDelayMs);
    expect(await under.simulatedDebitsOf(result.paymentRef)).toEqual([expect.objectContaining({ calls: 2, outcome: 'SUCCEEDED' })]);
  });

  it('when the provider stays unavailable, then the attempts stop at the cap and the payment FAILED with PROVIDER_UNAVAILABLE', async () => {
    const event = invoiceWithIban(simulatedIbans.alwaysUnavailable);
    await invoices.publish(event);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'FAILED', reasonCode: 'PROVIDER_UNAVAILABLE', attempts: TEST_RETRY.maxAttempts });
    const payment = await detailsOf(result.paymentRef);
    expect(payment.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(Array(TEST_RETRY.maxAttempts).fill('TRANSIENT_FAILURE'));
    expect(payment).not.toHaveProperty('nextAttemptAt');
    expect(await under.simulatedDebitsOf(result.paymentRef)).toEqual([expect.objectContaining({ calls: TEST_RETRY.maxAttempts, outcome: null })]);
  });

  it('when a credit note (debitRequired false) is issued, then nothing is debited and no result is published', async () => {
    const event = buildInvoiceIssuedEvent({ amountWithTaxMinor: -4_200 });
    expect(event.invoice).toMatchObject({ invoiceType: 'CREDIT_NOTE', debitRequired: false });
    await invoices.publish(event);

    const payment = await under.paymentOf(event.invoice.invoiceRef);
    expect(payment).toMatchObject({ status: 'NOT_REQUIRED', attemptCount: 0, amount: { amount: -42, currency: 'EUR' } });
    expect(await under.simulatedDebitsOf(payment.paymentRef)).toEqual([]);
    expect(await allResultsOf(event)).toEqual([]);
  });

  it('when an invoice asks for a debit but carries no mandate, then it FAILED with MANDATE_MISSING without calling the provider', async () => {
    const event = buildInvoiceIssuedEvent({ invoice: { mandate: null } });
    await invoices.publish(event);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'FAILED', reasonCode: 'MANDATE_MISSING', attempts: 0, mandateRef: null });
    expect(await under.simulatedDebitsOf(result.paymentRef)).toEqual([]);
  });

  it('when the same invoice arrives twice under one eventId and once more under another, then there is one payment, one debit and one result', async () => {
    const event = buildInvoiceIssuedEvent();
    const again = reissued(event);
    await invoices.publish(event, event, again);

    const published = await allResultsOf(event);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1, causationId: event.eventId });

    const processed = await under.service.context.pool.query('select event_id from processed_events where event_id = any($1::uuid[])', [[event.eventId, again.eventId]]);
    expect(processed.rowCount).toBe(2);
    const list = await under.api.get('/v1/payments').query({ invoiceRef: event.invoice.invoiceRef }).set(auth());
    expect(list.body.payments).toHaveLength(1);
    expect(await under.simulatedDebitsOf(published[0]!.paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: 'SUCCEEDED' })]);
  });

  it('when an invoice’s amount cannot be paid (unknown currency), then it records no payment and the next invoice is still collected', async () => {
    const unusable = buildInvoiceIssuedEvent({ invoice: { currency: 'ZZZ' } });
    const next = buildInvoiceIssuedEvent({ contractRef: unusable.contractRef });
    await invoices.publish(unusable, next);

    expect(await results.firstResultOf(next.invoice.invoiceRef)).toMatchObject({ status: 'SUCCEEDED' });
    const list = await under.api.get('/v1/payments').query({ invoiceRef: unusable.invoice.invoiceRef }).set(auth());
    expect(list.body.payments).toEqual([]);
  });

  it('when many invoices arrive at once, then each is debited exactly once', async () => {
    const batch = Array.from({ length: 12 }, (_, index) => invoiceWithIban(index % 4 === 0 ? simulatedIbans.timeoutOnce : simulatedIbans.succeeds));
    await invoices.publish(...batch);

    const published = await waitFor(
      async () => {
        const found = await Promise.all(batch.map((event) => results.resultsOf(event.invoice.invoiceRef)));
        return found.every((list) => list.length > 0) && found;
      },
      { timeoutMs: 30_000, description: 'a result for each of the 12 invoices' },
    );
    expect(published.map((list) => [list.length, list[0]?.status])).toEqual(batch.map(() => [1, 'SUCCEEDED']));
    const debits = await under.service.context.pool.query(
      "select count(*)::int as count from simulated_debits where payment_ref = any($1) and outcome = 'SUCCEEDED'",
      [published.map((list) => list[0]!.paymentRef)],
    );
    expect(debits.rows[0].count).toBe(12);
  });
});
