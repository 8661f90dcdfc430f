/**
 * Cost of a monthly billing run: seeds N contracts × M accepted operations (one product line
 * each, VAT at 5.5, 10 or 20 %, a request and an answer of real size, interleaved across
 * contracts as they arrive in a real month) straight into a scratch billing database with
 * INSERT … SELECT generate_series, then bills the period through the service's own run code
 * (billing-service/src/app/run-billing.ts) and reports invoices per second.
 *
 *   npm run bench -- billing-run [--contracts 1000] [--operations 100] [--period 2026-10] [--ceiling on|off] [--batch 200] [--per-transaction N] [--parallel N] [--keep]
 *
 * --per-transaction: contracts the service's run bills per transaction (its default unless given;
 * 1 bills each contract in a transaction of its own, as the run did before docs/adr/0030).
 * --parallel: transactions the service's run, and the ceiling, keep in flight at once (the run's default unless given; docs/adr/0032).
 *
 * --ceiling (on by default): then the same month is seeded into a second scratch database and
 * billed by scripts/bench-billing-ceiling.ts, the same writes done set-based by PostgreSQL alone,
 * --batch contracts per transaction; the summary prints ours / ceiling.
 *
 * The outbox relay is off: each invoice's billing.invoice-issued.v1 row is written to the
 * outbox in its transaction, as in production, but nothing is published to Kafka, so only
 * PostgreSQL is needed. The scratch databases are dropped afterwards unless --keep.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@boissipay/runtime';
import { createScratchDatabase, type ScratchDatabase } from '@boissipay/runtime/testing';
import type { Pool } from 'pg';
import { DEFAULT_PARALLEL_TRANSACTIONS, startBillingRun, type BillingRunControls } from '../billing-service/src/app/run-billing';
import { addDays, parseBillingPeriod, type BillingPeriod } from '../billing-service/src/domain/billing-period';
import { collectionDateOf } from '../billing-service/src/domain/collection-date';
import { runBillingCeiling } from './bench-billing-ceiling';
import * as schema from '../billing-service/src/infra/schema';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const migrationsFolder = path.resolve(__dirname, '..', 'billing-service', 'drizzle');
/** Contracts seeded per INSERT statement: bounded memory. */
const SEED_CHUNK = 1_000;

