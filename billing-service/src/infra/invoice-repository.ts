import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { CustomerScope } from '@boissipay/runtime';
import { mandateToDebit } from '../domain/build-invoice';
import type { MandateStatus } from '../domain/contract-view';
import type { BillableLine, BillableOperation, InvoiceParty, IssuedInvoice, PrecedingInvoice } from '../domain/invoice';
import { ofContractInScope } from './customer-scope-conditions';
import type { BillingTransaction, Queryable } from './database';
import { balances, contracts, creditedRefunds, creditNoteNumberCounters, creditNotes, invoicedOperations, invoiceLines, invoiceNumberCounters, invoices, operationLines, operations, uninvoicedOperations } from './schema';

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
 * The same for a batch of contracts, locked in contract order, as every batch of every run
 * locks them: two runs never wait on each other in a cycle. Contracts without a balance row are
 * left out; a contract missing from the read model comes with `contract: null`.
 */
export async function lockContractsForBilling(tx: BillingTransaction, contractRefs: readonly string[]): Promise<Map<string, ContractRow | null>> {
  const rows = await tx
    .select({ contractRef: balances.contractRef, contract: contracts })
    .from(balances)
    .leftJoin(contracts, eq(contracts.contractRef, balances.contractRef))
    .where(sql`${balances.contractRef} = any(${sql.param([...contractRefs])}::text[])`)
    .orderBy(asc(balances.contractRef))
    .for('update', { of: balances });
  return new Map(rows.map(({ contractRef, contract }) => [contractRef, contract]));
}

/** Which of the contracts have their invoice for the period: read once they are locked, for the reason below. */
export async function findContractsInvoicedInPeriod(tx: BillingTransaction, contractRefs: readonly string[], period: string): Promise<Set<string>> {
  const rows = await tx
    .select({ contractRef: invoices.contractRef })
    .from(invoices)
    .where(and(sql`${invoices.contractRef} = any(${sql.param([...contractRefs])}::text[])`, eq(invoices.period, period)));
  return new Set(rows.map(({ contractRef }) => contractRef));
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
  return (await findBillableOperationsOf(db, [contractRef], endExclusive)).get(contractRef) ?? [];
}

/** The same for several contracts in one round trip: each contract's operations, oldest first. */
export async function findBillableOperationsOf(db: Queryable, contractRefs: readonly string[], endExclusive: string): Promise<Map<string, BillableOperation[]>> {
  const rows = await db
    .select({
      contractRef: operations.contractRef,
      operationId: operations.operationId,
      type: operations.type,
      orderRef: operations.orderRef,
      operationAt: operations.operationAt,
      currency: operations.currency,
      refundedOrderRef: operations.refundedOrderRef,
      lines: sql<BillableLine[]>`(
        select json_agg(json_build_object(
                 'lineNo', l.line_no, 'productLabel', l.product_label, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price_minor,
                 'vatRateBasisPoints', l.vat_rate_basis_points, 'amountWithoutTaxMinor', l.amount_without_tax_minor,
                 'amountTaxMinor', l.amount_tax_minor, 'amountWithTaxMinor', l.amount_with_tax_minor,
                 'travellerName', l.traveller_name, 'bookingRef', l.booking_ref, 'costCentre', l.cost_centre,
                 'vatCategoryCode', l.vat_category_code, 'vatExemptionReasonCode', l.vat_exemption_reason_code,
                 'vatExemptionReason', l.vat_exemption_reason) order by l.line_no)
          from ${operationLines} l where l.operation_id = "operations"."operation_id")`, // qualified by hand: drizzle leaves select fields unqualified
      // A refund's purchase, by the natural key's index, and the invoice that billed it, if one has.
      refundedInvoice: sql<PrecedingInvoice | null>`(
        select json_build_object('invoiceId', i.invoice_id, 'invoiceRef', i.invoice_ref, 'issueDate', i.issue_date, 'language', i.language)
          from ${operations} p
          join ${invoicedOperations} io on io.contract_ref = p.contract_ref and io.operation_id = p.operation_id
          join ${invoices} i on i.invoice_id = io.invoice_id
         where "operations"."type" = 'REFUND' and p.contract_ref = "operations"."contract_ref"
           and p.order_ref = "operations"."refunded_order_ref" and p.type = 'PURCHASE' and p.status = 'ACCEPTED')`,
    })
    .from(uninvoicedOperations)
    .innerJoin(operations, eq(operations.operationId, uninvoicedOperations.operationId))
    .where(and(sql`${uninvoicedOperations.contractRef} = any(${sql.param([...contractRefs])}::text[])`, lt(uninvoicedOperations.operationAt, endExclusive)))
    .orderBy(asc(operations.contractRef), asc(operations.operationAt), asc(operations.decidedAt), asc(operations.operationId));
  // json_build_object keeps bigint amounts as JSON numbers: exact for every amount the API accepts (< 2^53 minor units).
  const byContract = new Map<string, BillableOperation[]>();
  for (const { contractRef, ...row } of rows) {
    const ofContract = byContract.get(contractRef) ?? [];
    ofContract.push({ ...row, lines: row.lines ?? [] });
    byContract.set(contractRef, ofContract);
  }
  return byContract;
}

