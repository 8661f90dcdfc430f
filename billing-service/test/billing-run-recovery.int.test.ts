import { randomUUID } from 'node:crypto';
import { waitFor } from '@boissipay/runtime/testing';
import { startBillingRun } from '../src/app/run-billing';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { invoiceNumbersOf, invoicesOf, knownContract, period, purchaseOn, runPeriod, submitAccepted } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';

/** What kills a run half-way, as a SIGKILL would its process. */
class SimulatedCrash extends Error {
  constructor(contracts: number) {
    super(`simulated crash after ${contracts} contract(s)`);
    this.name = 'SimulatedCrash';
  }
}

/**
 * A run of `id` that dies once it has billed `contracts` contracts: no finishing touch, its row left RUNNING, its lock released.
 * Its transactions bill `contracts` contracts each, one at a time unless `parallelTransactions` says otherwise, so that the
 * crash falls between two committed batches.
 */
function startRunCrashingAfter(billing: BillingUnderTest, id: string, contracts: number, parallelTransactions = 1) {
  const afterContract = ({ billed }: { billed: number }) => {
    if (billed >= contracts) throw new SimulatedCrash(billed);
  };
  return startBillingRun(
    { ...billing.service.parts.runDependencies, afterContract },
    { period: period(id), trigger: 'API', requestedBy: 'billing-test' },
    { contractsPerTransaction: contracts, parallelTransactions },
  );
}

/**
 * Crashes and races. Invoice numbers are checked over the whole database: whatever happened,
 * the numbers of a year are exactly 1…N.
 */
