/**
 * The ceiling of `npm run bench -- billing-run`: the writes of the service's billing run done by
 * PostgreSQL alone, set-based — one statement bills a whole batch of contracts (invoices, their
 * lines, the operations moved from uninvoiced to invoiced, the numbers, the outbox rows with the
 * same billing.invoice-issued.v1 payload), one transaction per batch. What the run could reach if
 * it did no work in Node; the bench prints ours / ceiling.
 *
 * It keeps the run's guarantees, so that the comparison is fair: per-contract atomicity (a batch
 * commits or not as a whole), one invoice per contract and period (checked under the contracts'
 * locks), gapless numbers taken in contract order inside the batch's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Bills the contracts `$1` for period `$2` (operations before `$3`), numbering in year `$4`,
 * for run `$5`, issued `$6`, due `$7`, collected `$8`. Returns the number of invoices.
 *
 * Every CTE is one pass over the batch; the line JSON of the event is aggregated per contract
 * once, not looked up per invoice. The foreign keys of invoice_lines and invoiced_operations
 * to invoices are checked at the end of the statement, once the invoices are in.
 */
const BILL_BATCH = `
with batch as (
  select c.contract_ref, c.contract_id, c.subscriber, c.billing_contact, c.billing_address, c.mandate_ref, c.mandate_iban, c.mandate_bic, c.mandate_signed_at, c.language
    from contracts c
   where c.contract_ref = any($1::text[])
     and not exists (select 1 from invoices i where i.contract_ref = c.contract_ref and i.period = $2)
), taken as (
  delete from uninvoiced_operations u using batch b
   where u.contract_ref = b.contract_ref and u.operation_at < $3::date
  returning u.contract_ref, u.operation_id
), lines as (
  select t.contract_ref, o.operation_id, o.type, o.order_ref, o.operation_at, l.line_no, l.product_label, l.quantity, l.vat_rate_basis_points,
         l.traveller_name, l.booking_ref, l.cost_centre,
         s.sign * l.unit_price_minor as unit_price, s.sign * l.amount_without_tax_minor as base, s.sign * l.amount_tax_minor as tax, s.sign * l.amount_with_tax_minor as total,
         row_number() over (partition by t.contract_ref order by o.operation_at, o.decided_at, o.operation_id, l.line_no)::int as line_number
    from taken t
    join operations o on o.operation_id = t.operation_id
    join operation_lines l on l.operation_id = o.operation_id
   cross join lateral (select case when o.type = 'REFUND' then -1 else 1 end as sign) s
), by_rate as (
  select contract_ref, vat_rate_basis_points as rate, sum(base)::bigint as base, sum(tax)::bigint as tax from lines group by contract_ref, vat_rate_basis_points
), per_contract as (
  select contract_ref, sum(base)::bigint as base, sum(tax)::bigint as tax,
         jsonb_agg(jsonb_build_object('rateBasisPoints', rate, 'baseMinor', base, 'taxMinor', tax, 'vatCategoryCode', 'S', 'vatExemptionReasonCode', null, 'vatExemptionReason', null) order by rate) as vat_breakdown
    from by_rate group by contract_ref
), line_json as (
  select contract_ref,
         jsonb_agg(jsonb_build_object('lineNumber', line_number, 'operationId', operation_id, 'operationType', type, 'orderRef', order_ref,
                   'operationDate', operation_at, 'description', product_label, 'quantity', quantity, 'unitPriceWithoutTaxMinor', unit_price,
                   'amountWithoutTaxMinor', base, 'vatRateBasisPoints', vat_rate_basis_points, 'taxMinor', tax, 'amountWithTaxMinor', total,
                   'traveller', traveller_name, 'bookingRef', booking_ref, 'costCentre', cost_centre,
                   'vatCategoryCode', 'S', 'vatExemptionReasonCode', null, 'vatExemptionReason', null) order by line_number) as lines
    from lines group by contract_ref
), billed as (
  select b.*, p.base, p.tax, p.base + p.tax as total, p.vat_breakdown, gen_random_uuid() as invoice_id, gen_random_uuid() as event_id,
         row_number() over (order by b.contract_ref) as position
    from batch b join per_contract p using (contract_ref)
), counter as (
  insert into invoice_number_counters as c (year, last_number) select $4::int, count(*) from billed having count(*) > 0
  on conflict (year) do update set last_number = c.last_number + excluded.last_number
  returning last_number
), numbered as (
  select billed.*, 'BIL-' || $4::int || '-' || lpad(number::text, greatest(6, length(number::text)), '0') as invoice_ref
    from billed cross join counter
   cross join lateral (select counter.last_number - (select count(*) from billed) + billed.position as number) n
), invoice as (
  insert into invoices (invoice_id, invoice_ref, invoice_type, payment_status, contract_ref, contract_id, period, run_id, issue_date, due_date, collection_date,
                        currency, total_without_tax_minor, total_tax_minor, total_with_tax_minor, amount_due_minor, vat_breakdown, debit_required, customer,
                        billing_contact, billing_address, mandate, language, issued_event_id, issued_at)
  select invoice_id, invoice_ref, case when total > 0 then 'INVOICE' else 'CREDIT_NOTE' end, case when total > 0 then 'PENDING' else 'NOT_REQUIRED' end,
         contract_ref, contract_id, $2, $5::uuid, $6::date, $7::date, $8::date, 'EUR', base, tax, total, total, vat_breakdown, total > 0,
         jsonb_build_object('subscriberRef', subscriber->'subscriberRef', 'customerRef', subscriber->'customerRef', 'siren', subscriber->'siren', 'vatNumber', subscriber->'vatNumber'),
         billing_contact, billing_address, jsonb_build_object('mandateRef', mandate_ref, 'iban', mandate_iban, 'bic', mandate_bic, 'signedAt', mandate_signed_at), language, event_id, now()
    from numbered
), invoice_line as (
  insert into invoice_lines (invoice_id, line_no, operation_id, operation_line_no, operation_type, order_ref, operation_date, description, quantity,
                             unit_price_without_tax_minor, amount_without_tax_minor, vat_rate_basis_points, tax_minor, amount_with_tax_minor, traveller, booking_ref, cost_centre)
  select n.invoice_id, l.line_number, l.operation_id, l.line_no, l.type, l.order_ref, l.operation_at, l.product_label, l.quantity,
         l.unit_price, l.base, l.vat_rate_basis_points, l.tax, l.total, l.traveller_name, l.booking_ref, l.cost_centre
    from lines l join numbered n using (contract_ref)
), invoiced as (
  insert into invoiced_operations (contract_ref, operation_id, invoice_id, invoice_ref)
  select t.contract_ref, t.operation_id, n.invoice_id, n.invoice_ref from taken t join numbered n using (contract_ref)
), event as (
  insert into outbox (event_id, topic, message_key, payload)
  select n.event_id, 'billing.invoice-issued.v1', n.contract_ref,
         jsonb_build_object('eventId', n.event_id, 'occurredAt', now(), 'correlationId', null, 'causationId', null, 'contractRef', n.contract_ref,
           'invoice', jsonb_build_object('invoiceId', n.invoice_id, 'invoiceRef', n.invoice_ref, 'invoiceType', case when n.total > 0 then 'INVOICE' else 'CREDIT_NOTE' end,
             'contractRef', n.contract_ref, 'contractId', n.contract_id, 'period', $2::text, 'issueDate', $6::date, 'dueDate', $7::date, 'currency', 'EUR',
             'totalWithoutTaxMinor', n.base, 'totalTaxMinor', n.tax, 'totalWithTaxMinor', n.total, 'vatBreakdown', n.vat_breakdown, 'lines', j.lines,
             'customer', jsonb_build_object('subscriberRef', n.subscriber->'subscriberRef', 'customerRef', n.subscriber->'customerRef', 'siren', n.subscriber->'siren', 'vatNumber', n.subscriber->'vatNumber'),
             'billingContact', n.billing_contact, 'billingAddress', n.billing_address,
             'mandate', jsonb_build_object('mandateRef', n.mandate_ref, 'iban', n.mandate_iban, 'bic', n.mandate_bic, 'signedAt', n.mandate_signed_at),
             'debitRequired', n.total > 0, 'collectionDate', $8::date, 'language', n.language, 'prepaidAmountMinor', 0, 'amountDueMinor', n.total))
    from numbered n join line_json j using (contract_ref)
)
select count(*)::int as invoices from numbered`;

