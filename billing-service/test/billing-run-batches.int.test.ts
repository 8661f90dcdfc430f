import { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import {
  invoiceNumbersOf,
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
 * Several contracts billed per transaction (app/bill-contracts.ts): what each contract gets is
 * what it would get alone, the batch commits as one transaction (its rows share the
 * transaction id PostgreSQL stamps them with, xmin), and a batch that fails is billed again
 * contract by contract, so only the contract at fault is left out.
 */
describe('billing run: contracts billed by batches', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  let invoiceEvents: InvoiceEventCollector;
  let creditNoteEvents: EventCollector<CreditNoteIssuedEvent>;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    [invoiceEvents, creditNoteEvents] = await Promise.all([startInvoiceEventCollector(), startEventCollector<CreditNoteIssuedEvent>(billingCreditNoteIssuedV1Event.topic)]);
  });
  afterAll(async () => {
    await Promise.all([invoiceEvents?.stop(), creditNoteEvents?.stop()]);
    await publisher?.stop();
    await billing?.stop();
  });

  const query = async <T extends object>(text: string, values: unknown[] = []): Promise<T[]> => (await billing.service.context.pool.query(text, values)).rows as T[];
  /** The transaction that wrote each of the contracts' documents of the run. */
  const transactionsOf = async (runId: string, contractRefs: string[]) =>
    query<{ contract_ref: string; kind: string; tx: string }>(
      `select contract_ref, 'invoice' as kind, xmin::text as tx from invoices where run_id = $1 and contract_ref = any($2)
       union all select contract_ref, 'credit note', xmin::text from credit_notes where run_id = $1 and contract_ref = any($2)`,
      [runId, contractRefs],
    );
  const expectNumbersContiguous = async () => {
    const numbers = await invoiceNumbersOf(billing, year);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
    const creditNotes = (await query<{ ref: string }>('select credit_note_ref as ref from credit_notes order by 1')).map(({ ref }) => Number(ref.slice(-6)));
    expect(creditNotes).toEqual(Array.from({ length: creditNotes.length }, (_, index) => index + 1));
  };

  it('when contracts with purchases, refunds of earlier invoices and credit to deduct are billed in one transaction, then each gets what it would alone, numbered in contract order without gaps', async () => {
    const [plain, refundOnly, refundAndPurchase] = await Promise.all([knownContract(billing, publisher), knownContract(billing, publisher), knownContract(billing, publisher)]);
    const contractRefs = [plain, refundOnly, refundAndPurchase].map(String);
    const earlier = await Promise.all(contractRefs.slice(1).map((contractRef) => submitAccepted(billing, purchaseOn(contractRef, '2026-06-05', [{ unitPriceMinor: 50_000, vatRate: 20 }]))));
    await runPeriod(billing, '2026-06');
    await submitAccepted(billing, purchaseOn(contractRefs[0] ?? '', '2026-07-02', [{ unitPriceMinor: 10_000, vatRate: 10 }, { unitPriceMinor: 5_000, vatRate: 20 }]));
    await submitAccepted(billing, refundOn(contractRefs[1] ?? '', '2026-07-03', earlier[0]?.orderRef ?? '', [{ unitPriceMinor: 20_000, vatRate: 20 }]));
    await submitAccepted(billing, refundOn(contractRefs[2] ?? '', '2026-07-03', earlier[1]?.orderRef ?? '', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, purchaseOn(contractRefs[2] ?? '', '2026-07-04', [{ unitPriceMinor: 30_000, vatRate: 20 }]));

    const run = await runPeriod(billing, '2026-07', { contractsPerTransaction: 50 });
    expect({ status: run.status, errors: run.errors }).toEqual({ status: 'COMPLETED', errors: [] });

    const written = await transactionsOf(run.runId, contractRefs);
    expect(written.map(({ contract_ref, kind }) => [contractRefs.indexOf(contract_ref), kind]).sort()).toEqual([
      [0, 'invoice'],
      [1, 'credit note'],
      [2, 'credit note'],
      [2, 'invoice'],
    ]);
    expect(new Set(written.map(({ tx }) => tx)).size).toBe(1);

    const july = await query<{ contract_ref: string; invoice_ref: string; total_with_tax_minor: string; prepaid_amount_minor: string; amount_due_minor: string; debit_required: boolean }>(
      `select contract_ref, invoice_ref, total_with_tax_minor, prepaid_amount_minor, amount_due_minor, debit_required from invoices
        where period = '2026-07' and contract_ref = any($1) order by contract_ref`,
      [contractRefs],
    );
    const byContract = new Map(july.map((row) => [row.contract_ref, row]));
    expect(byContract.get(contractRefs[0] ?? '')).toMatchObject({ total_with_tax_minor: '17000', prepaid_amount_minor: '0', amount_due_minor: '17000', debit_required: true });
    // The credit note of 120.00 is deducted from the invoice of 360.00.
    expect(byContract.get(contractRefs[2] ?? '')).toMatchObject({ total_with_tax_minor: '36000', prepaid_amount_minor: '12000', amount_due_minor: '24000', debit_required: true });
    expect(byContract.has(contractRefs[1] ?? '')).toBe(false);
    // Numbers in contract order inside the batch.
    const refs = [...july].sort((a, b) => a.contract_ref.localeCompare(b.contract_ref)).map(({ invoice_ref }) => invoice_ref);
    expect(refs).toEqual([...refs].sort());
    await expectNumbersContiguous();

    for (const contractRef of [contractRefs[0], contractRefs[2]]) expect(await invoiceEvents.waitForEvents(contractRef ?? '', contractRef === contractRefs[0] ? 1 : 2)).toBeDefined();
    const credited = await Promise.all(contractRefs.slice(1).map((contractRef) => creditNoteEvents.waitForEvents(contractRef, 1)));
    expect(credited.map(([event]) => event?.creditNote.totalWithTaxMinor)).toEqual([24_000, 12_000]);
    const queued = await query<{ count: number }>('select count(*)::int as count from uninvoiced_operations where contract_ref = any($1)', [contractRefs]);
    expect(queued[0]?.count).toBe(0);
  });

  it('when batches are billed in parallel transactions, then they overlap in time, each is one transaction numbered in contract order, and no contract is billed twice', async () => {
    const contractRefs = (await Promise.all(Array.from({ length: 8 }, () => knownContract(billing, publisher)))).sort();
    await Promise.all(contractRefs.map((contractRef) => submitAccepted(billing, purchaseOn(contractRef, '2026-09-10', [{ unitPriceMinor: 2_000, vatRate: 20 }]))));
    const { pool } = billing.service.context;
    // Each invoice written records its transaction, when that transaction started and when the row was written, after a pause long enough to overlap.
    await pool.query('create table parallel_batches_log (tx bigint, started timestamptz, written timestamptz)');
    await pool.query(`create function log_parallel_batches() returns trigger language plpgsql as $$
                        begin perform pg_sleep(0.2); insert into parallel_batches_log values (txid_current(), transaction_timestamp(), clock_timestamp()); return new; end $$`);
    await pool.query('create trigger log_parallel_batches before insert on invoices for each row execute function log_parallel_batches()');
    let run;
    let log: { tx: string; started: Date; written: Date }[];
    try {
      run = await runPeriod(billing, '2026-09', { contractsPerTransaction: 2, parallelTransactions: 2 });
      log = (await pool.query('select tx::text, started, written from parallel_batches_log')).rows;
    } finally {
      await pool.query('drop trigger log_parallel_batches on invoices');
      await pool.query('drop function log_parallel_batches()');
      await pool.query('drop table parallel_batches_log');
    }
    expect({ status: run.status, errors: run.errors }).toEqual({ status: 'COMPLETED', errors: [] });

    // Two transactions in flight at once: one started before another had written its last invoice.
    const transactions = [...new Set(log.map(({ tx }) => tx))].map((tx) => {
      const rows = log.filter((row) => row.tx === tx);
      return { started: rows[0]?.started.getTime() ?? 0, lastWritten: Math.max(...rows.map(({ written }) => written.getTime())) };
    });
    expect(transactions).toHaveLength(4);
    expect(transactions.some((one) => transactions.some((other) => other !== one && other.started >= one.started && other.started < one.lastWritten))).toBe(true);

    // Each transaction bills two neighbours in contract order, numbered consecutively in that order.
    const written = await query<{ contract_ref: string; invoice_ref: string; tx: string }>(
      'select contract_ref, invoice_ref, xmin::text as tx from invoices where run_id = $1 order by contract_ref',
      [run.runId],
    );
    expect(written.map(({ contract_ref }) => contract_ref)).toEqual(contractRefs);
    for (let pair = 0; pair < 8; pair += 2) {
      const [first, second] = [written[pair], written[pair + 1]];
      expect(first?.tx).toBe(second?.tx);
      expect(Number(second?.invoice_ref.slice(-6))).toBe(Number(first?.invoice_ref.slice(-6)) + 1);
    }
    expect(new Set(written.map(({ tx }) => tx)).size).toBe(4);
    await expectNumbersContiguous();
  });

  it('when one contract makes its batch fail, then the batch is billed contract by contract: the others are billed, that one is the run\'s error and is billed by the next run', async () => {
    const contractRefs = (await Promise.all(Array.from({ length: 4 }, () => knownContract(billing, publisher)))).sort();
    await Promise.all(contractRefs.map((contractRef) => submitAccepted(billing, purchaseOn(contractRef, '2026-08-10', [{ unitPriceMinor: 1_000, vatRate: 20 }]))));
    const faulty = contractRefs[1] ?? '';
    const { pool } = billing.service.context;
    const trigger = `fail_batch_${faulty.replace(/\W/g, '_').toLowerCase()}`;
    await pool.query(`create function ${trigger}() returns trigger language plpgsql as $$ begin if new.contract_ref = '${faulty}' then raise exception 'disk full'; end if; return new; end $$`);
    await pool.query(`create trigger ${trigger} before insert on invoices for each row execute function ${trigger}()`);
    let failed;
    try {
      failed = await runPeriod(billing, '2026-08', { contractsPerTransaction: 50 });
    } finally {
      await pool.query(`drop trigger ${trigger} on invoices`);
      await pool.query(`drop function ${trigger}()`);
    }
    expect(failed.status).toBe('FAILED');
    expect(failed.errors).toEqual([expect.objectContaining({ contractRef: faulty, message: expect.stringMatching(/failed unexpectedly/) })]);
    const billed = await transactionsOf(failed.runId, contractRefs);
    expect(billed.map(({ contract_ref }) => contract_ref).sort()).toEqual(contractRefs.filter((contractRef) => contractRef !== faulty));
    // One by one: a transaction each.
    expect(new Set(billed.map(({ tx }) => tx)).size).toBe(3);
    expect(await invoicesOf(billing, faulty)).toEqual([]);

    const again = await runPeriod(billing, '2026-08');
    expect({ status: again.status, errors: again.errors }).toEqual({ status: 'COMPLETED', errors: [] });
    expect((await invoicesOf(billing, faulty)).map((invoice) => invoice.period)).toEqual(['2026-08']);
    await expectNumbersContiguous();
  });
});
