import { randomUUID } from 'node:crypto';
import { waitFor } from '@boissipay/runtime/testing';
import { calendarDateIn } from '../src/domain/calendar';
import { addDays, periodJustEnded, periodOfDate } from '../src/domain/billing-period';
import { isTarget2BusinessDay, onOrAfterTarget2BusinessDay } from '../src/domain/target2-calendar';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { knownContract, purchaseOn, refundOn, submitAccepted } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';

/** The billing-run and invoice endpoints over HTTP, responses checked against the spec. */
describe('billing runs and invoices API', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  const today = calendarDateIn('Europe/Paris', new Date());
  const lastMonth = periodJustEnded(today).id;

  beforeAll(async () => {
    // With the scheduler: at start-up it runs the month just ended, which has no completed run in a new database.
    [billing, publisher] = await Promise.all([startBillingUnderTest({ BILLING_RUN_SCHEDULER_ENABLED: 'true', BILLING_PAYMENT_TERM_DAYS: '15', SEPA_PRENOTIFICATION_DAYS: '20' }), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  const runner = async () => billing.auth(['billing:run']);
  const reader = async () => billing.auth(['invoices:read']);

  async function startRun(period: string) {
    return billing.api.post('/v1/billing-runs').set(await runner()).send({ period });
  }

  async function finishedRun(runId: string) {
    return waitFor(
      async () => {
        const response = await billing.api.get(`/v1/billing-runs/${runId}`).set(await runner());
        return response.body.status !== 'RUNNING' && response.body;
      },
      { description: `billing run ${runId} to finish` },
    );
  }

  it('when the service starts and the month just ended has no completed run, then the scheduler runs it', async () => {
    const response = await waitFor(
      async () => {
        const listed = await billing.api.get(`/v1/billing-runs?period=${lastMonth}&status=COMPLETED`).set(await runner());
        return listed.body.metadata?.totalItems > 0 && listed.body;
      },
      { description: 'the catch-up run' },
    );
    expect(response.billingRuns[0]).toMatchObject({ period: lastMonth, status: 'COMPLETED', trigger: 'SCHEDULE', requestedBy: 'scheduler' });
  });

  it('when an operator runs a period, then 202 with the run, which completes with its invoices, numbers and totals', async () => {
    const contractRef = await knownContract(billing, publisher);
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-02-27', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, refundOn(contractRef, '2026-02-28', purchase.orderRef, [{ unitPriceMinor: 2_500, vatRate: 20 }]));
    const refundOnly = await knownContract(billing, publisher, undefined, 'en');
    const bought = await submitAccepted(billing, purchaseOn(refundOnly, '2026-01-15', [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    await submitAccepted(billing, refundOn(refundOnly, '2026-02-15', bought.orderRef, [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    // refundOnly's January purchase and February refund cancel out: a credit note of zero, nothing to debit.

    const started = await startRun('2026-02');
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/v1/billing-runs/${started.body.runId}`);
    expect(started.body).toMatchObject({ period: '2026-02', status: 'RUNNING', trigger: 'API', requestedBy: 'sales-system-test', finishedAt: null, durationMs: null });

    const run = await finishedRun(started.body.runId);
    expect(run).toMatchObject({ status: 'COMPLETED', contractsConsidered: 2, contractsBilled: 2, invoicesIssued: 1, creditNotesIssued: 1, errors: [] });
    expect(run.totals).toEqual([{ currencyCode: 'EUR', totalWithoutTax: 75, totalTax: 15, totalWithTax: 90 }]);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);

    const listed = await billing.api.get(`/v1/invoices?contractRef=${contractRef}&period=2026-02&status=ISSUED`).set(await reader());
    expect(listed.status).toBe(200);
    expect(listed.body.metadata).toMatchObject({ totalItems: 1, countItems: 1 });
    const [summary] = listed.body.invoices;
    expect(summary).toMatchObject({ contractRef, period: '2026-02', invoiceType: 'INVOICE', status: 'ISSUED', runId: run.runId, totalWithTax: 90, debitRequired: true, issueDate: today, language: 'fr' });
    expect(summary.invoiceRef).toMatch(new RegExp(`^BIL-${today.slice(0, 4)}-\\d{6}$`));
    expect(Date.parse(summary.dueDate) - Date.parse(summary.issueDate)).toBe(15 * 24 * 3600 * 1000);
    // Due in 15 days, but the pre-notification (the e-mail, sent today) must come 20 days ahead, on a TARGET2 business day.
    expect(summary.collectionDate).toBe(onOrAfterTarget2BusinessDay(addDays(summary.issueDate, 20)));
    expect(isTarget2BusinessDay(summary.collectionDate)).toBe(true);
    expect(summary.lines).toBeUndefined();

    const detail = await billing.api.get(`/v1/invoices/${summary.invoiceRef}`).set(await reader());
    expect(detail.status).toBe(200);
    expect(detail.body.language).toBe('fr');
    expect(detail.body.lines.map((line: { operationType: string; amountWithTax: number }) => [line.operationType, line.amountWithTax])).toEqual([
      ['PURCHASE', 120],
      ['REFUND', -30],
    ]);
    expect(detail.body.operations.map((operation: { invoiceRef: string }) => operation.invoiceRef)).toEqual([summary.invoiceRef, summary.invoiceRef]);

    const operations = await billing.api.get(`/v1/operations?invoiceRef=${summary.invoiceRef}`).set(await billing.auth(['operations:read']));
    expect(operations.body.metadata.totalItems).toBe(2);

    const creditNotes = await billing.api.get(`/v1/invoices?contractRef=${refundOnly}&invoiceType=CREDIT_NOTE`).set(await reader());
    // The contract's language goes on its invoices.
    expect(creditNotes.body.invoices).toEqual([expect.objectContaining({ invoiceType: 'CREDIT_NOTE', totalWithTax: 0, debitRequired: false, period: '2026-02', language: 'en' })]);

    const runs = await billing.api.get('/v1/billing-runs?period=2026-02&pageSize=1').set(await runner());
    expect(runs.body.billingRuns[0]).toEqual(run);
    expect(runs.body.metadata).toMatchObject({ page: 1, pageSize: 1, totalItems: 1 });
  });

  it('when the period is not a month, then 400 VALIDATION_FAILED; when it is not over yet, 400 PERIOD_NOT_ENDED', async () => {
    for (const period of ['2026-13', '2026-1', '2026/10', '']) {
      const response = await startRun(period);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].errorCode).toBe('VALIDATION_FAILED');
    }
    const missing = await billing.api.post('/v1/billing-runs').set(await runner()).send({});
    expect(missing.status).toBe(400);
    const thisMonth = periodOfDate(today).id;
    const current = await startRun(thisMonth);
    expect(current.status).toBe(400);
    expect(current.body.errors[0].errorCode).toBe('PERIOD_NOT_ENDED');
    const future = await billing.api.post('/v1/billing-runs').set(await runner()).send({ period: '2999-01', dryRun: true });
    expect(future.body.errors[0].errorCode).toBe('PERIOD_NOT_ENDED');
    const currentPreview = await billing.api.post('/v1/billing-runs').set(await runner()).send({ period: thisMonth, dryRun: true });
    expect(currentPreview.status).toBe(200);
    const runs = await billing.api.get(`/v1/billing-runs?period=${thisMonth}`).set(await runner());
    expect(runs.body.metadata.totalItems).toBe(0);
  });

  it('when a run or an invoice does not exist, then 404 with its code', async () => {
    const run = await billing.api.get(`/v1/billing-runs/${randomUUID()}`).set(await runner());
    expect(run.status).toBe(404);
    expect(run.body.errors[0].errorCode).toBe('BILLING_RUN_NOT_FOUND');
    const badId = await billing.api.get('/v1/billing-runs/not-a-uuid').set(await runner());
    expect(badId.status).toBe(400);
    const invoice = await billing.api.get('/v1/invoices/BIL-2000-000001').set(await reader());
    expect(invoice.status).toBe(404);
    expect(invoice.body.errors[0].errorCode).toBe('INVOICE_NOT_FOUND');
  });

  it('when there is no token, then 401; when the token lacks the scope, then 403', async () => {
    const calls = [
      () => billing.api.post('/v1/billing-runs').send({ period: '2026-01' }),
      () => billing.api.get('/v1/billing-runs'),
      () => billing.api.get(`/v1/billing-runs/${randomUUID()}`),
      () => billing.api.get('/v1/invoices'),
      () => billing.api.get('/v1/invoices/BIL-2026-000001'),
    ];
    for (const call of calls) {
      const response = await call();
      expect(response.status).toBe(401);
      expect(response.body.errors[0].errorCode).toBe('UNAUTHORIZED');
    }
    const wrongScope = await billing.auth(['operations:read', 'operations:write']);
    for (const call of calls) {
      const response = await call().set(wrongScope);
      expect(response.status).toBe(403);
      expect(response.body.errors[0].errorCode).toBe('FORBIDDEN');
    }
    const readerCannotRun = await billing.api.post('/v1/billing-runs').set(await reader()).send({ period: '2026-01' });
    expect(readerCannotRun.status).toBe(403);
  });
});
