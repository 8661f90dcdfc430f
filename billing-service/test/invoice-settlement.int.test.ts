import { waitFor } from '@boissipay/runtime/testing';
import { outstandingMinorOf, startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { invoicesOf, knownContract, purchaseOn, refundOn, runPeriod, submitAccepted } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildDeliveryResult, buildPaymentResult, startSettlementPublisher, type InvoiceIdentity, type SettlementPublisher } from './support/settlement-events';

/**
 * Billing consumes what the payment service and the mailer report, as they publish it:
 * payment.result.v1 and mailer.invoice-delivery.v1 encoded with the registered schemas.
 */
describe('invoice settlement: payment results and deliveries', () => {
  let billing: BillingUnderTest;
  let contracts: ContractEventPublisher;
  let reports: SettlementPublisher;

  beforeAll(async () => {
    [billing, contracts, reports] = await Promise.all([startBillingUnderTest(), startContractEventPublisher(), startSettlementPublisher()]);
  });
  afterAll(async () => {
    await reports?.stop();
    await contracts?.stop();
    await billing?.stop();
  });

  /** A contract with purchases of 120.00 and 55.00 in `month`, billed: its invoice of 175.00. */
  async function issuedInvoice(month: string): Promise<InvoiceIdentity> {
    const contractRef = await knownContract(billing, contracts);
    await submitAccepted(billing, purchaseOn(contractRef, `${month}-10`, [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, purchaseOn(contractRef, `${month}-11`, [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    await runPeriod(billing, month);
    const [invoice] = await invoicesOf(billing, contractRef);
    if (!invoice) throw new Error(`no invoice for ${contractRef}`);
    return { contractRef, invoiceRef: invoice.invoice_ref, totalWithTaxMinor: Number(invoice.total_with_tax_minor) };
  }

  async function invoiceOf(invoiceRef: string) {
    const response = await billing.api.get(`/v1/invoices/${invoiceRef}`).set(await billing.auth(['invoices:read']));
    expect(response.status).toBe(200);
    return response.body;
  }

  async function waitForInvoice(invoiceRef: string, condition: (invoice: Record<string, unknown>) => boolean, description: string) {
    return waitFor(
      async () => {
        const invoice = await invoiceOf(invoiceRef);
        return condition(invoice) && invoice;
      },
      { timeoutMs: 30_000, description: `${invoiceRef}: ${description}` },
    );
  }

  /** Reports on one topic are applied in order: once `sentinel` is applied, everything published before it was too. */
  async function paymentsApplied(sentinel: InvoiceIdentity) {
    await reports.publishPayments(buildPaymentResult(sentinel, { status: 'FAILED', reasonCode: 'SENTINEL', reasonMessage: null }));
    await waitForInvoice(sentinel.invoiceRef, (invoice) => (invoice.paymentFailure as { reasonCode?: string } | null)?.reasonCode === 'SENTINEL', 'sentinel applied');
  }

  it('when the debit succeeds, then the invoice is PAID and the outstanding falls by its total, once, however often it is reported', async () => {
    const invoice = await issuedInvoice('2026-01');
    const sentinel = await issuedInvoice('2026-01');
    expect(invoice.totalWithTaxMinor).toBe(17_500);
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(17_500);

    const succeeded = buildPaymentResult(invoice);
    await reports.publishPayments(succeeded);
    const paid = await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'PAID', 'PAID');
    expect(paid).toMatchObject({ status: 'PAID', paymentRef: succeeded.paymentRef, paidAt: '2026-11-05T09:00:00.000Z', paymentFailure: null, deliveryStatus: 'PENDING' });
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);

    // The same event redelivered, and another report of a debit on the paid invoice.
    await reports.publishPayments(succeeded, buildPaymentResult(invoice), buildPaymentResult(invoice, { status: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS' }));
    await paymentsApplied(sentinel);
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);
    expect(await invoiceOf(invoice.invoiceRef)).toMatchObject({ status: 'PAID', paymentRef: succeeded.paymentRef });
    const listed = await billing.api.get(`/v1/invoices?contractRef=${invoice.contractRef}&status=PAID`).set(await billing.auth(['invoices:read']));
    expect(listed.body.metadata.totalItems).toBe(1);
  });

  it('when the debit fails, then the invoice is UNPAID with the reason and still owed; a later successful debit pays it', async () => {
    const invoice = await issuedInvoice('2026-02');
    await reports.publishPayments(buildPaymentResult(invoice, { status: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'AM04 insufficient funds', settledAt: null }));
    const unpaid = await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'UNPAID', 'UNPAID');
    expect(unpaid).toMatchObject({ paidAt: null, paymentFailure: { reasonCode: 'INSUFFICIENT_FUNDS', message: 'AM04 insufficient funds' } });
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(17_500);

    await reports.publishPayments(buildPaymentResult(invoice));
    await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'PAID', 'PAID after the retry');
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);
  });

  it('when a debit that paid the invoice is returned, then it is UNPAID again and the outstanding rises once, however often reported; its re-presentation pays it', async () => {
    const invoice = await issuedInvoice('2026-07');
    const sentinel = await issuedInvoice('2026-07');
    const succeeded = buildPaymentResult(invoice);
    await reports.publishPayments(succeeded);
    await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'PAID', 'PAID');
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);

    const returned = buildPaymentResult(invoice, {
      paymentRef: succeeded.paymentRef,
      status: 'RETURNED',
      reasonCode: 'INSUFFICIENT_FUNDS',
      reasonMessage: 'SEPA AM04: insufficient funds on the debtor account',
      returnReasonCode: 'AM04',
      returnedAt: '2026-11-08T09:00:00.000Z',
    });
    // Redelivered, and the same return under another eventId: raised once.
    await reports.publishPayments(returned, returned, { ...returned, eventId: buildPaymentResult(invoice).eventId });
    await paymentsApplied(sentinel);
    expect(await invoiceOf(invoice.invoiceRef)).toMatchObject({ status: 'UNPAID', paymentFailure: { reasonCode: 'INSUFFICIENT_FUNDS' } });
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(17_500);

    await reports.publishPayments(buildPaymentResult(invoice, { paymentRef: succeeded.paymentRef, attempts: 2, settledAt: '2026-11-12T05:00:00.000Z' }));
    await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'PAID', 'PAID again');
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);
  });

  it('when an operator cancels the debit and then records a bank transfer, then the invoice is UNPAID, then PAID with the outstanding lowered once', async () => {
    const invoice = await issuedInvoice('2026-06');
    const sentinel = await issuedInvoice('2026-06');
    const paymentRef = `PAY-${invoice.invoiceRef}`;
    await reports.publishPayments(buildPaymentResult(invoice, { paymentRef, status: 'CANCELLED', reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'Customer pays by transfer', settledAt: null, method: null }));
    const unpaid = await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'UNPAID', 'UNPAID after the cancellation');
    expect(unpaid).toMatchObject({ paidAt: null, paymentFailure: { reasonCode: 'DEBIT_CANCELLED', message: 'Customer pays by transfer' } });
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(17_500);

    const transfer = buildPaymentResult(invoice, { paymentRef, method: 'BANK_TRANSFER', bankReference: 'VIR-000123', receivedOn: '2026-11-04' });
    await reports.publishPayments(transfer, transfer, buildPaymentResult(invoice, { paymentRef, method: 'BANK_TRANSFER', bankReference: 'VIR-000124' }));
    await paymentsApplied(sentinel);
    expect(await invoiceOf(invoice.invoiceRef)).toMatchObject({ status: 'PAID', paymentRef, paidAt: '2026-11-05T09:00:00.000Z' });
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);
  });

  it('when a report names an invoice billing does not have, or another contract\'s, then it is skipped and the next one applied', async () => {
    const invoice = await issuedInvoice('2026-03');
    await reports.publishPayments(
      buildPaymentResult({ ...invoice, invoiceRef: 'BIL-1999-000001' }),
      buildPaymentResult({ ...invoice, contractRef: 'CTR-someone-else' }),
      buildPaymentResult(invoice, { amountMinor: invoice.totalWithTaxMinor - 1 }),
      buildPaymentResult(invoice),
    );
    await waitForInvoice(invoice.invoiceRef, (current) => current.status === 'PAID', 'PAID');
    expect(await outstandingMinorOf(billing, invoice.contractRef)).toBe(0);
  });

  it('when a credit note is reported paid, then nothing changes: nothing is collected on it', async () => {
    const contractRef = await knownContract(billing, contracts);
    // Refunded in the month it was bought: the month's statement is for zero, a credit note of the invoice series.
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-05-02', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, refundOn(contractRef, '2026-05-09', purchase.orderRef, [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await runPeriod(billing, '2026-05');
    const [creditNote] = await invoicesOf(billing, contractRef);
    expect(creditNote?.invoice_type).toBe('CREDIT_NOTE');
    const identity = { contractRef, invoiceRef: creditNote?.invoice_ref ?? '', totalWithTaxMinor: Number(creditNote?.total_with_tax_minor) };
    const outstanding = await outstandingMinorOf(billing, contractRef);

    await reports.publishPayments(buildPaymentResult(identity));
    await paymentsApplied(await issuedInvoice('2026-04'));
    expect(await invoiceOf(identity.invoiceRef)).toMatchObject({ status: 'ISSUED', paidAt: null });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(outstanding);
  });

  it('when the mailer reports the invoice SENT, then sentAt is recorded, whatever its payment status; a later failure changes nothing', async () => {
    const invoice = await issuedInvoice('2026-06');
    const failed = buildDeliveryResult(invoice, { status: 'FAILED', sentAt: null, messageId: null, failureReason: '421 try again later' });
    await reports.publishDeliveries(failed);
    await waitForInvoice(invoice.invoiceRef, (current) => current.deliveryStatus === 'FAILED', 'delivery FAILED');

    const sent = buildDeliveryResult(invoice);
    await reports.publishDeliveries(sent);
    const delivered = await waitForInvoice(invoice.invoiceRef, (current) => current.deliveryStatus === 'SENT', 'SENT');
    expect(delivered).toMatchObject({ status: 'ISSUED', deliveryStatus: 'SENT', sentAt: '2026-11-02T08:00:00.000Z' });

    const sentinel = await issuedInvoice('2026-06');
    await reports.publishDeliveries(sent, { ...failed, eventId: buildDeliveryResult(invoice).eventId }, buildDeliveryResult(sentinel));
    await waitForInvoice(sentinel.invoiceRef, (current) => current.deliveryStatus === 'SENT', 'sentinel SENT');
    expect(await invoiceOf(invoice.invoiceRef)).toMatchObject({ deliveryStatus: 'SENT', sentAt: '2026-11-02T08:00:00.000Z' });
    const listed = await billing.api.get(`/v1/invoices?contractRef=${invoice.contractRef}&deliveryStatus=SENT`).set(await billing.auth(['invoices:read']));
    expect(listed.body.metadata.totalItems).toBe(1);
  });
});
