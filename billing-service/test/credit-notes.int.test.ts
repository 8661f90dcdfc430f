import { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { expectError, readAuditEvents } from '@boissipay/runtime/testing';
import { outstandingMinorOf, startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { invoicesOf, knownContract, purchaseOn, refundOn, runPeriod, startEventCollector, startInvoiceEventCollector, submitAccepted, type EventCollector, type InvoiceEventCollector } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';

type CreditNoteIssuedEvent = billingCreditNoteIssuedV1Event.CreditNoteIssuedEvent;
const OPERATOR = 'operator-jane';

/**
 * Credit notes over real HTTP, a real database and Kafka: numbered in their own gapless
 * series, lowering the outstanding once, published on billing.credit-note-issued.v1 and never
 * on the invoice topic the payment service debits from.
 */
describe('POST and GET /v1/invoices/{invoiceRef}/credit-notes', () => {
  let billing: BillingUnderTest;
  let contracts: ContractEventPublisher;
  let creditNoteEvents: EventCollector<CreditNoteIssuedEvent>;
  let invoiceEvents: InvoiceEventCollector;

  beforeAll(async () => {
    [billing, contracts] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    [creditNoteEvents, invoiceEvents] = await Promise.all([startEventCollector<CreditNoteIssuedEvent>(billingCreditNoteIssuedV1Event.topic), startInvoiceEventCollector()]);
  });
  afterAll(async () => {
    await Promise.all([creditNoteEvents?.stop(), invoiceEvents?.stop(), contracts?.stop()]);
    await billing?.stop();
  });

  /** A contract with purchases of 120.00 (20 % VAT) and 55.00 (10 %) in `month`, billed: its invoice of 175.00. */
  async function issuedInvoice(month: string, contractRef?: string): Promise<{ contractRef: string; invoiceRef: string }> {
    const contract = contractRef ?? (await knownContract(billing, contracts));
    await submitAccepted(billing, purchaseOn(contract, `${month}-10`, [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, purchaseOn(contract, `${month}-11`, [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    await runPeriod(billing, month);
    const invoice = (await invoicesOf(billing, contract)).find((candidate) => candidate.period === month);
    if (!invoice) throw new Error(`no invoice for ${contract} in ${month}`);
    return { contractRef: contract, invoiceRef: invoice.invoice_ref };
  }

  const credit = async (invoiceRef: string, body: object, options: { key?: string; scopes?: string[] | null } = {}) => {
    const request = billing.api.post(`/v1/invoices/${invoiceRef}/credit-notes`).send(body);
    if (options.scopes !== null) request.set(await billing.auth(options.scopes ?? ['invoices:credit'], OPERATOR));
    if (options.key) request.set('Idempotency-Key', options.key);
    return request;
  };
  const creditNotesOf = async (invoiceRef: string) => billing.api.get(`/v1/invoices/${invoiceRef}/credit-notes`).set(await billing.auth(['invoices:read']));
  const numberOf = (creditNoteRef: string) => Number(creditNoteRef.slice('AV-2026-'.length));

  it('when an invoice is credited in full, then a credit note of its whole total is issued, the outstanding falls once and one event is published, not for debit', async () => {
    const { contractRef, invoiceRef } = await issuedInvoice('2026-01');
    expect(await outstandingMinorOf(billing, contractRef)).toBe(17_500);
    const reason = 'Trip cancelled by the agency: whole invoice credited.';

    const response = await credit(invoiceRef, { reason }, { key: `credit-${invoiceRef}` });
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/v1/invoices/${invoiceRef}/credit-notes`);
    expect(response.body).toEqual({
      creditNoteRef: expect.stringMatching(/^AV-\d{4}-\d{6}$/),
      invoiceRef,
      contractRef,
      issueDate: expect.any(String),
      language: 'fr',
      currency: 'EUR',
      totalWithoutTax: 150,
      totalTax: 25,
      totalWithTax: 175,
      vatBreakdown: [
        { vatRate: 10, base: 50, tax: 5 },
        { vatRate: 20, base: 100, tax: 20 },
      ],
      lines: [
        { lineNumber: 1, description: `Credit of invoice ${invoiceRef}, VAT 10 %`, vatRate: 10, amountWithoutTax: 50, tax: 5, amountWithTax: 55 },
        { lineNumber: 2, description: `Credit of invoice ${invoiceRef}, VAT 20 %`, vatRate: 20, amountWithoutTax: 100, tax: 20, amountWithTax: 120 },
      ],
      reason,
      issuedBy: OPERATOR,
      issuedAt: expect.any(String),
    });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);

    const replay = await credit(invoiceRef, { reason }, { key: `credit-${invoiceRef}` });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(response.body);
    expectError(await credit(invoiceRef, { reason, amount: 10 }, { key: `credit-${invoiceRef}` }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expectError(await credit(invoiceRef, { reason: 'once more' }), 422, 'CREDIT_EXCEEDS_INVOICE');
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);

    // Audited once, in the transaction of the credit note: the replay and the refusals add nothing.
    const auditor = (await billing.auth(['audit:read'], 'auditor')).Authorization!.replace('Bearer ', '');
    expect((await readAuditEvents(billing.api, auditor, { entityType: 'invoice', entityId: invoiceRef })).auditEvents).toEqual([
      expect.objectContaining({
        action: 'ISSUE_CREDIT_NOTE',
        actor: { subject: OPERATOR, scopes: ['invoices:credit'] },
        reason,
        after: { creditNoteRef: response.body.creditNoteRef, totalWithTaxMinor: 17_500, currency: 'EUR' },
      }),
    ]);

    // A later credit note of the same contract is the barrier: everything published before it is in.
    const later = await issuedInvoice('2026-02', contractRef);
    expect((await credit(later.invoiceRef, { reason: 'Goodwill', amount: 1 })).status).toBe(201);
    const events = await creditNoteEvents.waitForEvents(contractRef, 2);
    expect(events.map((event) => event.creditNote.creditNoteRef)).toEqual([response.body.creditNoteRef, expect.any(String)]);
    expect(events[0]).toMatchObject({
      contractRef,
      creditNote: { invoiceRef, currency: 'EUR', totalWithoutTaxMinor: 15_000, totalTaxMinor: 2_500, totalWithTaxMinor: 17_500, reason, issuedBy: OPERATOR, language: 'fr', lines: [expect.objectContaining({ amountWithTaxMinor: 5_500 }), expect.objectContaining({ amountWithTaxMinor: 12_000 })] },
    });
    // Only the two invoices ever reached the topic the payment service debits from.
    expect((await invoiceEvents.waitForEvents(contractRef, 2)).map((event) => event.invoice.invoiceRef)).toEqual([invoiceRef, later.invoiceRef]);
  });

  it('when an invoice is credited in parts, then each credit note takes the next number of the series and the outstanding falls by each, up to the invoice total', async () => {
    const { contractRef, invoiceRef } = await issuedInvoice('2026-03');
    const first = await credit(invoiceRef, { reason: 'One night not used', amount: 50 });
    const second = await credit(invoiceRef, { reason: 'Late train', amount: 100.01 });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(numberOf(second.body.creditNoteRef)).toBe(numberOf(first.body.creditNoteRef) + 1);
    expect(first.body).toMatchObject({ totalWithTax: 50, lines: [expect.objectContaining({ amountWithTax: 15.71 }), expect.objectContaining({ amountWithTax: 34.29 })] });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(17_500 - 5_000 - 10_001);

    expectError(await credit(invoiceRef, { reason: 'Too much', amount: 25 }), 422, 'CREDIT_EXCEEDS_INVOICE');
    const last = await credit(invoiceRef, { reason: 'The rest' });
    expect(last.body).toMatchObject({ totalWithTax: 24.99 });
    expect(numberOf(last.body.creditNoteRef)).toBe(numberOf(first.body.creditNoteRef) + 2);
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);

    const listed = await creditNotesOf(invoiceRef);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ invoiceRef, currency: 'EUR', creditableRemaining: 0 });
    expect(listed.body.creditNotes.map((note: { creditNoteRef: string; reason: string }) => [note.creditNoteRef, note.reason])).toEqual([
      [first.body.creditNoteRef, 'One night not used'],
      [second.body.creditNoteRef, 'Late train'],
      [last.body.creditNoteRef, 'The rest'],
    ]);
    expect((await creditNoteEvents.waitForEvents(contractRef, 3)).length).toBe(3);
  });

  it('when the request is wrong, then 400, 401, 403, 404, 409 or 422, and nothing is issued', async () => {
    const { contractRef, invoiceRef } = await issuedInvoice('2026-04');
    expectError(await credit(invoiceRef, { reason: 'r' }, { scopes: null }), 401, 'UNAUTHORIZED');
    expectError(await credit(invoiceRef, { reason: 'r' }, { scopes: ['invoices:read'] }), 403, 'FORBIDDEN');
    for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: 'x'.repeat(501) }, { reason: 'r', amount: 0 }, { reason: 'r', amount: -5 }, { reason: 'r', amount: '5' }, { reason: 'r', currency: 'EUR' }]) {
      expectError(await credit(invoiceRef, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await credit(invoiceRef, { reason: 'r', amount: 1.001 }), 400, 'INVALID_AMOUNT');
    expectError(await credit(invoiceRef, { reason: 'r', amount: 175.01 }), 422, 'CREDIT_EXCEEDS_INVOICE');
    expectError(await credit('BIL-1999-000001', { reason: 'r' }), 404, 'INVOICE_NOT_FOUND');
    expectError(await creditNotesOf('BIL-1999-000001'), 404, 'INVOICE_NOT_FOUND');

    // A period whose refunds outweigh its purchases is billed as a credit note: it cannot be credited.
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-05-02', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await runPeriod(billing, '2026-05');
    await submitAccepted(billing, refundOn(contractRef, '2026-06-02', purchase.orderRef, [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await runPeriod(billing, '2026-06');
    const refundNote = (await invoicesOf(billing, contractRef)).find((invoice) => invoice.period === '2026-06');
    expect(refundNote?.invoice_type).toBe('CREDIT_NOTE');
    expectError(await credit(refundNote!.invoice_ref, { reason: 'r' }), 409, 'INVOICE_NOT_CREDITABLE');

    expect((await creditNotesOf(invoiceRef)).body).toMatchObject({ creditableRemaining: 175, creditNotes: [] });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(17_500);
    expect(await creditNoteEvents.eventsOf(contractRef)).toEqual([]);
  });
});
