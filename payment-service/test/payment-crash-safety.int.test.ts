import { expectError, waitFor } from '@boissipay/runtime/testing';
import { claimNextDuePayment } from '../src/infra/payment-repository';
import { createSimulatedSepaProvider } from '../src/infra/simulated-sepa-provider';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

/**
 * The process stops at the dangerous points of a debit: after the payment was recorded but
 * before any debit, after the provider debited but before our transaction committed, and in
 * the middle of the provider call with the payment claimed under a lease nobody renews any
 * more. Each way, once the service is back, the invoice is debited exactly once and one
 * result is published.
 */
describe('crash safety of the debit', () => {
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;

  const workerOff = { PAYMENT_DEBIT_WORKER_ENABLED: 'false' };

  /** The simulated provider debits the invoice's mandate directly, as an attempt whose answer was lost would have. */
  const debitAtProvider = (event: InvoiceIssuedEvent, paymentRef: string) => {
    const mandate = event.invoice.mandate!;
    return createSimulatedSepaProvider({ pool: under.service.context.pool, latencyMs: 0, returnDelayMs: 0, clock: () => new Date() }).debit({
      debitKey: paymentRef,
      paymentRef,
      iban: mandate.iban,
      bic: mandate.bic,
      mandateRef: mandate.mandateRef,
      amountMinor: event.invoice.totalWithTaxMinor,
      currency: 'EUR',
      collectionDate: event.invoice.collectionDate ?? event.invoice.dueDate,
      mandateSignedAt: mandate.signedAt,
      debtorName: event.invoice.billingAddress.line1,
      invoiceRef: event.invoice.invoiceRef,
      customerRef: event.invoice.customer.customerRef,
    });
  };
  const workerOn = { PAYMENT_DEBIT_WORKER_ENABLED: 'true' };
  /** Every result of `event`'s invoice Kafka will ever hold, behind a later invoice of the same contract. */
  const allResultsOf = async (event: InvoiceIssuedEvent) => {
    const barrier = buildInvoiceIssuedEvent({ contractRef: event.contractRef });
    await invoices.publish(barrier);
    await results.firstResultOf(barrier.invoice.invoiceRef);
    return results.resultsOf(event.invoice.invoiceRef);
  };

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([startPaymentService(workerOff), startInvoicePublisher(), startPaymentResultCollector()]);
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  it('when the service stops after recording a payment and before debiting it, then after restart it is debited exactly once', async () => {
    const event = buildInvoiceIssuedEvent();
    await invoices.publish(event);
    const pending = await under.paymentOf(event.invoice.invoiceRef);
    expect(pending).toMatchObject({ status: 'PENDING', attemptCount: 0, nextAttemptAt: expect.any(String) });
    expect(await under.simulatedDebitsOf(pending.paymentRef)).toEqual([]);

    await under.restart(workerOn);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ paymentRef: pending.paymentRef, status: 'SUCCEEDED', attempts: 1, causationId: event.eventId });
    expect(await under.simulatedDebitsOf(pending.paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: 'SUCCEEDED' })]);
    expect(await allResultsOf(event)).toHaveLength(1);
  });

  it('when the provider debited but the service stopped before recording it, then the retry learns the debit instead of debiting again', async () => {
    await under.restart(workerOff);
    const event = buildInvoiceIssuedEvent();
    await invoices.publish(event);
    const pending = await under.paymentOf(event.invoice.invoiceRef);
    // The provider's side of an attempt whose answer never reached our database.
    const lost = await debitAtProvider(event, pending.paymentRef);
    expect(lost).toMatchObject({ outcome: 'SUCCEEDED' });
    const lostProviderRef = lost.outcome === 'SUCCEEDED' ? lost.providerRef : undefined;

    await under.restart(workerOn);

    const result = await results.firstResultOf(event.invoice.invoiceRef);
    expect(result).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    const payment = await under.paymentOf(event.invoice.invoiceRef);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', providerRef: lostProviderRef });
    expect(await under.simulatedDebitsOf(pending.paymentRef)).toEqual([{ calls: 2, outcome: 'SUCCEEDED', providerRef: lostProviderRef }]);
    expect(await allResultsOf(event)).toHaveLength(1);
  });

  it('when the service dies mid-debit holding the payment\'s lease, then a restarted service takes it over within seconds and the debit is not repeated', async () => {
    const leaseMs = 2_000;
    await under.restart(workerOff);
    const event = buildInvoiceIssuedEvent();
    await invoices.publish(event);
    const pending = await under.paymentOf(event.invoice.invoiceRef);
    // The dying worker: it claimed the payment under its lease and the provider debited, but its answer never came back.
    const claim = await claimNextDuePayment(under.service.context.db, { now: new Date(), leaseMs });
    expect(claim?.payment.paymentRef).toBe(pending.paymentRef);
    const lost = await debitAtProvider(event, pending.paymentRef);

    await under.restart({ ...workerOn, PAYMENT_DEBIT_LEASE_MS: String(leaseMs) });

    const settled = await waitFor(
      async () => {
        const { rows } = await under.service.context.pool.query('select status, attempt_count as "attemptCount", provider_ref as "providerRef" from payments where payment_ref = $1', [pending.paymentRef]);
        return rows[0]?.status === 'SUCCEEDED' && rows[0];
      },
      { timeoutMs: 15_000, description: 'the payment taken over and settled' },
    );
    expect(settled).toEqual({ status: 'SUCCEEDED', attemptCount: 1, providerRef: lost.outcome === 'SUCCEEDED' ? lost.providerRef : undefined });
    expect(await under.simulatedDebitsOf(pending.paymentRef)).toEqual([expect.objectContaining({ calls: 2, outcome: 'SUCCEEDED' })]);
    expect(await allResultsOf(event)).toHaveLength(1);
  });

  it('when a debit not attempted yet is cancelled, then no worker ever debits it; while a worker holds one, it can be neither cancelled nor paid by transfer', async () => {
    await under.restart(workerOff);
    const operator = await under.token(['payments:operate']);
    const act = (paymentRef: string, action: string, body: object) => under.api.post(`/v1/payments/${paymentRef}/${action}`).set('Authorization', `Bearer ${operator}`).send(body);
    const held = buildInvoiceIssuedEvent();
    const cancelled = buildInvoiceIssuedEvent();
    await invoices.publish(held, cancelled);
    const heldPayment = await under.paymentOf(held.invoice.invoiceRef);
    const pending = await under.paymentOf(cancelled.invoice.invoiceRef);
    // A worker claims the first payment due: held, published first; its call to the provider is under way.
    const claim = await claimNextDuePayment(under.service.context.db, { now: new Date(), leaseMs: 60_000 });
    expect(claim?.payment.paymentRef).toBe(heldPayment.paymentRef);
    expectError(await act(heldPayment.paymentRef, 'cancel', { reason: 'too late' }), 409, 'PAYMENT_IN_PROGRESS');
    expectError(await act(heldPayment.paymentRef, 'manual-payment', { reason: 'too late', bankReference: 'VIR-1', receivedOn: new Date().toISOString().slice(0, 10) }), 409, 'PAYMENT_IN_PROGRESS');

    const response = await act(pending.paymentRef, 'cancel', { reason: 'Disputed invoice: do not debit.' });
    expect(response.status).toBe(200);
    expect(pending.status).toBe('PENDING');
    expect(response.body).toMatchObject({ status: 'CANCELLED', attemptCount: 0 });

    await under.restart(workerOn);
    expect(await allResultsOf(cancelled)).toEqual([expect.objectContaining({ status: 'CANCELLED', attempts: 0, reasonCode: 'DEBIT_CANCELLED' })]);
    expect(await under.simulatedDebitsOf(pending.paymentRef)).toEqual([]);
  });
});
