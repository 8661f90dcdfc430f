import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '@boissipay/runtime/testing';
import type { DatabaseError } from 'pg';
import * as schema from '../src/infra/schema';
import { testEnvironment } from './support/test-environment';

const migrationsFolder = path.resolve(__dirname, '..', 'drizzle');

const RUN = '7c1d2e3f-0000-4000-8000-000000000001';
const INVOICE = '7c1d2e3f-0000-4000-8000-000000000002';
const UNKNOWN_INVOICE = '7c1d2e3f-0000-4000-8000-0000000000ff';

const lineColumns = `invoice_id, line_no, operation_id, operation_line_no, operation_type, order_ref, operation_date, description, quantity,
                     unit_price_without_tax_minor, amount_without_tax_minor, vat_rate_basis_points, tax_minor, amount_with_tax_minor`;
/** A line of invoice `$1` numbered `$2`. */
const lineValues = (invoiceParam: string, lineNoParam: string) =>
  `(${invoiceParam}, ${lineNoParam}, gen_random_uuid(), 1, 'PURCHASE', 'ORD-1', '2026-10-05', 'Paris – Lyon', 1, 1000, 1000, 2000, 200, 1200)`;

/** What PostgreSQL answered, or undefined when the statement succeeded. */
async function failureOf(statement: Promise<unknown>): Promise<Pick<DatabaseError, 'code' | 'message'> | undefined> {
  try {
    await statement;
    return undefined;
  } catch (error) {
    const { code, message } = error as DatabaseError;
    return { code, message };
  }
}

// Lines and operation links refer to their invoice through a per-statement check instead of a foreign key (drizzle/0015, docs/adr/0031).
describe('references of invoice lines and invoiced operations to their invoice', () => {
  let scratch: ScratchDatabase<typeof schema>;
  const count = async (table: string) => (await scratch.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, migrationsFolder, schema, prefix: 'billing_invoice_refs' });
    await scratch.pool.query(`insert into billing_runs (run_id, period, status, trigger, requested_by, started_at) values ($1, '2026-10', 'COMPLETED', 'API', 'test', now())`, [RUN]);
    await scratch.pool.query(
      `insert into invoices (invoice_id, invoice_ref, invoice_type, payment_status, contract_ref, contract_id, period, run_id, issue_date, due_date, collection_date, currency,
                             total_without_tax_minor, total_tax_minor, total_with_tax_minor, amount_due_minor, vat_breakdown, debit_required, customer, billing_contact,
                             billing_address, issued_event_id, issued_at)
       values ($1, 'BIL-2026-000001', 'INVOICE', 'PENDING', 'CTR-2026-000001', 'c-1', '2026-10', $2, '2026-11-01', '2026-11-30', '2026-11-30', 'EUR', 1000, 200, 1200, 1200, '[]', true,
               '{}', '{}', '{}', gen_random_uuid(), now())`,
      [INVOICE, RUN],
    );
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it('when a statement writes lines of an existing invoice, then they are stored', async () => {
    await scratch.pool.query(`insert into invoice_lines (${lineColumns}) values ${lineValues('$1::uuid', '1')}, ${lineValues('$1::uuid', '2')}`, [INVOICE]);
    await scratch.pool.query(`insert into invoiced_operations (contract_ref, operation_id, invoice_id, invoice_ref) values ('CTR-2026-000001', gen_random_uuid(), $1, 'BIL-2026-000001')`, [INVOICE]);

    expect(await count('invoice_lines')).toBe(2);
    expect(await count('invoiced_operations')).toBe(1);
  });

  it('when one row of a statement names an invoice that does not exist, then the statement fails as a foreign key would and writes none of its rows', async () => {
    const lines = failureOf(scratch.pool.query(`insert into invoice_lines (${lineColumns}) values ${lineValues('$1::uuid', '3')}, ${lineValues('$2::uuid', '1')}`, [INVOICE, UNKNOWN_INVOICE]));
    const links = failureOf(
      scratch.pool.query(
        `insert into invoiced_operations (contract_ref, operation_id, invoice_id, invoice_ref)
         values ('CTR-2026-000001', gen_random_uuid(), $1, 'BIL-2026-000001'), ('CTR-2026-000001', gen_random_uuid(), $2, 'BIL-2026-999999')`,
        [INVOICE, UNKNOWN_INVOICE],
      ),
    );

    expect(await lines).toEqual({ code: '23503', message: 'insert or update on table "invoice_lines" violates the reference to invoices' });
    expect(await links).toEqual({ code: '23503', message: 'insert or update on table "invoiced_operations" violates the reference to invoices' });
    expect(await count('invoice_lines')).toBe(2);
    expect(await count('invoiced_operations')).toBe(1);
  });

  it('when a line or a link is moved to an invoice that does not exist, then the update fails and nothing moves', async () => {
    const line = await failureOf(scratch.pool.query(`update invoice_lines set invoice_id = $1 where line_no = 2`, [UNKNOWN_INVOICE]));
    const link = await failureOf(scratch.pool.query(`update invoiced_operations set invoice_id = $1`, [UNKNOWN_INVOICE]));

    expect(line?.code).toBe('23503');
    expect(link?.code).toBe('23503');
    expect((await scratch.pool.query(`select distinct invoice_id from invoice_lines union select invoice_id from invoiced_operations`)).rows).toEqual([{ invoice_id: INVOICE }]);
  });

  it('when an issued invoice is deleted, truncated or given another id, then PostgreSQL refuses and its lines keep their invoice', async () => {
    const deleted = await failureOf(scratch.pool.query(`delete from invoices where invoice_id = $1`, [INVOICE]));
    const truncated = await failureOf(scratch.pool.query(`truncate invoices cascade`));
    const renumbered = await failureOf(scratch.pool.query(`update invoices set invoice_id = $1 where invoice_id = $2`, [UNKNOWN_INVOICE, INVOICE]));

    for (const failure of [deleted, truncated, renumbered]) expect(failure).toEqual({ code: '23001', message: expect.stringContaining('an issued invoice is kept') });
    expect(await count('invoices')).toBe(1);
    expect(await count('invoice_lines')).toBe(2);
  });

  it('when an invoice changes anything but its id (its payment status), then the update goes through', async () => {
    await scratch.pool.query(`update invoices set payment_status = 'PAID' where invoice_id = $1`, [INVOICE]);

    expect((await scratch.pool.query(`select payment_status from invoices`)).rows).toEqual([{ payment_status: 'PAID' }]);
  });
});
