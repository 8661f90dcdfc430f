import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMigrations } from '@boissipay/runtime';
import { createScratchDatabase, type ScratchDatabase } from '@boissipay/runtime/testing';
import * as schema from '../src/infra/schema';
import { testEnvironment } from './support/test-environment';

const migrationsFolder = path.resolve(__dirname, '..', 'drizzle');
/** The last migration of the schema where operations carried their invoice_id / invoice_ref. */
const LAST_MIGRATION_WITH_INVOICE_ON_OPERATIONS = '0003_invoice-payment-and-delivery';

/** A copy of the migrations that stops at `lastTag`: the schema as an earlier release left it. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'billing-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return folder;
}

const operationColumns = `operation_id, type, status, contract_ref, order_ref, operation_at, currency, total_without_tax_minor, total_tax_minor,
                          total_with_tax_minor, request, request_hash, response_status, response_body, submitted_by, decided_at`;
const operationValues = (status: 'ACCEPTED' | 'REJECTED') => `'${status}', 'CTR-2026-000001', $2, '2026-10-05', 'EUR', 1000, 200, 1200, '{}', 'h', 201, '{}', 'test', now()`;

describe('migrating operations that carried their invoice to the invoicing tables', () => {
  let scratch: ScratchDatabase<typeof schema>;
  let olderMigrations: string;

  beforeAll(async () => {
    olderMigrations = await migrationsUpTo(LAST_MIGRATION_WITH_INVOICE_ON_OPERATIONS);
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, migrationsFolder: olderMigrations, schema, prefix: 'billing_migration' });
  });

  afterAll(async () => {
    await scratch?.drop();
    if (olderMigrations) await rm(olderMigrations, { recursive: true, force: true });
  });

  it('when the database holds invoiced, uninvoiced and rejected operations, then after migrating each is where it belongs and nothing is lost', async () => {
    const { pool } = scratch;
    const run = '9a4f4f0e-0000-4000-8000-000000000001';
    const invoice = '9a4f4f0e-0000-4000-8000-000000000002';
    const [invoiced, uninvoiced, rejected] = ['9a4f4f0e-0000-4000-8000-0000000000a1', '9a4f4f0e-0000-4000-8000-0000000000a2', '9a4f4f0e-0000-4000-8000-0000000000a3'];
    await pool.query(`insert into billing_runs (run_id, period, status, trigger, requested_by, started_at) values ($1, '2026-09', 'COMPLETED', 'API', 'test', now())`, [run]);
    await pool.query(
      `insert into invoices (invoice_id, invoice_ref, invoice_type, payment_status, contract_ref, contract_id, period, run_id, issue_date, due_date, currency,
                             total_without_tax_minor, total_tax_minor, total_with_tax_minor, vat_breakdown, debit_required, customer, billing_contact,
                             billing_address, issued_event_id, issued_at)
       values ($1, 'BIL-2026-000001', 'INVOICE', 'PENDING', 'CTR-2026-000001', 'c-1', '2026-09', $2, '2026-10-01', '2026-10-31', 'EUR', 1000, 200, 1200, '[]', true,
               '{}', '{}', '{}', gen_random_uuid(), now())`,
      [invoice, run],
    );
    await pool.query(`insert into operations (${operationColumns}, invoice_id, invoice_ref) values ($1, 'PURCHASE', ${operationValues('ACCEPTED')}, $3, 'BIL-2026-000001')`, [
      invoiced,
      'ORD-1',
      invoice,
    ]);
    await pool.query(`insert into operations (${operationColumns}) values ($1, 'PURCHASE', ${operationValues('ACCEPTED')})`, [uninvoiced, 'ORD-2']);
    await pool.query(`insert into operations (${operationColumns}) values ($1, 'PURCHASE', ${operationValues('REJECTED')})`, [rejected, 'ORD-3']);

    await runMigrations(scratch.db, migrationsFolder);

    const queued = await pool.query('select contract_ref, operation_at::text, operation_id from uninvoiced_operations');
    expect(queued.rows).toEqual([{ contract_ref: 'CTR-2026-000001', operation_at: '2026-10-05', operation_id: uninvoiced }]);
    const links = await pool.query('select contract_ref, operation_id, invoice_id, invoice_ref from invoiced_operations');
    expect(links.rows).toEqual([{ contract_ref: 'CTR-2026-000001', operation_id: invoiced, invoice_id: invoice, invoice_ref: 'BIL-2026-000001' }]);
    const operations = await pool.query('select count(*)::int as count from operations');
    expect(operations.rows[0].count).toBe(3);
    const leftover = await pool.query(`select column_name from information_schema.columns where table_name = 'operations' and column_name like 'invoice%'`);
    expect(leftover.rows).toEqual([]);
    // An invoice issued before collection dates existed was announced, and is collected, on its due date.
    const dates = await pool.query('select due_date::text, collection_date::text from invoices');
    expect(dates.rows).toEqual([{ due_date: '2026-10-31', collection_date: '2026-10-31' }]);
  });
});