export interface BillingCeilingOptions {
  period: { id: string; endExclusive: string };
  /** Contracts billed per transaction. */
  batchSize: number;
  /** Transactions in flight at once, each on its own connection taking the next batch (as the service's run, docs/adr/0032). */
  parallel: number;
  issueDate: string;
  dueDate: string;
  collectionDate: string;
}

/** Bills every contract with operations to invoice, `batchSize` contracts per transaction, batches taken in contract order by `parallel` connections. */
export async function runBillingCeiling(pool: Pool, options: BillingCeilingOptions): Promise<{ invoices: number }> {
  const runId = randomUUID();
  await pool.query(`insert into billing_runs (run_id, period, status, trigger, requested_by, started_at) values ($1, $2, 'RUNNING', 'API', 'bench-ceiling', now())`, [
    runId,
    options.period.id,
  ]);
  const { rows } = await pool.query<{ contractRef: string }>(
    'select distinct contract_ref as "contractRef" from uninvoiced_operations where operation_at < $1 order by 1',
    [options.period.endExclusive],
  );
  const contractRefs = rows.map(({ contractRef }) => contractRef);
  const year = Number(options.issueDate.slice(0, 4));
  let invoices = 0;
  let next = 0;
  const lane = async () => {
    const client = await pool.connect();
    try {
      for (let first = next; first < contractRefs.length; first = next) {
        next += options.batchSize;
        const batch = contractRefs.slice(first, first + options.batchSize);
        await client.query('begin');
        try {
          // The batch's contracts locked in contract order first, as each billing of ours locks its contract: a concurrent run waits, then finds the invoices.
          await client.query('select 1 from balances where contract_ref = any($1::text[]) order by contract_ref for update', [batch]);
          const result = await client.query<{ invoices: number }>(BILL_BATCH, [
            batch,
            options.period.id,
            options.period.endExclusive,
            year,
            runId,
            options.issueDate,
            options.dueDate,
            options.collectionDate,
          ]);
          await client.query(`select pg_notify('boissipay_outbox', '')`); // as the relay's channel (OUTBOX_CHANNEL): one wake-up per batch
          await client.query('commit');
          invoices += result.rows[0]?.invoices ?? 0;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, lane));
  await pool.query(`update billing_runs set status = 'COMPLETED', finished_at = now(), contracts_considered = $2 where run_id = $1`, [runId, contractRefs.length]);
  return { invoices };
}
