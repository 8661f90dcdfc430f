import { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { waitFor } from '@boissipay/runtime/testing';
import { addDays } from '../src/domain/billing-period';
import { onOrAfterTarget2BusinessDay } from '../src/domain/target2-calendar';
import { outstandingMinorOf, startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import {
  invoicesOf,
  knownContract,
  purchaseOn,
  refundOn,
  runPeriod,
  startEventCollector,
  startInvoiceEventCollector,
  submitAccepted,
  type EventCollector,
  type InvoiceEventCollector,
} from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';

type CreditNoteIssuedEvent = billingCreditNoteIssuedV1Event.CreditNoteIssuedEvent;

/**
 * The monthly run against the real service: its database, its outbox to Kafka, operations
 * submitted through the API. Every test bills contracts of its own; a run bills every
 * contract of the database, so assertions look at the test's contracts only.
 */
describe('billing run: one invoice per contract and period', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  let events: InvoiceEventCollector;
  let creditNoteEvents: EventCollector<CreditNoteIssuedEvent>;
  const billedContracts: string[] = [];

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    [events, creditNoteEvents] = await Promise.all([startInvoiceEventCollector(), startEventCollector<CreditNoteIssuedEvent>(billingCreditNoteIssuedV1Event.topic)]);
  });
  afterAll(async () => {
    await Promise.all([events?.stop(), creditNoteEvents?.stop()]);
    await publisher?.stop();
    await billing?.stop();
  });

  async function contract(): Promise<string> {
    const contractRef = await knownContract(billing, publisher);
    billedContracts.push(contractRef);
    return contractRef;
  }

  async function invoiceInvoiceRefOf(operationId: string): Promise<string | null> {
    const response = await billing.api.get(`/v1/operations/${operationId}`).set(await billing.auth(['operations:read']));
    return response.body.invoiceRef;
  }

  async function invoiceDetail(invoiceRef: string) {
    const response = await billing.api.get(`/v1/invoices/${invoiceRef}`).set(await billing.auth(['invoices:read']));
    expect(response.status).toBe(200);
    return response.body;
  }

  async function invoiceOfPeriod(contractRef: string, month: string) {
    const row = (await invoicesOf(billing, contractRef)).find((invoice) => invoice.period === month);
    return invoiceDetail(row?.invoice_ref ?? '');
  }

  const query = async <T extends object>(text: string, values: unknown[]): Promise<T[]> => (await billing.service.context.pool.query(text, values)).rows as T[];
  const creditNotesOf = (contractRef: string) =>
    query<{ credit_note_ref: string; invoice_ref: string; invoice_issue_date: string; run_id: string; issued_by: string; total_with_tax_minor: string }>(
      `select credit_note_ref, invoice_ref, to_char(invoice_issue_date, 'YYYY-MM-DD') as invoice_issue_date, run_id, issued_by, total_without_tax_minor, total_tax_minor, total_with_tax_minor
         from credit_notes where contract_ref = $1 order by credit_note_ref`,
      [contractRef],
    );
  const creditedRefundsOf = (contractRef: string) => query('select operation_id, credit_note_ref from credited_refunds where contract_ref = $1', [contractRef]);
  const issueDateOf = async (invoiceRef: string) => (await query<{ d: string }>(`select to_char(issue_date, 'YYYY-MM-DD') as d from invoices where invoice_ref = $1`, [invoiceRef]))[0]?.d;
  const creditNoteNumbers = async () =>
    (await query<{ credit_note_ref: string }>('select credit_note_ref from credit_notes order by credit_note_ref', [])).map((row) => Number(row.credit_note_ref.slice(-6)));

  it('when operations are dated around the end of March 2026 (summer time starts on the 29th), then the last day is in March and the 1st of April is not', async () => {
    const contractRef = await contract();
    const dstDay = await submitAccepted(billing, purchaseOn(contractRef, '2026-03-29', [{ unitPriceMinor: 10_000, vatRate: 10 }]));
    const lastDay = await submitAccepted(billing, purchaseOn(contractRef, '2026-03-31', [{ unitPriceMinor: 20_000, vatRate: 10 }]));
    const firstOfApril = await submitAccepted(billing, purchaseOn(contractRef, '2026-04-01', [{ unitPriceMinor: 40_000, vatRate: 10 }]));

    const run = await runPeriod(billing, '2026-03');
    expect(run.status).toBe('COMPLETED');
    const [invoice] = await invoicesOf(billing, contractRef);
    expect(invoice).toMatchObject({ period: '2026-03', invoice_type: 'INVOICE', total_without_tax_minor: '30000', total_tax_minor: '3000', total_with_tax_minor: '33000' });
    expect(await invoiceInvoiceRefOf(dstDay.operationId)).toBe(invoice?.invoice_ref);
    expect(await invoiceInvoiceRefOf(lastDay.operationId)).toBe(invoice?.invoice_ref);
    expect(await invoiceInvoiceRefOf(firstOfApril.operationId)).toBeNull();
  });

  it('when a purchase is accepted and another rejected, then only the accepted one waits to be invoiced, and invoicing moves it to its invoice', async () => {
    const contractRef = await knownContract(billing, publisher, 50_000);
    billedContracts.push(contractRef);
    const accepted = await submitAccepted(billing, purchaseOn(contractRef, '2026-02-10', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    const rejected = await billing.api
      .post('/v1/operations')
      .set(await billing.auth())
      .send(purchaseOn(contractRef, '2026-02-11', [{ unitPriceMinor: 100_000, vatRate: 20 }]));
    expect(rejected.status).toBe(422);
    const rows = async (table: 'uninvoiced_operations' | 'invoiced_operations') =>
      (await billing.service.context.pool.query(`select * from ${table} where contract_ref = $1`, [contractRef])).rows;
    expect((await rows('uninvoiced_operations')).map((row) => row.operation_id)).toEqual([accepted.operationId]);

    await runPeriod(billing, '2026-02');
    const [invoice] = await invoicesOf(billing, contractRef);
    expect(await rows('uninvoiced_operations')).toEqual([]);
    expect(await rows('invoiced_operations')).toEqual([
      { contract_ref: contractRef, operation_id: accepted.operationId, invoice_id: expect.any(String), invoice_ref: invoice?.invoice_ref },
    ]);
    expect(await invoiceInvoiceRefOf(accepted.operationId)).toBe(invoice?.invoice_ref);
    expect(await invoiceInvoiceRefOf(rejected.body.operationId)).toBeNull();
  });

  it('when operations are dated around the end of October 2026 (winter time from the 25th), then the 1st and the 31st are in October and the 1st of November is not', async () => {
    const contractRef = await contract();
    const dates = ['2026-10-01', '2026-10-25', '2026-10-31', '2026-11-01'];
    const operations = [];
    for (const date of dates) operations.push(await submitAccepted(billing, purchaseOn(contractRef, date, [{ unitPriceMinor: 1_000, vatRate: 20 }])));

    await runPeriod(billing, '2026-10');
    const [invoice] = await invoicesOf(billing, contractRef);
    expect(invoice).toMatchObject({ period: '2026-10', total_with_tax_minor: String(3 * 1_200) });
    const invoiceRefs = await Promise.all(operations.map((operation) => invoiceInvoiceRefOf(operation.operationId)));
    expect(invoiceRefs).toEqual([invoice?.invoice_ref, invoice?.invoice_ref, invoice?.invoice_ref, null]);
  });

  it('when lines have several VAT rates and a refund, then the invoice has a line each, a subtotal per rate, and totals equal to the sums of the lines', async () => {
    const contractRef = await contract();
    const first = await submitAccepted(
      billing,
      purchaseOn(contractRef, '2026-09-03', [
        { unitPriceMinor: 7_250, quantity: 2, vatRate: 10, label: 'Paris – Lyon, 2nd class' },
        { unitPriceMinor: 12_345, vatRate: 20, label: 'Hotel Lyon, 1 night' },
      ]),
    );
    await submitAccepted(billing, purchaseOn(contractRef, '2026-09-10', [{ unitPriceMinor: 1_999, vatRate: 5.5, label: 'Museum pass' }]));
    await submitAccepted(billing, refundOn(contractRef, '2026-09-20', first.orderRef, [{ unitPriceMinor: 7_250, vatRate: 10, label: 'Paris – Lyon, refund' }]));

    await runPeriod(billing, '2026-09');
    const [row] = await invoicesOf(billing, contractRef);
    const invoice = await invoiceDetail(row?.invoice_ref ?? '');

    expect(invoice.lines.map((line: { operationType: string; vatRate: number; amountWithoutTax: number; tax: number; amountWithTax: number }) => [line.operationType, line.vatRate, line.amountWithoutTax, line.tax, line.amountWithTax])).toEqual([
      ['PURCHASE', 10, 145, 14.5, 159.5],
      ['PURCHASE', 20, 123.45, 24.69, 148.14],
      ['PURCHASE', 5.5, 19.99, 1.1, 21.09],
      ['REFUND', 10, -72.5, -7.25, -79.75],
    ]);
    expect(invoice.vatBreakdown).toEqual([
      { vatRate: 5.5, base: 19.99, tax: 1.1, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { vatRate: 10, base: 72.5, tax: 7.25, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { vatRate: 20, base: 123.45, tax: 24.69, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
    ]);
    expect(invoice).toMatchObject({ invoiceType: 'INVOICE', status: 'ISSUED', debitRequired: true, totalWithoutTax: 215.94, totalTax: 33.04, totalWithTax: 248.98 });

    // To the cent, in minor units, in the database.
    const sums = await billing.service.context.pool.query(
      `select sum(amount_without_tax_minor)::bigint as without_tax, sum(tax_minor)::bigint as tax, sum(amount_with_tax_minor)::bigint as with_tax
         from invoice_lines join invoices using (invoice_id) where invoice_ref = $1`,
      [row?.invoice_ref],
    );
    expect(sums.rows[0]).toEqual({ without_tax: row?.total_without_tax_minor, tax: row?.total_tax_minor, with_tax: row?.total_with_tax_minor });
    expect(invoice.operations).toHaveLength(3);
    expect(invoice.billingContact).toEqual({ firstName: 'Jane', lastName: 'Martin', mail: 'accounts@acme.example', phone: null });
    expect(invoice.mandate).toMatchObject({ mandateRef: `RUM-${contractRef}`, iban: 'FR7630006000011234567890189' });
    expect(invoice.dueDate > invoice.issueDate).toBe(true);
  });

  it('when a month has only refunds of purchases billed in an earlier month, then a credit note names the invoice that billed them, no invoice is issued and the outstanding falls only once', async () => {
    const contractRef = await contract();
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-08-05', [{ unitPriceMinor: 50_000, vatRate: 20 }, { unitPriceMinor: 30_000, vatRate: 0, vat: { vatCategory: 'TRAVEL_AGENT_MARGIN' } }]));
    await runPeriod(billing, '2026-08');
    const [august] = await invoicesOf(billing, contractRef);
    const refund = await submitAccepted(
      billing,
      refundOn(contractRef, '2026-09-02', purchase.orderRef, [{ unitPriceMinor: 20_000, vatRate: 20, label: 'Hotel, 1 night' }, { unitPriceMinor: 30_000, vatRate: 0, vat: { vatCategory: 'TRAVEL_AGENT_MARGIN' }, label: 'Package Rome' }]),
    );
    const outstandingBefore = await outstandingMinorOf(billing, contractRef);
    expect(outstandingBefore).toBe(60_000 + 30_000 - 24_000 - 30_000);

    const run = await runPeriod(billing, '2026-09');
    expect(run.status).toBe('COMPLETED');
    expect((await invoicesOf(billing, contractRef)).map((invoice) => invoice.period)).toEqual(['2026-08']);
    // The run counts the credit note it issued, and the contract it billed with it alone.
    const read = await billing.api.get(`/v1/billing-runs/${run.runId}`).set(await billing.auth(['billing:run']));
    expect(read.body).toMatchObject({ invoicesIssued: 0, creditNotesIssued: 1, contractsBilled: 1, totals: [] });
    const notes = await creditNotesOf(contractRef);
    expect(notes).toEqual([
      {
        credit_note_ref: expect.stringMatching(/^AV-\d{4}-\d{6}$/),
        invoice_ref: august?.invoice_ref,
        invoice_issue_date: await issueDateOf(august?.invoice_ref ?? ''),
        run_id: run.runId,
        issued_by: 'system:billing-run',
        total_without_tax_minor: '50000',
        total_tax_minor: '4000',
        total_with_tax_minor: '54000',
      },
    ]);
    expect(await outstandingMinorOf(billing, contractRef)).toBe(outstandingBefore);
    expect(await creditedRefundsOf(contractRef)).toEqual([{ operation_id: refund.operationId, credit_note_ref: notes[0]?.credit_note_ref }]);
    const refundRead = await billing.api.get(`/v1/operations/${refund.operationId}`).set(await billing.auth(['operations:read']));
    expect(refundRead.body).toMatchObject({ invoiceRef: null, creditNoteRef: notes[0]?.credit_note_ref });
    const purchaseRead = await billing.api.get(`/v1/operations/${purchase.operationId}`).set(await billing.auth(['operations:read']));
    expect(purchaseRead.body).toMatchObject({ invoiceRef: august?.invoice_ref });
    expect(purchaseRead.body).not.toHaveProperty('creditNoteRef');

    const api = await billing.api.get(`/v1/invoices/${august?.invoice_ref}/credit-notes`).set(await billing.auth(['invoices:read']));
    expect(api.body.creditNotes).toEqual([
      expect.objectContaining({
        creditNoteRef: notes[0]?.credit_note_ref,
        invoiceRef: august?.invoice_ref,
        invoiceIssueDate: notes[0]?.invoice_issue_date,
        issuedBy: 'system:billing-run',
        totalWithTax: 540,
        vatBreakdown: [
          { vatRate: 20, base: 200, tax: 40, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
          { vatRate: 0, base: 300, tax: 0, vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D', vatExemptionReason: 'Régime particulier – Agences de voyages' },
        ],
        lines: [
          expect.objectContaining({ lineNumber: 1, description: expect.stringContaining('Hotel, 1 night'), amountWithTax: 240, vatCategoryCode: 'S' }),
          expect.objectContaining({ lineNumber: 2, description: expect.stringContaining('Package Rome'), amountWithTax: 300, tax: 0, vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-D' }),
        ],
      }),
    ]);
    const published = await creditNoteEvents.waitForEvents(contractRef, 1);
    expect(published).toEqual([
      expect.objectContaining({
        contractRef,
        creditNote: expect.objectContaining({ creditNoteRef: notes[0]?.credit_note_ref, invoiceRef: august?.invoice_ref, invoiceIssueDate: notes[0]?.invoice_issue_date, totalWithTaxMinor: 54_000 }),
      }),
    ]);
  });

  it('when refunds of earlier purchases come with purchases, then the credit note is issued and the invoice deducts its credit: only the rest is due and debited, and what is left waits for the next invoice', async () => {
    const contractRef = await contract();
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-04-05', [{ unitPriceMinor: 50_000, vatRate: 20 }]));
    await runPeriod(billing, '2026-04');
    await submitAccepted(billing, refundOn(contractRef, '2026-05-03', purchase.orderRef, [{ unitPriceMinor: 20_000, vatRate: 20 }]));
    const sameMonth = await submitAccepted(billing, purchaseOn(contractRef, '2026-05-04', [{ unitPriceMinor: 10_000, vatRate: 10 }]));
    await submitAccepted(billing, refundOn(contractRef, '2026-05-06', sameMonth.orderRef, [{ unitPriceMinor: 2_000, vatRate: 10 }]));

    const mayRun = await runPeriod(billing, '2026-05');
    const may = await invoiceOfPeriod(contractRef, '2026-05');
    // One invoice and one credit note to one contract, billed once.
    const read = await billing.api.get(`/v1/billing-runs/${mayRun.runId}`).set(await billing.auth(['billing:run']));
    expect(read.body).toMatchObject({ invoicesIssued: 1, creditNotesIssued: 1, contractsBilled: 1 });
    // The refund of May's own purchase stays a negative line; April's refund is on the credit note.
    expect(may.lines.map((line: { operationType: string; amountWithTax: number }) => [line.operationType, line.amountWithTax])).toEqual([
      ['PURCHASE', 110],
      ['REFUND', -22],
    ]);
    expect(may).toMatchObject({ invoiceType: 'INVOICE', totalWithTax: 88, prepaidAmount: 88, amountDue: 0, debitRequired: false });
    expect((await creditNotesOf(contractRef)).map((note) => note.total_with_tax_minor)).toEqual(['24000']);

    await submitAccepted(billing, purchaseOn(contractRef, '2026-06-10', [{ unitPriceMinor: 100_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-06');
    const june = await invoiceOfPeriod(contractRef, '2026-06');
    expect(june).toMatchObject({ totalWithTax: 1_100, prepaidAmount: 240 - 88, amountDue: 1_100 - 152, debitRequired: true });
    const [event] = (await events.waitForEvents(contractRef, 3)).filter((candidate) => candidate.invoice.invoiceRef === june.invoiceRef);
    expect(event?.invoice).toMatchObject({ totalWithTaxMinor: 110_000, prepaidAmountMinor: 15_200, amountDueMinor: 94_800, debitRequired: true });
    // Purchases 600 + 110 + 1 100, refunds 240 + 22: what the contract owes until the April and June invoices are paid.
    expect(await outstandingMinorOf(billing, contractRef)).toBe(60_000 + 11_000 - 2_200 - 24_000 + 110_000);
  });

  it('when billing a contract with refunds of earlier purchases fails half-way, then nothing of it stays; run again, twice at once and once more, its credit note is issued once, numbered without gaps', async () => {
    const contractRef = await contract();
    const purchase = await submitAccepted(billing, purchaseOn(contractRef, '2026-01-05', [{ unitPriceMinor: 10_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-01');
    const refund = await submitAccepted(billing, refundOn(contractRef, '2026-02-03', purchase.orderRef, [{ unitPriceMinor: 10_000, vatRate: 10 }]));
    await submitAccepted(billing, purchaseOn(contractRef, '2026-02-04', [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    const numbersBefore = await creditNoteNumbers();
    const pool = billing.service.context.pool;
    const uninvoiced = async () => (await query<{ operation_id: string }>('select operation_id from uninvoiced_operations where contract_ref = $1', [contractRef])).length;

    // The invoice, written after the credit note in the contract's transaction, fails: the credit note goes with it.
    const trigger = `fail_invoice_${contractRef.replace(/\W/g, '_').toLowerCase()}`;
    await pool.query(`create function ${trigger}() returns trigger language plpgsql as $$ begin if new.contract_ref = '${contractRef}' then raise exception 'disk full'; end if; return new; end $$`);
    await pool.query(`create trigger ${trigger} before insert on invoices for each row execute function ${trigger}()`);
    try {
      const failed = await runPeriod(billing, '2026-02');
      expect(failed.errors).toEqual([expect.objectContaining({ contractRef })]);
    } finally {
      await pool.query(`drop trigger ${trigger} on invoices`);
      await pool.query(`drop function ${trigger}()`);
    }
    expect(await creditNotesOf(contractRef)).toEqual([]);
    expect(await creditNoteNumbers()).toEqual(numbersBefore);
    expect(await uninvoiced()).toBe(2);

    await Promise.all([runPeriod(billing, '2026-02'), runPeriod(billing, '2026-02')]);
    await runPeriod(billing, '2026-02');

    const notes = await creditNotesOf(contractRef);
    expect(notes).toHaveLength(1);
    expect(await creditedRefundsOf(contractRef)).toEqual([{ operation_id: refund.operationId, credit_note_ref: notes[0]?.credit_note_ref }]);
    const numbersAfter = await creditNoteNumbers();
    expect(numbersAfter.slice(numbersBefore.length)).toEqual([(numbersBefore[numbersBefore.length - 1] ?? 0) + 1]);
    expect(await invoiceOfPeriod(contractRef, '2026-02')).toMatchObject({ totalWithTax: 55, prepaidAmount: 55, amountDue: 0 });
    expect(await uninvoiced()).toBe(0);
    expect(await creditNoteEvents.waitForEvents(contractRef, 1)).toHaveLength(1);
  });

  it('when a period is run again, then no invoice is issued twice', async () => {
    const contractRef = await contract();
    await submitAccepted(billing, purchaseOn(contractRef, '2026-07-14', [{ unitPriceMinor: 3_000, vatRate: 10 }]));
    const first = await runPeriod(billing, '2026-07');
    const before = await invoicesOf(billing, contractRef);
    const again = await runPeriod(billing, '2026-07');

    expect(before).toHaveLength(1);
    expect(await invoicesOf(billing, contractRef)).toEqual(before);
    expect(again.status).toBe('COMPLETED');
    const issuedAgain = await billing.service.context.pool.query('select count(*)::int as count from invoices where run_id = $1', [again.runId]);
    expect(issuedAgain.rows[0].count).toBe(0);
    expect(first.runId).not.toBe(again.runId);
  });

  it('when an operation dated in a billed month arrives after its run, then it goes on the next period\'s invoice', async () => {
    const contractRef = await contract();
    await submitAccepted(billing, purchaseOn(contractRef, '2026-06-10', [{ unitPriceMinor: 1_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-06');
    const late = await submitAccepted(billing, purchaseOn(contractRef, '2026-06-28', [{ unitPriceMinor: 2_000, vatRate: 10 }]));

    await runPeriod(billing, '2026-06');
    expect(await invoicesOf(billing, contractRef)).toHaveLength(1);
    expect(await invoiceInvoiceRefOf(late.operationId)).toBeNull();

    await runPeriod(billing, '2026-07');
    const invoices = await invoicesOf(billing, contractRef);
    expect(invoices.map((invoice) => [invoice.period, invoice.total_with_tax_minor])).toEqual([
      ['2026-06', '1100'],
      ['2026-07', '2200'],
    ]);
    expect(await invoiceInvoiceRefOf(late.operationId)).toBe(invoices[1]?.invoice_ref);
  });

  it('when a dry run previews a period, then it shows what would be invoiced and writes nothing', async () => {
    const contractRef = await contract();
    await submitAccepted(billing, purchaseOn(contractRef, '2026-05-05', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, purchaseOn(contractRef, '2026-05-06', [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    const counts = async () =>
      (
        await billing.service.context.pool.query(
          `select (select count(*) from invoices)::int as invoices, (select count(*) from billing_runs)::int as runs, (select count(*) from outbox)::int as outbox,
                  (select coalesce(sum(last_number), 0) from invoice_number_counters)::int as numbers,
                  (select count(*) from invoiced_operations)::int as invoiced, (select count(*) from uninvoiced_operations)::int as queued`,
        )
      ).rows[0];
    const before = await counts();

    const response = await billing.api.post('/v1/billing-runs').set(await billing.auth(['billing:run'])).send({ period: '2026-05', dryRun: true });
    expect(response.status).toBe(200);
    const preview = response.body.contracts.find((entry: { contractRef: string }) => entry.contractRef === contractRef);
    expect(preview).toEqual({
      contractRef,
      invoiceType: 'INVOICE',
      currencyCode: 'EUR',
      operationCount: 2,
      lineCount: 2,
      totalWithoutTax: 150,
      totalTax: 25,
      totalWithTax: 175,
      vatBreakdown: [
        { vatRate: 10, base: 50, tax: 5, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
        { vatRate: 20, base: 100, tax: 20, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      ],
    });
    expect(await counts()).toEqual(before);
    expect(await invoicesOf(billing, contractRef)).toEqual([]);
  });

  it('when invoices are issued, then each has exactly one billing.invoice-issued.v1 event, decodable with the registered schema, saying what the invoice says', async () => {
    let total = 0;
    for (const contractRef of billedContracts) {
      const invoices = await invoicesOf(billing, contractRef);
      total += invoices.length;
      const published = await events.waitForEvents(contractRef, invoices.length);
      expect(published.map((event) => event.invoice.invoiceRef)).toEqual(invoices.map((invoice) => invoice.invoice_ref));
      for (const [index, event] of published.entries()) {
        const invoice = invoices[index];
        expect(event).toMatchObject({
          contractRef,
          invoice: {
            contractRef,
            period: invoice?.period,
            invoiceType: invoice?.invoice_type,
            totalWithoutTaxMinor: Number(invoice?.total_without_tax_minor),
            totalTaxMinor: Number(invoice?.total_tax_minor),
            totalWithTaxMinor: Number(invoice?.total_with_tax_minor),
            debitRequired: invoice?.debit_required,
            billingContact: { email: 'accounts@acme.example' },
            mandate: { mandateRef: `RUM-${contractRef}` },
          },
        });
        // Due 30 days after issue (the default), collected on that day or the next TARGET2 business day.
        expect(event.invoice.dueDate).toBe(addDays(event.invoice.issueDate, 30));
        expect(event.invoice.collectionDate).toBe(onOrAfterTarget2BusinessDay(event.invoice.dueDate));
        const lines = event.invoice.lines;
        expect(lines.reduce((sum, line) => sum + line.amountWithTaxMinor, 0)).toBe(event.invoice.totalWithTaxMinor);
        expect(event.invoice.vatBreakdown.reduce((sum, subtotal) => sum + subtotal.baseMinor + subtotal.taxMinor, 0)).toBe(event.invoice.totalWithTaxMinor);
      }
    }
    expect(total).toBeGreaterThan(billedContracts.length / 2);
    // One outbox row per invoice of the database, every one published once.
    const outbox = async () =>
      (
        await billing.service.context.pool.query(
          "select count(*)::int as rows, count(published_at)::int as published, (select count(*) from invoices)::int as invoices from outbox where topic = 'billing.invoice-issued.v1'",
        )
      ).rows[0] as { rows: number; published: number; invoices: number };
    await waitFor(async () => (await outbox()).published === (await outbox()).rows, { description: 'every invoice event published' });
    const { rows, published, invoices } = await outbox();
    expect([rows, published]).toEqual([invoices, invoices]);
  });
});