/**
 * The contract's credit not deducted yet: what its credit notes credited less what its
 * invoices deducted (docs/adr/0026). Read under the contract's lock, so two runs never deduct
 * the same credit.
 */
export async function findCreditToDeduct(tx: BillingTransaction, contractRef: string): Promise<number> {
  const result = await tx.execute<{ credit: string | null }>(sql`
    select (select coalesce(sum(${creditNotes.totalWithTaxMinor}), 0) from ${creditNotes} where ${creditNotes.contractRef} = ${contractRef})
         - (select coalesce(sum(${invoices.prepaidAmountMinor}), 0) from ${invoices} where ${invoices.contractRef} = ${contractRef}) as credit`);
  return Number(result.rows[0]?.credit ?? 0);
}

/** The same for several contracts in one round trip; a contract without credit is absent. */
export async function findCreditsToDeduct(tx: BillingTransaction, contractRefs: readonly string[]): Promise<Map<string, number>> {
  const refs = sql.param([...contractRefs]);
  const result = await tx.execute<{ contractRef: string; credit: string }>(sql`
    select contract_ref as "contractRef", sum(amount)::text as credit from (
      select ${creditNotes.contractRef} as contract_ref, ${creditNotes.totalWithTaxMinor} as amount from ${creditNotes} where ${creditNotes.contractRef} = any(${refs}::text[])
      union all
      select ${invoices.contractRef}, -${invoices.prepaidAmountMinor} from ${invoices} where ${invoices.contractRef} = any(${refs}::text[])
    ) movements group by contract_ref`);
  return new Map(result.rows.map(({ contractRef, credit }) => [contractRef, Number(credit)]));
}

/**
 * The next invoice number of `year`, taken inside the caller's transaction: the counter row
 * stays locked until it commits (the next issuer waits) and goes back to its old value if it
 * rolls back, so committed invoices are numbered 1, 2, 3… without gaps or duplicates.
 */
export function takeNextInvoiceNumber(tx: BillingTransaction, year: number): Promise<number> {
  return takeNextNumber(tx, invoiceNumberCounters, year);
}

/** The next `count` invoice numbers of `year` for a batch: the first of them. */
export function takeNextInvoiceNumbers(tx: BillingTransaction, year: number, count: number): Promise<number> {
  return takeNextNumbers(tx, invoiceNumberCounters, year, count);
}

/** The same for a series kept in `counters` (one row per year, e.g. the credit notes'). */
export async function takeNextNumber(tx: BillingTransaction, counters: typeof invoiceNumberCounters | typeof creditNoteNumberCounters, year: number): Promise<number> {
  return takeNextNumbers(tx, counters, year, 1);
}

