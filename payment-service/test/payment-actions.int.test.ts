import { expectError, readAuditEvents } from '@boissipay/runtime/testing';
import { simulatedIbans } from '../src/infra/simulated-sepa-provider';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

const OPERATOR = 'operator-jane';
/** A transfer received today: never in the future, whatever day the tests run. */
const today = new Date().toISOString().slice(0, 10);

/**
 * The operators' actions over real HTTP, a real database and the results on Kafka: retry a
 * failed debit, record a bank transfer, cancel a scheduled debit. Transient failures wait a
 * minute before their retry here, so a payment stays RETRY_SCHEDULED while a test acts on it.
 */
describe('operator actions on payments', () => {
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;
  let operator: string;

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([
      startPaymentService({ PAYMENT_RETRY_BASE_DELAY_MS: '120000', PAYMENT_RETRY_MAX_DELAY_MS: '120000' }),
      startInvoicePublisher(),
      startPaymentResultCollector(),
    ]);
    operator = await under.token(['payments:operate'], OPERATOR);
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  const act = (paymentRef: string, action: string, body: object, options: { key?: string; token?: string | null } = {}) => {
    const request = under.api.post(`/v1/payments/${paymentRef}/${action}`).send(body);
    const token = options.token === undefined ? operator : options.token;
    if (token) request.set('Authorization', `Bearer ${token}`);
    if (options.key) request.set('Idempotency-Key', options.key);
    return request;
  };
  const read = async (paymentRef: string) => (await under.api.get(`/v1/payments/${paymentRef}`).set('Authorization', `Bearer ${under.reader}`)).body;

  /** Every result of `event`'s invoice Kafka will ever hold so far: a later invoice of the same contract is its barrier. */
  const allResultsOf = async (event: InvoiceIssuedEvent) => {
    const barrier = buildInvoiceIssuedEvent({ contractRef: event.contractRef });
    await invoices.publish(barrier);
    await results.firstResultOf(barrier.invoice.invoiceRef);
    return results.resultsOf(event.invoice.invoiceRef);
  };

  async function paymentOn(iban: string, status: string) {
    const event = buildInvoiceIssuedEvent({ invoice: { mandate: { iban } } });
    await invoices.publish(event);
    const payment = await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === status);
    return { event, paymentRef: payment.paymentRef };
  }

  describe('POST /v1/payments/{paymentRef}/retry', () => {
    it('when a FAILED debit is retried, then it is presented again under a new key, and its SUCCEEDED result is published once', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.refusedOnceThenPaid, 'FAILED');
      const reason = 'Customer topped up the account, asked to present the debit again.';

      const response = await act(paymentRef, 'retry', { reason }, { key: `retry-${paymentRef}` });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ paymentRef, status: 'PENDING', attemptCount: 1, actions: [{ kind: 'RETRY', reason, requestedBy: OPERATOR, requestedAt: expect.any(String) }] });
      expect(response.body).not.toHaveProperty('reasonCode');

      const paid = await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === 'SUCCEEDED');
      expect(paid).toMatchObject({ attemptCount: 2, method: 'DIRECT_DEBIT', providerRef: expect.any(String) });
      expect((await read(paymentRef)).attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['FAILED', 'SUCCEEDED']);
      expect(await under.simulatedDebitsOf(paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: 'FAILED' })]);
      expect(await under.simulatedDebitsOf(`${paymentRef}-R1`)).toEqual([expect.objectContaining({ calls: 1, outcome: 'SUCCEEDED' })]);
      const published = await allResultsOf(event);
      expect(published.map((result) => [result.status, result.reasonCode, result.attempts, result.method])).toEqual([
        ['FAILED', 'INSUFFICIENT_FUNDS', 1, null],
        ['SUCCEEDED', null, 2, 'DIRECT_DEBIT'],
      ]);
      expect(published[1]).toMatchObject({ paymentRef, causationId: event.eventId, amountMinor: event.invoice.totalWithTaxMinor, bankReference: null, settledAt: paid.settledAt });
    });

    it('when the same retry is sent again with its Idempotency-Key, then the payment comes back as it is now and nothing more happens; another request under the key is refused', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.refusedOnceThenPaid, 'FAILED');
      const key = `retry-${paymentRef}`;
      expect((await act(paymentRef, 'retry', { reason: 'first' }, { key })).status).toBe(202);
      await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === 'SUCCEEDED');

      const replay = await act(paymentRef, 'retry', { reason: 'first' }, { key });
      expect(replay.status).toBe(202);
      expect(replay.body).toMatchObject({ status: 'SUCCEEDED', attemptCount: 2, actions: [expect.objectContaining({ kind: 'RETRY', reason: 'first' })] });
      expectError(await act(paymentRef, 'retry', { reason: 'another reason' }, { key }), 409, 'IDEMPOTENCY_KEY_REUSED');
      expectError(await act(paymentRef, 'cancel', { reason: 'first' }, { key }), 409, 'IDEMPOTENCY_KEY_REUSED');
      // The key is the client's own: another operator may use the same one.
      const other = await under.token(['payments:operate'], 'operator-john');
      expectError(await act(paymentRef, 'retry', { reason: 'first' }, { key, token: other }), 409, 'PAYMENT_NOT_FAILED');

      expect((await allResultsOf(event)).map((result) => result.status)).toEqual(['FAILED', 'SUCCEEDED']);
      expect((await read(paymentRef)).actions).toHaveLength(1);
    });

    it('when the payment is not FAILED, then the retry is refused with 409 and nothing is scheduled', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.succeeds, 'SUCCEEDED');
      expectError(await act(paymentRef, 'retry', { reason: 'try again' }), 409, 'PAYMENT_NOT_FAILED');
      const scheduled = await paymentOn(simulatedIbans.alwaysUnavailable, 'RETRY_SCHEDULED');
      expectError(await act(scheduled.paymentRef, 'retry', { reason: 'try again' }), 409, 'PAYMENT_NOT_FAILED');
      expect((await read(paymentRef)).actions).toEqual([]);
      expect(await allResultsOf(event)).toHaveLength(1);
    });

    it('when the token, the reason or the payment is wrong, then 401, 403, 400 or 404 and the payment is left as it was', async () => {
      const { paymentRef } = await paymentOn(simulatedIbans.insufficientFunds, 'FAILED');
      const reader = under.reader;
      expectError(await act(paymentRef, 'retry', { reason: 'r' }, { token: null }), 401, 'UNAUTHORIZED');
      expectError(await act(paymentRef, 'retry', { reason: 'r' }, { token: reader }), 403, 'FORBIDDEN');
      for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 42 }, { reason: 'r', extra: true }]) {
        expectError(await act(paymentRef, 'retry', body), 400, 'VALIDATION_FAILED');
      }
      expectError(await act('PAY-0000000000000000', 'retry', { reason: 'r' }), 404, 'PAYMENT_NOT_FOUND');
      expectError(await act('not-a-payment', 'retry', { reason: 'r' }), 400, 'VALIDATION_FAILED');
      expectError(await act(paymentRef, 'retry', { reason: 'r' }, { key: 'not a key!' }), 400, 'VALIDATION_FAILED');
      expect(await read(paymentRef)).toMatchObject({ status: 'FAILED', attemptCount: 1, actions: [] });
    });
  });

  describe('POST /v1/payments/{paymentRef}/manual-payment', () => {
    const transfer = { reason: 'Paid by bank transfer after the failed debit.', bankReference: 'VIR-2026-11-000123', receivedOn: today };

    it('when a failed invoice is paid by transfer, then the payment SUCCEEDS by BANK_TRANSFER without a debit, published once', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.insufficientFunds, 'FAILED');
      const response = await act(paymentRef, 'manual-payment', transfer, { key: `transfer-${paymentRef}` });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'SUCCEEDED',
        method: 'BANK_TRANSFER',
        bankReference: transfer.bankReference,
        receivedOn: transfer.receivedOn,
        settledAt: expect.any(String),
        attemptCount: 1,
        actions: [{ kind: 'MANUAL_PAYMENT', reason: transfer.reason, requestedBy: OPERATOR, bankReference: transfer.bankReference, receivedOn: transfer.receivedOn, requestedAt: expect.any(String) }],
      });
      expect(response.body).not.toHaveProperty('reasonCode');

      const replay = await act(paymentRef, 'manual-payment', transfer, { key: `transfer-${paymentRef}` });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(response.body);
      expectError(await act(paymentRef, 'manual-payment', { ...transfer, bankReference: 'VIR-OTHER' }, { key: `transfer-${paymentRef}` }), 409, 'IDEMPOTENCY_KEY_REUSED');
      expectError(await act(paymentRef, 'manual-payment', transfer), 409, 'PAYMENT_ALREADY_SETTLED');
      expectError(await act(paymentRef, 'retry', { reason: 'r' }), 409, 'PAYMENT_NOT_FAILED');

      const published = await allResultsOf(event);
      expect(published.map((result) => [result.status, result.method])).toEqual([
        ['FAILED', null],
        ['SUCCEEDED', 'BANK_TRANSFER'],
      ]);
      expect(published[1]).toMatchObject({ amountMinor: event.invoice.totalWithTaxMinor, bankReference: transfer.bankReference, receivedOn: transfer.receivedOn, reasonCode: null, settledAt: response.body.settledAt });
      expect(await under.simulatedDebitsOf(paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: 'FAILED' })]);
    });

    it('when the same transfer is sent several times at once under one key, then one is applied and the others answer as its replay', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.insufficientFunds, 'FAILED');
      const key = `transfer-${paymentRef}`;
      const responses = await Promise.all([1, 2, 3, 4].map(() => act(paymentRef, 'manual-payment', transfer, { key })));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(responses.map((response) => response.body.settledAt)).size).toBe(1);
      expect((await read(paymentRef)).actions).toHaveLength(1);
      expect((await allResultsOf(event)).map((result) => result.status)).toEqual(['FAILED', 'SUCCEEDED']);
    });

    it('when the request is wrong, then 400, 401, 403, 404 or 422, and nothing is recorded', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.accountClosed, 'FAILED');
      expectError(await act(paymentRef, 'manual-payment', transfer, { token: null }), 401, 'UNAUTHORIZED');
      expectError(await act(paymentRef, 'manual-payment', transfer, { token: under.reader }), 403, 'FORBIDDEN');
      const { reason: _reason, ...withoutReason } = transfer;
      const { bankReference: _reference, ...withoutReference } = transfer;
      for (const body of [withoutReason, { ...transfer, reason: ' ' }, withoutReference, { ...transfer, bankReference: '' }, { ...transfer, receivedOn: '2026-13-01' }, { ...transfer, amount: 10 }]) {
        expectError(await act(paymentRef, 'manual-payment', body), 400, 'VALIDATION_FAILED');
      }
      expectError(await act(paymentRef, 'manual-payment', { ...transfer, receivedOn: '2999-01-01' }), 422, 'RECEIVED_ON_IN_FUTURE');
      expectError(await act('PAY-0000000000000000', 'manual-payment', transfer), 404, 'PAYMENT_NOT_FOUND');
      expect(await read(paymentRef)).toMatchObject({ status: 'FAILED', method: 'DIRECT_DEBIT', actions: [] });
      expect(await allResultsOf(event)).toHaveLength(1);
    });
  });

  describe('POST /v1/payments/{paymentRef}/cancel', () => {
    it('when a debit waiting for its retry is cancelled, then it is CANCELLED, published once, and a transfer can still settle it', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.alwaysUnavailable, 'RETRY_SCHEDULED');
      const reason = 'The customer will pay by transfer.';
      const response = await act(paymentRef, 'cancel', { reason }, { key: `cancel-${paymentRef}` });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'CANCELLED', reasonCode: 'DEBIT_CANCELLED', reasonMessage: reason, actions: [{ kind: 'CANCEL', reason, requestedBy: OPERATOR }] });
      expect(response.body).not.toHaveProperty('nextAttemptAt');
      expect((await act(paymentRef, 'cancel', { reason }, { key: `cancel-${paymentRef}` })).body).toEqual(response.body);
      expectError(await act(paymentRef, 'cancel', { reason }), 409, 'PAYMENT_NOT_CANCELLABLE');
      expectError(await act(paymentRef, 'retry', { reason }), 409, 'PAYMENT_NOT_FAILED');
      expect((await allResultsOf(event)).map((result) => [result.status, result.reasonCode, result.reasonMessage])).toEqual([['CANCELLED', 'DEBIT_CANCELLED', reason]]);

      const paid = await act(paymentRef, 'manual-payment', { reason: 'Transfer received.', bankReference: 'VIR-42', receivedOn: today });
      expect(paid.body).toMatchObject({ status: 'SUCCEEDED', method: 'BANK_TRANSFER', actions: [expect.objectContaining({ kind: 'CANCEL' }), expect.objectContaining({ kind: 'MANUAL_PAYMENT' })] });
      expect((await allResultsOf(event)).map((result) => result.status)).toEqual(['CANCELLED', 'SUCCEEDED']);
      expect(await under.simulatedDebitsOf(paymentRef)).toEqual([expect.objectContaining({ calls: 1, outcome: null })]);
    });

    it('when the payment is settled or failed, or the request is wrong, then 409, 400, 401, 403 or 404 and nothing changes', async () => {
      const { event, paymentRef } = await paymentOn(simulatedIbans.succeeds, 'SUCCEEDED');
      expectError(await act(paymentRef, 'cancel', { reason: 'r' }), 409, 'PAYMENT_NOT_CANCELLABLE');
      const failed = await paymentOn(simulatedIbans.insufficientFunds, 'FAILED');
      expectError(await act(failed.paymentRef, 'cancel', { reason: 'r' }), 409, 'PAYMENT_NOT_CANCELLABLE');
      const scheduled = await paymentOn(simulatedIbans.alwaysUnavailable, 'RETRY_SCHEDULED');
      expectError(await act(scheduled.paymentRef, 'cancel', { reason: 'r' }, { token: null }), 401, 'UNAUTHORIZED');
      expectError(await act(scheduled.paymentRef, 'cancel', { reason: 'r' }, { token: under.reader }), 403, 'FORBIDDEN');
      expectError(await act(scheduled.paymentRef, 'cancel', {}), 400, 'VALIDATION_FAILED');
      expectError(await act('PAY-0000000000000000', 'cancel', { reason: 'r' }), 404, 'PAYMENT_NOT_FOUND');
      expect(await read(scheduled.paymentRef)).toMatchObject({ status: 'RETRY_SCHEDULED', actions: [] });
      expect(await allResultsOf(event)).toHaveLength(1);
      expect(await allResultsOf(scheduled.event)).toHaveLength(0);
    });
  });

  describe('who acted, and for whom', () => {
    it('when an operator acts, then the audit trail records the action with its subject, scopes, reason and the change; a replay records nothing more', async () => {
      const { paymentRef } = await paymentOn(simulatedIbans.alwaysUnavailable, 'RETRY_SCHEDULED');
      const reason = 'The customer asked to pay by transfer instead.';
      const cancel = () => act(paymentRef, 'cancel', { reason }, { key: `audited-${paymentRef}` }).set('X-Correlation-Id', `corr-${paymentRef}`);
      expect((await cancel()).status).toBe(200);
      expect((await cancel()).status).toBe(200);

      const auditor = await under.token(['audit:read'], 'auditor');
      const { auditEvents } = await readAuditEvents(under.api, auditor, { entityType: 'payment', entityId: paymentRef });
      expect(auditEvents).toEqual([
        expect.objectContaining({
          action: 'CANCEL_DEBIT',
          actor: { subject: OPERATOR, scopes: ['payments:operate'] },
          requestId: `corr-${paymentRef}`,
          reason,
          before: expect.objectContaining({ status: 'RETRY_SCHEDULED' }),
          after: expect.objectContaining({ status: 'CANCELLED' }),
        }),
      ]);
    });

    it("when an operator restricted to some customers acts on another customer's payment, then 404 and nothing changes", async () => {
      const event = buildInvoiceIssuedEvent({ invoice: { mandate: { iban: simulatedIbans.alwaysUnavailable }, customer: { customerRef: `CUST-OTHER-${Date.now()}` } } });
      await invoices.publish(event);
      const { paymentRef } = await under.paymentOf(event.invoice.invoiceRef, (current) => current.status === 'RETRY_SCHEDULED');
      const restricted = await under.token(['payments:operate'], 'portal-operator', { customers: ['CUST-MINE'] });
      expectError(await act(paymentRef, 'cancel', { reason: 'not mine' }, { token: restricted }), 404, 'PAYMENT_NOT_FOUND');
      expect(await read(paymentRef)).toMatchObject({ status: 'RETRY_SCHEDULED', actions: [] });
    });
  });
});
