import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { CustomerScope } from '@boissipay/runtime';
import { mandateToDebit } from '../domain/build-invoice';
import type { MandateStatus } from '../domain/contract-view';
import type { BillableLine, BillableOperation, InvoiceParty, IssuedInvoice } from '../domain/invoice';
import { ofContractInScope } from './customer-scope-conditions';
import type { BillingTransaction, Queryable } from './database';
import { balances, contracts, creditNoteNumberCounters, invoicedOperations, invoiceLines, invoiceNumberCounters, invoices, operationLines, operations, uninvoicedOperations } from './schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

/**
 * The next contracts (by contractRef, after `after`) that a run of `period` has to bill: with
 * accepted operations not yet invoiced dated before the period's end, and no invoice for the
 * period yet. Keyset pages over `balances` (one row per contract) with index lookups, so a
 * whole run reads each contract once: linear in the number of contracts.
 */
export async function findContractsToBill(db: Queryable, period: { id: string; endExclusive: string }, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ contractRef: balances.contractRef })
    .from(balances)
    .where(
      and(
        gt(balances.contractRef, after),
        sql`exists (select 1 from ${uninvoicedOperations} where ${uninvoicedOperations.contractRef} = ${balances.contractRef} and ${uninvoicedOperations.operationAt} < ${period.endExclusive})`,
        sql`not exists (select 1 from ${invoices} where ${invoices.contractRef} = ${balances.contractRef} and ${invoices.period} = ${period.id})`,
      ),
    )
    .orderBy(asc(balances.contractRef))
    .limit(limit);
  return rows.map((row) => row.contractRef);
}

/**
 * Locks the contract's balance row until the transaction ends: the row every decision on the
 * contract locks too (docs/adr/0005), so billing a contract waits for the decision in
 * progress and the next decision waits for the invoice, and two runs bill a contract one
 * after the other. Returns the read model's contract; undefined when billing has no balance
 * row. What the contract already has is to be read after this, in statements of their own.
 */
export async function lockContractForBilling(tx: BillingTransaction, contractRef: string): Promise<{ contract: ContractRow | null } | undefined> {
  const [row] = await tx
    .select({ contract: contracts })
    .from(balances)
    .leftJoin(contracts, eq(contracts.contractRef, balances.contractRef))
    .where(eq(balances.contractRef, contractRef))
    .for('update', { of: balances });
  return row;
}

/**
 * The contract's invoice for the period, if it has one. Read once the contract is locked, in
 * a statement of its own: under READ COMMITTED a statement sees what was committed when it
 * started, so the locking statement, which started before it waited for another run's
 * transaction, would not see the invoice that run has just committed.
 */
export async function findInvoiceRefOfPeriod(tx: BillingTransaction, contractRef: string, period: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ invoiceRef: invoices.invoiceRef })
    .from(invoices)
    .where(and(eq(invoices.contractRef, contractRef), eq(invoices.period, period)));
  return row?.invoiceRef;
}

/** Who an invoice bills, from the read model's contract row. */
export function invoicePartyOf(contract: ContractRow): InvoiceParty {
  const { subscriber } = contract;
  return {
    contractRef: contract.contractRef,
    contractId: contract.contractId,
    customer: { subscriberRef: subscriber.subscriberRef, customerRef: subscriber.customerRef, siren: subscriber.siren, vatNumber: subscriber.vatNumber },
    billingContact: { ...contract.billingContact },
    billingAddress: { ...contract.billingAddress },
    language: contract.language,
    mandate: contract.mandateStatus
      ? mandateToDebit({
          status: contract.mandateStatus as MandateStatus,
          signedAt: contract.mandateSignedAt,
          revokedAt: contract.mandateRevokedAt,
          mandateRef: contract.mandateRef,
          iban: contract.mandateIban,
          bic: contract.mandateBic,
        })
      : null,
  };
}

/**
 * The contract's accepted operations not yet invoiced and dated before `endExclusive`, with
 * their lines, oldest first, in one round trip: the queue of what is left to invoice gives
 * the operations, and each one's lines come from the lines' primary key (a correlated
 * subquery, so never a join the planner could turn into a scan of every line).
 */