/**
 * The next `count` numbers of `year` in one statement, for a batch of documents numbered in
 * one transaction: returns the first; the batch uses first … first + count − 1, all its own.
 */
export async function takeNextNumbers(
  tx: BillingTransaction,
  counters: typeof invoiceNumberCounters | typeof creditNoteNumberCounters,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ year, lastNumber: count })
    .onConflictDoUpdate({ target: counters.year, set: { lastNumber: sql`${counters.lastNumber} + ${count}` } })
    .returning({ lastNumber: counters.lastNumber });
  if (!row) throw new Error(`no number for ${year}`);
  return row.lastNumber - count + 1;
}

/** How an invoice came to be issued: by which run, announced by which event, when. */
export interface InvoiceIssue {
  runId: string;
  issuedEventId: string;
  issuedAt: Date;
}

export async function insertInvoice(tx: BillingTransaction, invoice: IssuedInvoice, context: InvoiceIssue): Promise<void> {
  await insertInvoices(tx, [{ invoice, ...context }]);
}

/** Several invoices and all their lines in two statements, whatever their number. */
export async function insertInvoices(tx: BillingTransaction, issued: readonly ({ invoice: IssuedInvoice } & InvoiceIssue)[]): Promise<void> {
  if (issued.length === 0) return;
  await tx.insert(invoices).values(
    issued.map(({ invoice, runId, issuedEventId, issuedAt }) => ({
      invoiceId: invoice.invoiceId,
      invoiceRef: invoice.invoiceRef,
      invoiceType: invoice.invoiceType,
      paymentStatus: invoice.debitRequired ? ('PENDING' as const) : ('NOT_REQUIRED' as const),
      contractRef: invoice.contractRef,
      contractId: invoice.contractId,
      period: invoice.period,
      runId,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      collectionDate: invoice.collectionDate,
      language: invoice.language,
      currency: invoice.currency,
      totalWithoutTaxMinor: invoice.totals.withoutTaxMinor,
      totalTaxMinor: invoice.totals.taxMinor,
      totalWithTaxMinor: invoice.totals.withTaxMinor,
      prepaidAmountMinor: invoice.prepaidAmountMinor,
      amountDueMinor: invoice.amountDueMinor,
      vatBreakdown: invoice.vatBreakdown,
      debitRequired: invoice.debitRequired,
      customer: invoice.customer,
      billingContact: invoice.billingContact,
      billingAddress: invoice.billingAddress,
      mandate: invoice.mandate,
      issuedEventId,
      issuedAt,
    })),
  );
  // One row per line but one parameter per column (unnest of arrays): thousands of lines are one short statement.
  const lines = issued.flatMap(({ invoice }) => invoice.lines.map((line) => ({ invoiceId: invoice.invoiceId, ...line })));
  // sql.param: the array goes to PostgreSQL as one array parameter, not as a list.
  const column = <T>(pick: (line: (typeof lines)[number]) => T) => sql.param(lines.map(pick));
  await tx.execute(sql`
    insert into ${invoiceLines} (invoice_id, line_no, operation_id, operation_line_no, operation_type, order_ref, operation_date, description, quantity,
                                 unit_price_without_tax_minor, amount_without_tax_minor, vat_rate_basis_points, tax_minor, amount_with_tax_minor,
                                 traveller, booking_ref, cost_centre, vat_category_code, vat_exemption_reason_code, vat_exemption_reason)
    select * from unnest(
      ${column((line) => line.invoiceId)}::uuid[],
      ${column((line) => line.lineNumber)}::int[], ${column((line) => line.operationId)}::uuid[], ${column((line) => line.operationLineNo)}::int[],
      ${column((line) => line.operationType)}::text[], ${column((line) => line.orderRef)}::text[], ${column((line) => line.operationDate)}::date[],
      ${column((line) => line.description)}::text[], ${column((line) => line.quantity)}::int[], ${column((line) => line.unitPriceWithoutTaxMinor)}::bigint[],
      ${column((line) => line.amountWithoutTaxMinor)}::bigint[], ${column((line) => line.vatRateBasisPoints)}::int[], ${column((line) => line.taxMinor)}::bigint[],
      ${column((line) => line.amountWithTaxMinor)}::bigint[], ${column((line) => line.traveller)}::text[], ${column((line) => line.bookingRef)}::text[],
      ${column((line) => line.costCentre)}::text[], ${column((line) => line.vatCategoryCode)}::text[], ${column((line) => line.vatExemptionReasonCode)}::text[],
      ${column((line) => line.vatExemptionReason)}::text[])`);
}