/** What an operation stores of its request (and, with a few more fields, of its answer): about 1 kB of JSON. */
const sampleRequest = {
  operationType: 'PURCHASE',
  contact: { firstName: 'Jane', lastName: 'Martin', email: 'jane.martin@bench.example', phone: '+33 1 23 45 67 89' },
  order: {
    orderRef: 'ORD-BENCH',
    operationAt: '2026-10-15',
    currencyCode: 'EUR',
    totalWithoutTax: '10.00',
    totalTax: '2.00',
    totalWithTax: '12.00',
    lines: [
      {
        orderItemNo: 1,
        productRef: 'SNCF-TGV-2ND',
        productLabel: 'Paris – Lyon, 2nd class, flexible fare',
        quantity: 1,
        unitPriceWithoutTax: '10.00',
        vatRate: '20',
        amountWithoutTax: '10.00',
        amountTax: '2.00',
        amountWithTax: '12.00',
        travel: { travellerName: 'Jane Martin', bookingRef: 'PNR7XK2QD', costCentre: 'SALES-EMEA-042', departure: 'Paris Gare de Lyon', arrival: 'Lyon Part-Dieu' },
      },
    ],
  },
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Month {
  contracts: number;
  operationsEach: number;
  period: BillingPeriod;
}

interface Billed {
  invoices: number;
  lines: number;
  runMs: number;
  walBytes: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contracts: { type: 'string', default: '1000' },
      operations: { type: 'string', default: '100' },
      period: { type: 'string', default: '2026-10' },
      ceiling: { type: 'string', default: 'on' },
      batch: { type: 'string', default: '200' },
      'per-transaction': { type: 'string' },
      parallel: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const contracts = Number(values.contracts);
  const operationsEach = Number(values.operations);
  const batchSize = Number(values.batch);
  const perTransaction = values['per-transaction'] === undefined ? undefined : Number(values['per-transaction']);
  const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
  const period = parseBillingPeriod(values.period);
  if (!Number.isInteger(contracts) || contracts < 1 || !Number.isInteger(operationsEach) || operationsEach < 1 || !period || !(batchSize >= 1) || !(perTransaction === undefined || perTransaction >= 1) || !(parallel === undefined || parallel >= 1)) {
    throw new Error('usage: billing-run [--contracts N] [--operations M] [--period YYYY-MM] [--ceiling on|off] [--batch N] [--per-transaction N] [--parallel N] [--keep]');
  }
  if (values.ceiling !== 'on' && values.ceiling !== 'off') throw new Error(`--ceiling ${values.ceiling}: on or off`);
  const month: Month = { contracts, operationsEach, period };

  const ours = await withScratch(values.keep, async (scratch) => {
    console.log(`billing run — ${contracts} contracts × ${operationsEach} operations = ${contracts * operationsEach} operations, period ${period.id}, database ${scratch.name}`);
    await seed(scratch.pool, month);
    return billWithTheService(scratch, month, { contractsPerTransaction: perTransaction, parallelTransactions: parallel });
  });
  if (values.ceiling === 'off') return;
  const ceiling = await withScratch(values.keep, async (scratch) => {
    console.log(`ceiling: the same writes set-based (scripts/bench-billing-ceiling.ts), ${batchSize} contracts per transaction, ${parallel ?? DEFAULT_PARALLEL_TRANSACTIONS} at once, database ${scratch.name}`);
    await seed(scratch.pool, month);
    return billSetBased(scratch.pool, month, batchSize, parallel ?? DEFAULT_PARALLEL_TRANSACTIONS);
  });
  console.log(`ours / ceiling: ${(ours.invoices / (ours.runMs / 1000)).toFixed(0)} / ${(ceiling.invoices / (ceiling.runMs / 1000)).toFixed(0)} invoices/s, ` +
    `${(ours.lines / (ours.runMs / 1000)).toFixed(0)} / ${(ceiling.lines / (ceiling.runMs / 1000)).toFixed(0)} operations/s, ratio ${(ceiling.runMs / ours.runMs).toFixed(2)}`);
}

async function withScratch<T>(keep: boolean, work: (scratch: ScratchDatabase<typeof schema>) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase({ adminUrl, migrationsFolder, schema, prefix: 'billing_bench' });
  try {
    return await work(scratch);
  } finally {
    if (keep) {
      await scratch.pool.end();
      console.log(`  kept database ${scratch.name}`);
    } else {
      await scratch.drop();
    }
  }
}

/** A month of operations seeded straight into the tables, as described at the top. */
async function seed(pool: Pool, { contracts, operationsEach, period }: Month): Promise<void> {
  const days = Number(period.lastDay.slice(8));
  const seeding = performance.now();
  for (let first = 1; first <= contracts; first += SEED_CHUNK) {
    const last = Math.min(contracts, first + SEED_CHUNK - 1);
    await pool.query(
      `insert into contracts (contract_ref, contract_id, product_ref, contract_type, status, created_on, signed_on, activated_at, expire_at,
                              mandate_ref, mandate_status, mandate_signed_at, mandate_iban, limit_minor, limit_currency, subscriber,
                              billing_contact, billing_address, version, last_event_id, last_event_type, last_event_at)
       select 'CTR-BENCH-' || lpad(i::text, 7, '0'), gen_random_uuid()::text, 'DEFERRED-BILLING', 'CORPORATE', 'ACTIVE', '2025-01-01', '2025-01-01', '2025-01-01', '2030-12-31',
              'RUM-BENCH-' || i, 'ACTIVE', '2025-01-01', 'FR7630006000011234567890189', 1000000000000, 'EUR',
              jsonb_build_object('subscriberRef', 'Works council ' || i, 'subscriberType', 'PROFESSIONNAL', 'customerId', null, 'customerRef', 'HA-' || i, 'siren', '552100554', 'vatNumber', null),
              jsonb_build_object('firstName', 'Jane', 'lastName', 'Martin', 'email', 'accounts-' || i || '@bench.example', 'phone', null),
              jsonb_build_object('line1', 'ACME ' || i, 'line2', '', 'line3', '', 'line4', '1 rue de la Paix', 'line5', '', 'line6', '75002 PARIS', 'country', 'FR'),
              1, gen_random_uuid(), 'ACTIVATED', now()
         from generate_series($1::int, $2::int) i`,
      [first, last],
    );
    await pool.query(
      `insert into balances (contract_ref, currency, outstanding_minor)
       select 'CTR-BENCH-' || lpad(i::text, 7, '0'), 'EUR', 0 from generate_series($1::int, $2::int) i`,
      [first, last],
    );
  }
  // Operations arrive day by day from every contract, as in a real month: the j-th operation of every contract, then the
  // next, so one contract's operations are spread over the whole table as in production. One line each: base 10.00 + j
  // cents, the rate by j, the tax rounded half away from zero; the request and answer kept as large as real ones.
  for (let j = 1; j <= operationsEach; j += 1) {
    await pool.query(
      `with priced as (
         select 'CTR-BENCH-' || lpad(i::text, 7, '0') as contract_ref, gen_random_uuid() as operation_id,
                (1000 + $3::int)::bigint as base, (array[550, 1000, 2000])[1 + $3::int % 3] as bp, round((1000 + $3::int) * (array[550, 1000, 2000])[1 + $3::int % 3] / 10000.0)::bigint as tax
           from generate_series(1, $1::int) i
       ), inserted as (
         insert into operations (operation_id, type, status, contract_ref, order_ref, operation_at, currency, total_without_tax_minor, total_tax_minor,
                                 total_with_tax_minor, request, request_hash, response_status, response_body, submitted_by, decided_at)
         select operation_id, 'PURCHASE', 'ACCEPTED', contract_ref, 'ORD-' || contract_ref || '-' || $3::int, $2::date + ($3::int % $4::int), 'EUR', base, tax,
                base + tax, $5::jsonb || jsonb_build_object('contractRef', contract_ref), md5(operation_id::text), 201,
                $5::jsonb || jsonb_build_object('operationId', operation_id, 'status', 'ACCEPTED', 'contractRef', contract_ref), 'bench', now()
           from priced
         returning operation_id, contract_ref, operation_at
       ), queued as (
         insert into uninvoiced_operations (contract_ref, operation_at, operation_id) select contract_ref, operation_at, operation_id from inserted
       )
       insert into operation_lines (operation_id, line_no, order_item_no, product_label, quantity, unit_price_minor, vat_rate_basis_points,
                                    amount_without_tax_minor, amount_tax_minor, amount_with_tax_minor, traveller_name, booking_ref)
       select p.operation_id, 1, 1, 'Paris – Lyon, 2nd class', 1, p.base, p.bp, p.base, p.tax, p.base + p.tax, 'Jane Martin', 'PNR' || $3::int
         from priced p join inserted using (operation_id)`,
      [contracts, period.firstDay, j, days, JSON.stringify(sampleRequest)],
    );
    if (j % Math.ceil(operationsEach / 10) === 0) console.log(`  seeded operation ${j}/${operationsEach} of every contract (${seconds(performance.now() - seeding)})`);
  }
  // As autovacuum leaves a month of operations by its last day (visibility map set, hint bits written): without it, the
  // run pays for the seeding's clean-up, and autovacuum works through the fresh tables while the run is measured.
  await pool.query('vacuum (analyze)');
  const seedMs = performance.now() - seeding;
  console.log(`  seeded ${contracts} contracts, ${contracts * operationsEach} operations in ${seconds(seedMs)}`);

}

/** Bills the period through the service's own run code. */
async function billWithTheService(scratch: ScratchDatabase<typeof schema>, { contracts, operationsEach, period }: Month, controls: BillingRunControls): Promise<Billed> {
  const { pool } = scratch;
  const logger = createLogger({ service: 'billing-bench', level: process.env.LOG_LEVEL ?? 'warn' });
  const deps = { db: scratch.db, pool, clock: () => new Date(), newId: randomUUID, timeZone: 'Europe/Paris', paymentTermDays: 30, prenotificationDays: 14, logger };
  const walBefore = await walAt(pool);
  const running = performance.now();
  const started = await startBillingRun(deps, { period, trigger: 'API', requestedBy: 'bench' }, controls);
  // Progress every 10 s, and the rate over the last interval: a rate that keeps falling would betray a cost growing faster than the data.
  let lastCount = 0;
  let lastAt = running;
  const progress = setInterval(() => {
    void pool.query('select count(*)::int as count from invoices').then(({ rows }) => {
      const now = performance.now();
      const count: number = rows[0].count;
      console.log(`  ${seconds(now - running).padStart(9)}  ${String(count).padStart(7)} invoices  ${((count - lastCount) / ((now - lastAt) / 1000)).toFixed(0)} invoices/s`);
      [lastCount, lastAt] = [count, now];
    });
  }, 10_000);
  const run = await started.finished.finally(() => clearInterval(progress));
  const runMs = performance.now() - running;
  const walBytes = await walSince(pool, walBefore);
  console.log(`  run        ${run.status} in ${seconds(runMs)} (contracts considered ${run.contractsConsidered}, errors ${run.errors.length})`);
  const { invoices, lines } = await checkBilledOnce(pool, { contracts, operationsEach, period }, run.status);
  printRates({ invoices, lines, runMs, walBytes });
  return { invoices, lines, runMs, walBytes };
}

/** Bills the period with the set-based ceiling, checked the same way. */
async function billSetBased(pool: Pool, month: Month, batchSize: number, parallel: number): Promise<Billed> {
  const issueDate = new Date().toISOString().slice(0, 10);
  const dueDate = addDays(issueDate, 30);
  const walBefore = await walAt(pool);
  const running = performance.now();
  await runBillingCeiling(pool, { period: month.period, batchSize, parallel, issueDate, dueDate, collectionDate: collectionDateOf({ issueDate, dueDate }, 14) });
  const runMs = performance.now() - running;
  const walBytes = await walSince(pool, walBefore);
  console.log(`  run        set-based in ${seconds(runMs)}`);
  const { invoices, lines } = await checkBilledOnce(pool, month, 'COMPLETED');
  printRates({ invoices, lines, runMs, walBytes });
  return { invoices, lines, runMs, walBytes };
}

// WAL written by the whole server during the run: on a quiet server, what the run wrote (pages rewritten, indexes touched).
const walAt = async (pool: Pool): Promise<string> => (await pool.query('select pg_current_wal_lsn()::text as lsn')).rows[0].lsn;
const walSince = async (pool: Pool, before: string): Promise<number> =>
  Number((await pool.query('select pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint as bytes', [before])).rows[0].bytes);

/** What the run wrote, and a failure unless every contract was billed exactly once, numbered 1..N. */
async function checkBilledOnce(pool: Pool, { contracts, operationsEach }: Month, status: string): Promise<{ invoices: number; lines: number }> {
  const check = await pool.query(
    `select (select count(*) from invoices)::int as invoices, (select count(*) from invoice_lines)::int as lines,
            (select count(*) from uninvoiced_operations)::int as uninvoiced, (select count(*) from invoiced_operations)::int as invoiced, (select count(*) from outbox)::int as outbox,
            (select max(last_number) from invoice_number_counters)::int as last_number`,
  );
  const { invoices, lines, uninvoiced, invoiced, outbox, last_number: lastNumber } = check.rows[0];
  console.log(`  issued     ${invoices} invoices, ${lines} lines, ${outbox} outbox events; ${uninvoiced} operations left uninvoiced; last number ${lastNumber}`);
  if (status !== 'COMPLETED' || invoices !== contracts || lines !== contracts * operationsEach || uninvoiced !== 0 || invoiced !== contracts * operationsEach || lastNumber !== contracts || outbox !== contracts) {
    throw new Error('the run did not bill every contract exactly once');
  }
  return { invoices, lines };
}

function printRates({ invoices, lines, runMs, walBytes }: Billed): void {
  console.log(`  throughput ${(invoices / (runMs / 1000)).toFixed(0)} invoices/s, ${(lines / (runMs / 1000)).toFixed(0)} lines/s`);
  console.log(`  WAL        ${(walBytes / 1024 / 1024).toFixed(0)} MB, ${(walBytes / 1024 / invoices).toFixed(0)} kB per invoice`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