export async function findBillableOperations(db: Queryable, contractRef: string, endExclusive: string): Promise<BillableOperation[]> {
  const rows = await db
    .select({
      operationId: operations.operationId,
      type: operations.type,
      orderRef: operations.orderRef,
      operationAt: operations.operationAt,
      currency: operations.currency,
      lines: sql<BillableLine[]>`(
        select json_agg(json_build_object(
                 'lineNo', l.line_no, 'productLabel', l.product_label, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price_minor,
                 'vatRateBasisPoints', l.vat_rate_basis_points, 'amountWithoutTaxMinor', l.amount_without_tax_minor,
                 'amountTaxMinor', l.amount_tax_minor, 'amountWithTaxMinor', l.amount_with_tax_minor,
                 'travellerName', l.traveller_name, 'bookingRef', l.booking_ref, 'costCentre', l.cost_centre) order by l.line_no)
          from ${operationLines} l where l.operation_id = "operations"."operation_id")`, // qualified by hand: drizzle leaves select fields unqualified
    })
    .from(uninvoicedOperations)
    .innerJoin(operations, eq(operations.operationId, uninvoicedOperations.operationId))
    .where(and(eq(uninvoicedOperations.contractRef, contractRef), lt(uninvoicedOperations.operationAt, endExclusive)))
    .orderBy(asc(operations.operationAt), asc(operations.decidedAt), asc(operations.operationId));
  // json_build_object keeps bigint amounts as JSON numbers: exact for every amount the API accepts (< 2^53 minor units).
  return rows.map((row) => ({ ...row, lines: row.lines ?? [] }));
}

/**
 * The next invoice number of `year`, taken inside the caller's transaction: the counter row
 * stays locked until it commits (the next issuer waits) and goes back to its old value if it
 * rolls back, so committed invoices are numbered 1, 2, 3… without gaps or duplicates.
 */
export function takeNextInvoiceNumber(tx: BillingTransaction, year: number): Promise<number> {
  return takeNextNumber(tx, invoiceNumberCounters, year);
}

/** The same for a series kept in `counters` (one row per year, e.g. the credit notes'). */
export async function takeNextNumber(tx: BillingTransaction, counters: typeof invoiceNumberCounters | typeof creditNoteNumberCounters, year: number): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: counters.year, set: { lastNumber: sql`${counters.lastNumber} + 1` } })
    .returning({ lastNumber: counters.lastNumber });
  if (!row) throw new Error(`no number for ${year}`);
  return row.lastNumber;
}

export async function insertInvoice(tx: BillingTransaction, invoice: IssuedInvoice, context: { runId: string; issuedEventId: string; issuedAt: Date }): Promise<void> {
  await tx.insert(invoices).values({
    invoiceId: invoice.invoiceId,
    invoiceRef: invoice.invoiceRef,
    invoiceType: invoice.invoiceType,
    paymentStatus: invoice.debitRequired ? 'PENDING' : 'NOT_REQUIRED',
    contractRef: invoice.contractRef,
    contractId: invoice.contractId,
    period: invoice.period,
    runId: context.runId,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    collectionDate: invoice.collectionDate,
    language: invoice.language,
    currency: invoice.currency,
    totalWithoutTaxMinor: invoice.totals.withoutTaxMinor,
    totalTaxMinor: invoice.totals.taxMinor,
    totalWithTaxMinor: invoice.totals.withTaxMinor,
    vatBreakdown: invoice.vatBreakdown,
    debitRequired: invoice.debitRequired,
    customer: invoice.customer,
    billingContact: invoice.billingContact,
    billingAddress: invoice.billingAddress,
    mandate: invoice.mandate,
    issuedEventId: context.issuedEventId,
    issuedAt: context.issuedAt,
  });
  // One row per line but one parameter per column (unnest of arrays): a hundred lines are one short statement.
  const { lines } = invoice;
  // sql.param: the array goes to PostgreSQL as one array parameter, not as a list.
  const column = <T>(pick: (line: (typeof lines)[number]) => T) => sql.param(lines.map(pick));
  await tx.execute(sql`
    insert into ${invoiceLines} (invoice_id, line_no, operation_id, operation_line_no, operation_type, order_ref, operation_date, description, quantity,
                                 unit_price_without_tax_minor, amount_without_tax_minor, vat_rate_basis_points, tax_minor, amount_with_tax_minor,
                                 traveller, booking_ref, cost_centre)
    select ${invoice.invoiceId}, * from unnest(
      ${column((line) => line.lineNumber)}::int[], ${column((line) => line.operationId)}::uuid[], ${column((line) => line.operationLineNo)}::int[],
      ${column((line) => line.operationType)}::text[], ${column((line) => line.orderRef)}::text[], ${column((line) => line.operationDate)}::date[],
      ${column((line) => line.description)}::text[], ${column((line) => line.quantity)}::int[], ${column((line) => line.unitPriceWithoutTaxMinor)}::bigint[],
      ${column((line) => line.amountWithoutTaxMinor)}::bigint[], ${column((line) => line.vatRateBasisPoints)}::int[], ${column((line) => line.taxMinor)}::bigint[],
      ${column((line) => line.amountWithTaxMinor)}::bigint[], ${column((line) => line.traveller)}::text[], ${column((line) => line.bookingRef)}::text[],
      ${column((line) => line.costCentre)}::text[])`);
}