/** Operations of a contract going on one document (an invoice, or a credit note for refunds). */
export interface OperationsTaken {
  contractRef: string;
  operationIds: readonly string[];
  /** The document's id and number. */
  documentId: string;
  documentRef: string;
}

/**
 * Takes operations off the queue of what is left to invoice and links each to its document in
 * `links` (invoiced_operations or credited_refunds), in one statement for any number of
 * documents. Only operations still queued are taken, and all of them or it throws: an
 * operation can never end up on two documents (the link's primary key says so too).
 */
export async function takeQueuedOperations(tx: BillingTransaction, links: typeof invoicedOperations | typeof creditedRefunds, taken: readonly OperationsTaken[]): Promise<number> {
  const wanted = taken.flatMap(({ contractRef, operationIds, documentId, documentRef }) => operationIds.map((operationId) => ({ contractRef, operationId, documentId, documentRef })));
  if (wanted.length === 0) return 0;
  const column = (pick: (row: (typeof wanted)[number]) => string) => sql.param(wanted.map(pick));
  const contractRefs = sql.param([...new Set(wanted.map(({ contractRef }) => contractRef))]);
  const [documentIdColumn, documentRefColumn] = links === invoicedOperations ? ['invoice_id', 'invoice_ref'] : ['credit_note_id', 'credit_note_ref'];
  const { rowCount } = await tx.execute(sql`
    with wanted as (
      select * from unnest(${column((row) => row.contractRef)}::text[], ${column((row) => row.operationId)}::uuid[],
                           ${column((row) => row.documentId)}::uuid[], ${column((row) => row.documentRef)}::text[]) as w(contract_ref, operation_id, document_id, document_ref)
    ), taken as (
      delete from ${uninvoicedOperations}
       where ${uninvoicedOperations.contractRef} = any(${contractRefs}::text[]) and ${uninvoicedOperations.operationId} = any(${column((row) => row.operationId)}::uuid[])
      returning contract_ref, operation_id)
    insert into ${links} (contract_ref, operation_id, ${sql.raw(documentIdColumn)}, ${sql.raw(documentRefColumn)})
    select contract_ref, operation_id, w.document_id, w.document_ref from taken join wanted w using (contract_ref, operation_id)`);
  return wanted.length - (rowCount ?? 0);
}

/**
 * Marks the operations invoiced: takes them off the queue of what is left to invoice and links
 * them to the invoice, all of them or the transaction fails.
 */
export async function markOperationsInvoiced(
  tx: BillingTransaction,
  contractRef: string,
  operationIds: readonly string[],
  invoice: { invoiceId: string; invoiceRef: string },
): Promise<void> {
  await markOperationsOfInvoices(tx, [{ contractRef, operationIds, documentId: invoice.invoiceId, documentRef: invoice.invoiceRef }]);
}

/** The same for several invoices in one statement. */
export async function markOperationsOfInvoices(tx: BillingTransaction, taken: readonly OperationsTaken[]): Promise<void> {
  const missing = await takeQueuedOperations(tx, invoicedOperations, taken);
  if (missing > 0) throw new Error(`invoice(s) ${taken.map(({ documentRef }) => documentRef).join(', ')}: ${missing} operation(s) were invoiced meanwhile`);
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