describe('billing run: crash-safe, concurrent, numbered without gaps', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  /** `count` contracts, each with `operations` purchases dated in `month` (YYYY-MM). */
  async function contractsWithOperations(count: number, month: string, operations = 3): Promise<string[]> {
    const contractRefs = await Promise.all(Array.from({ length: count }, () => knownContract(billing, publisher)));
    await Promise.all(
      contractRefs.flatMap((contractRef) =>
        Array.from({ length: operations }, (_, index) => submitAccepted(billing, purchaseOn(contractRef, `${month}-${String(10 + index)}`, [{ unitPriceMinor: 1_000 * (index + 1), vatRate: 20 }]))),
      ),
    );
    return contractRefs;
  }

  async function expectBilledExactlyOnce(contractRefs: string[], period: string, operationsEach: number): Promise<void> {
    for (const contractRef of contractRefs) {
      const invoices = await invoicesOf(billing, contractRef);
      expect(invoices.map((invoice) => invoice.period)).toEqual([period]);
    }
    const operations = await billing.service.context.pool.query(
      `select count(*)::int as operations, count(io.invoice_id)::int as invoiced, count(distinct io.invoice_id)::int as invoices,
              (select count(*) from invoice_lines l join invoices i using (invoice_id) where i.contract_ref = any($1))::int as lines,
              (select count(*) from uninvoiced_operations u where u.contract_ref = any($1))::int as queued
         from operations o left join invoiced_operations io using (contract_ref, operation_id)
        where o.contract_ref = any($1) and o.status = 'ACCEPTED'`,
      [contractRefs],
    );
    const total = contractRefs.length * operationsEach;
    expect(operations.rows[0]).toEqual({ operations: total, invoiced: total, invoices: contractRefs.length, lines: total, queued: 0 });
  }

  async function expectNumbersContiguous(): Promise<void> {
    const numbers = await invoiceNumbersOf(billing, year);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
  }

  it('when a run dies after 2 of 5 contracts and the period is run again, then every contract is billed exactly once and numbers stay contiguous', async () => {
    const contractRefs = await contractsWithOperations(5, '2026-05');

    const crashed = await startRunCrashingAfter(billing, '2026-05', 2);
    await expect(crashed.finished).rejects.toBeInstanceOf(SimulatedCrash);
    const billedBeforeCrash = (await Promise.all(contractRefs.map((contractRef) => invoicesOf(billing, contractRef)))).flat();
    expect(billedBeforeCrash).toHaveLength(2);
    const left = await billing.service.context.pool.query('select status, finished_at from billing_runs where run_id = $1', [crashed.run.runId]);
    expect(left.rows[0]).toEqual({ status: 'RUNNING', finished_at: null });

    const resumed = await runPeriod(billing, '2026-05');
    expect(resumed.status).toBe('COMPLETED');
    const issuedByResume = await billing.service.context.pool.query('select count(*)::int as count from invoices where run_id = $1', [resumed.runId]);
    expect(issuedByResume.rows[0].count).toBe(3);
    await expectBilledExactlyOnce(contractRefs, '2026-05', 3);
    await expectNumbersContiguous();

    // The crashed run is no longer shown as running: nobody holds its lock any more.
    const crashedNow = await billing.api.get(`/v1/billing-runs/${crashed.run.runId}`).set(await billing.auth(['billing:run']));
    expect(crashedNow.body).toMatchObject({ status: 'FAILED', invoicesIssued: 2, contractsBilled: 2 });
    expect(crashedNow.body.errors[0].message).toMatch(/stopped before it finished/);
  });

  it('when a run billing two transactions at once dies after its first batch and the period is run again, then every contract is billed exactly once and numbers stay contiguous', async () => {
    const contractRefs = await contractsWithOperations(6, '2025-11');

    const crashed = await startRunCrashingAfter(billing, '2025-11', 2, 2);
    await expect(crashed.finished).rejects.toBeInstanceOf(SimulatedCrash);
    // The batch in flight beside the one that crashed may have committed too: whole batches only.
    const billedBeforeCrash = (await Promise.all(contractRefs.map((contractRef) => invoicesOf(billing, contractRef)))).flat();
    expect([2, 4]).toContain(billedBeforeCrash.length);

    const resumed = await runPeriod(billing, '2025-11');
    expect(resumed.status).toBe('COMPLETED');
    const issuedByResume = await billing.service.context.pool.query('select count(*)::int as count from invoices where run_id = $1', [resumed.runId]);
    expect(issuedByResume.rows[0].count).toBe(6 - billedBeforeCrash.length);
    await expectBilledExactlyOnce(contractRefs, '2025-11', 3);
    await expectNumbersContiguous();
  });

  it('when a run dies half-way and billing restarts, then the run is FAILED and the rest of its period is billed once, numbers gapless', async () => {
    // Not the month just ended: recovery resumes any period.
    const contractRefs = await contractsWithOperations(5, '2026-02');
    const crashed = await startRunCrashingAfter(billing, '2026-02', 2);
    await expect(crashed.finished).rejects.toBeInstanceOf(SimulatedCrash);

    await billing.restart();

    const runsOfPeriod = async () =>
      (await billing.service.context.pool.query('select run_id, status, requested_by from billing_runs where period = $1 order by started_at', ['2026-02'])).rows;
    await waitFor(async () => (await runsOfPeriod()).some((run) => run.requested_by === 'start-up recovery' && run.status === 'COMPLETED'), {
      timeoutMs: 30_000,
      description: 'the period of the crashed run to be run again at start-up',
    });
    const runs = await runsOfPeriod();
    expect(runs.map(({ status, requested_by }) => ({ status, requested_by }))).toEqual([
      { status: 'FAILED', requested_by: 'billing-test' },
      { status: 'COMPLETED', requested_by: 'start-up recovery' },
    ]);
    const crashedNow = await billing.api.get(`/v1/billing-runs/${crashed.run.runId}`).set(await billing.auth(['billing:run']));
    expect(crashedNow.body).toMatchObject({ status: 'FAILED', invoicesIssued: 2, contractsBilled: 2 });
    expect(crashedNow.body.errors[0].message).toMatch(/stopped before it finished/);
    const resumed = await billing.service.context.pool.query('select count(*)::int as count from invoices where run_id = $1', [runs[1]?.run_id]);
    expect(resumed.rows[0].count).toBe(3);
    await expectBilledExactlyOnce(contractRefs, '2026-02', 3);
    await expectNumbersContiguous();
  });

  it('when three runs of one period race, then each contract is billed once and the numbers are unique and gapless', async () => {
    const contractRefs = await contractsWithOperations(12, '2026-04', 2);

    const runs = await Promise.all([runPeriod(billing, '2026-04', { batchSize: 5 }), runPeriod(billing, '2026-04', { batchSize: 5 }), runPeriod(billing, '2026-04')]);
    expect(runs.map((run) => run.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const issued = await billing.service.context.pool.query('select count(*)::int as count from invoices where run_id = any($1)', [runs.map((run) => run.runId)]);
    expect(issued.rows[0].count).toBe(12);
    await expectBilledExactlyOnce(contractRefs, '2026-04', 2);
    await expectNumbersContiguous();
  });

  it('when purchases keep arriving while runs race, then each operation is on one invoice or none, and later ones wait for the next period', async () => {
    const contractRefs = await contractsWithOperations(6, '2026-03', 1);
    const arriving = Promise.all(
      contractRefs.map((contractRef) => submitAccepted(billing, purchaseOn(contractRef, '2026-03-20', [{ unitPriceMinor: 700, vatRate: 10 }]))),
    );
    const [runs] = await Promise.all([Promise.all([runPeriod(billing, '2026-03'), runPeriod(billing, '2026-03')]), arriving]);
    expect(runs.map((run) => run.status)).toEqual(['COMPLETED', 'COMPLETED']);
    // Whatever the interleaving: no operation twice, every invoice adds up, and what missed the run goes next month.
    await runPeriod(billing, '2026-04');
    const check = await billing.service.context.pool.query(
      `select o.contract_ref, count(*)::int as operations, count(io.invoice_id)::int as invoiced,
              (select count(*) from invoice_lines l join invoices i using (invoice_id) where i.contract_ref = o.contract_ref)::int as lines,
              (select bool_and(i.total_with_tax_minor = (select sum(amount_with_tax_minor) from invoice_lines l where l.invoice_id = i.invoice_id)) from invoices i where i.contract_ref = o.contract_ref) as adds_up
         from operations o left join invoiced_operations io using (contract_ref, operation_id) where o.contract_ref = any($1) group by o.contract_ref`,
      [contractRefs],
    );
    for (const row of check.rows) expect(row).toMatchObject({ operations: 2, invoiced: 2, lines: 2, adds_up: true });
    await expectNumbersContiguous();
  });
  it('when a run waits for the contract while another run\'s invoice for the period commits, then it sees that invoice and moves on without an error', async () => {
    const contractRef = await knownContract(billing, publisher);
    await submitAccepted(billing, purchaseOn(contractRef, '2025-09-10', [{ unitPriceMinor: 5_000, vatRate: 20 }]));
    const { pool } = billing.service.context;
    // Another run, played by hand: it holds the contract, then commits its invoice of the period while ours waits.
    const other = await pool.connect();
    try {
      await other.query('begin');
      await other.query('select 1 from balances where contract_ref = $1 for update', [contractRef]);
      const otherRun = randomUUID();
      await other.query(`insert into billing_runs (run_id, period, status, trigger, requested_by, started_at) values ($1, '2025-09', 'COMPLETED', 'API', 'other', now())`, [otherRun]);
      await other.query(
        `insert into invoices (invoice_id, invoice_ref, invoice_type, payment_status, contract_ref, contract_id, period, run_id, issue_date, due_date, collection_date, currency,
                               total_without_tax_minor, total_tax_minor, total_with_tax_minor, amount_due_minor, vat_breakdown, debit_required, customer, billing_contact,
                               billing_address, issued_event_id, issued_at)
         values (gen_random_uuid(), $1, 'INVOICE', 'PENDING', $2, 'c', '2025-09', $3, '2025-10-01', '2025-10-31', '2025-10-31', 'EUR', 100, 20, 120, 120, '[]', true, '{}', '{}', '{}',
                 gen_random_uuid(), now())`,
        [`BIL-1999-${randomUUID().slice(0, 6)}`, contractRef, otherRun],
      );
      const ours = runPeriod(billing, '2025-09');
      await waitFor(
        async () => (await pool.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rowCount,
        { description: 'the run to wait for the contract' },
      );
      await other.query('commit');

      const run = await ours;
      expect({ status: run.status, errors: run.errors }).toEqual({ status: 'COMPLETED', errors: [] });
    } finally {
      other.release();
    }
    expect((await invoicesOf(billing, contractRef)).map((invoice) => invoice.period)).toEqual(['2025-09']);
  });
});