/**
 * Marks the operations invoiced, in one statement: takes them off the queue of what is left
 * to invoice and links them to the invoice. Only operations still queued are taken, and all
 * of them or the transaction fails: an operation can never end up on two invoices (the link's
 * primary key says so too).
 */
export async function markOperationsInvoiced(
  tx: BillingTransaction,
  contractRef: string,
  operationIds: readonly string[],
  invoice: { invoiceId: string; invoiceRef: string },
): Promise<void> {
  const { rowCount } = await tx.execute(sql`
    with taken as (
      delete from ${uninvoicedOperations}
       where ${uninvoicedOperations.contractRef} = ${contractRef} and ${uninvoicedOperations.operationId} = any(${sql.param([...operationIds])}::uuid[])
      returning operation_id)
    insert into ${invoicedOperations} (contract_ref, operation_id, invoice_id, invoice_ref)
    select ${contractRef}, operation_id, ${invoice.invoiceId}, ${invoice.invoiceRef} from taken`);
  if (rowCount !== operationIds.length) {
    throw new Error(`invoice ${invoice.invoiceRef}: ${operationIds.length - (rowCount ?? 0)} operation(s) were invoiced meanwhile`);
  }
}

/** The invoice, unless its contract is outside the caller's customer scope. */
export async function findInvoice(db: Queryable, invoiceRef: string, scope: CustomerScope): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), ofContractInScope(scope, invoices.contractRef)));
  return row;
}

export async function findInvoiceLines(db: Queryable, invoiceId: string): Promise<InvoiceLineRow[]> {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.lineNo));
}

export async function findInvoicedOperations(db: Queryable, invoiceId: string) {
  return db
    .select({ ...getTableColumns(operations), invoiceRef: invoicedOperations.invoiceRef })
    .from(invoicedOperations)
    .innerJoin(operations, eq(operations.operationId, invoicedOperations.operationId))
    .where(eq(invoicedOperations.invoiceId, invoiceId))
    .orderBy(asc(operations.operationAt), asc(operations.decidedAt), asc(operations.operationId));
}

export interface InvoiceFilters {
  contractRef?: string;
  period?: string;
  paymentStatuses?: readonly string[];
  invoiceType?: 'INVOICE' | 'CREDIT_NOTE';
  deliveryStatus?: InvoiceRow['deliveryStatus'];
}

/** Latest first (issuedAt, then number), so pages never overlap. */
export async function listInvoices(
  db: Queryable,
  filters: InvoiceFilters,
  page: { limit: number; offset: number },
  scope: CustomerScope,
): Promise<{ rows: InvoiceRow[]; total: number }> {
  const conditions: Array<SQL | undefined> = [ofContractInScope(scope, invoices.contractRef)];
  if (filters.contractRef) conditions.push(eq(invoices.contractRef, filters.contractRef));
  if (filters.period) conditions.push(eq(invoices.period, filters.period));
  if (filters.paymentStatuses) conditions.push(inArray(invoices.paymentStatus, [...filters.paymentStatuses] as InvoiceRow['paymentStatus'][]));
  if (filters.invoiceType) conditions.push(eq(invoices.invoiceType, filters.invoiceType));
  if (filters.deliveryStatus) conditions.push(eq(invoices.deliveryStatus, filters.deliveryStatus));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db.select().from(invoices).where(where).orderBy(desc(invoices.issuedAt), desc(invoices.invoiceRef)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(invoices).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}
