import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './database';
import { billingRuns, creditNotes, invoices, type BillingRunErrorRow } from './schema';

export type BillingRunRow = typeof billingRuns.$inferSelect;
export type NewBillingRunRow = typeof billingRuns.$inferInsert;
export type BillingRunStatus = BillingRunRow['status'];

export interface CurrencyTotalsRow {
  currency: string;
  withoutTaxMinor: number;
  taxMinor: number;
  withTaxMinor: number;
}

/** What a run issued, read from its invoices and credit notes: right even for a run that stopped half-way. */
export interface BillingRunIssued {
  invoicesIssued: number;
  /** Its invoices of type CREDIT_NOTE (refunds outweighing purchases) and its credit notes (AV-) for refunds of purchases billed in an earlier month. */
  creditNotesIssued: number;
  /** Contracts it issued an invoice or a credit note to, each once. */
  contractsBilled: number;
  /** Of its invoices (those of type CREDIT_NOTE negative); the credit notes of earlier months' refunds are deducted from invoices, not added here. */
  totals: CurrencyTotalsRow[];
}

export async function insertBillingRun(db: Queryable, row: NewBillingRunRow): Promise<BillingRunRow> {
  const [inserted] = await db.insert(billingRuns).values(row).returning();
  if (!inserted) throw new Error(`billing run ${row.runId} was not inserted`);
  return inserted;
}

export async function finishBillingRun(
  db: Queryable,
  runId: string,
  outcome: { status: 'COMPLETED' | 'FAILED'; finishedAt: Date; contractsConsidered: number; errors: BillingRunErrorRow[] },
): Promise<void> {
  await db.update(billingRuns).set(outcome).where(eq(billingRuns.runId, runId));
}

export async function findRunningBillingRunIds(db: Queryable): Promise<string[]> {
  return (await findRunningBillingRuns(db)).map((row) => row.runId);
}

export async function findRunningBillingRuns(db: Queryable): Promise<{ runId: string; period: string }[]> {
  return db.select({ runId: billingRuns.runId, period: billingRuns.period }).from(billingRuns).where(eq(billingRuns.status, 'RUNNING'));
}

/** Marks a run that stopped without finishing; a no-op (false) if it finished or was marked meanwhile. */
export async function markBillingRunAbandoned(db: Queryable, runId: string, finishedAt: Date, message: string): Promise<boolean> {
  const marked = await db
    .update(billingRuns)
    .set({ status: 'FAILED', finishedAt, errors: sql`${billingRuns.errors} || ${JSON.stringify([{ contractRef: null, message }])}::jsonb` })
    .where(and(eq(billingRuns.runId, runId), eq(billingRuns.status, 'RUNNING')))
    .returning({ runId: billingRuns.runId });
  return marked.length > 0;
}

export async function hasCompletedBillingRun(db: Queryable, period: string): Promise<boolean> {
  const [row] = await db
    .select({ runId: billingRuns.runId })
    .from(billingRuns)
    .where(and(eq(billingRuns.period, period), eq(billingRuns.status, 'COMPLETED')))
    .limit(1);
  return row !== undefined;
}

export async function findBillingRun(db: Queryable, runId: string): Promise<BillingRunRow | undefined> {
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.runId, runId));
  return row;
}

export async function listBillingRuns(
  db: Queryable,
  filters: { period?: string; status?: BillingRunStatus },
  page: { limit: number; offset: number },
): Promise<{ rows: BillingRunRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filters.period) conditions.push(eq(billingRuns.period, filters.period));
  if (filters.status) conditions.push(eq(billingRuns.status, filters.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(billingRuns).where(where).orderBy(desc(billingRuns.startedAt), desc(billingRuns.runId)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(billingRuns).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}

/**
 * What each run issued: a grouped query over its invoices (index on run_id) and one over its
 * credit notes (few: only refunds of purchases billed in an earlier month).
 */
export async function findIssuedByRuns(db: Queryable, runIds: readonly string[]): Promise<Map<string, BillingRunIssued>> {
  const issued = new Map<string, BillingRunIssued>(runIds.map((runId) => [runId, { invoicesIssued: 0, creditNotesIssued: 0, contractsBilled: 0, totals: [] }]));
  if (runIds.length === 0) return issued;
  const ids = [...runIds];
  const [rows, creditNoteRows] = await Promise.all([invoiceTotalsOf(db, ids), creditNoteCountsOf(db, ids)]);
  for (const row of creditNoteRows) {
    const run = issued.get(row.runId);
    if (!run) continue;
    run.creditNotesIssued += row.count;
    run.contractsBilled += row.contractsWithoutInvoice;
  }
  for (const row of rows) {
    const run = issued.get(row.runId);
    if (!run) continue;
    run.contractsBilled += row.count;
    if (row.invoiceType === 'INVOICE') run.invoicesIssued += row.count;
    else run.creditNotesIssued += row.count;
    let totals = run.totals.find((candidate) => candidate.currency === row.currency);
    if (!totals) {
      totals = { currency: row.currency, withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
      run.totals.push(totals);
    }
    totals.withoutTaxMinor += Number(row.withoutTaxMinor);
    totals.taxMinor += Number(row.taxMinor);
    totals.withTaxMinor += Number(row.withTaxMinor);
  }
  return issued;
}

function invoiceTotalsOf(db: Queryable, runIds: string[]) {
  return db
    .select({
      runId: invoices.runId,
      invoiceType: invoices.invoiceType,
      currency: invoices.currency,
      count: count(),
      withoutTaxMinor: sql<string>`sum(${invoices.totalWithoutTaxMinor})`,
      taxMinor: sql<string>`sum(${invoices.totalTaxMinor})`,
      withTaxMinor: sql<string>`sum(${invoices.totalWithTaxMinor})`,
    })
    .from(invoices)
    .where(inArray(invoices.runId, [...runIds]))
    .groupBy(invoices.runId, invoices.invoiceType, invoices.currency)
    .orderBy(invoices.runId, invoices.currency);
}

/**
 * Per run, its credit notes, and how many contracts got a credit note but no invoice from it:
 * a run issues at most one invoice per contract, so the contracts it billed are its invoices
 * plus those (a contract with both counts once).
 */
function creditNoteCountsOf(db: Queryable, runIds: string[]) {
  return db
    .select({
      runId: sql<string>`${creditNotes.runId}`,
      count: count(),
      // Written out with table names: drizzle leaves the columns of a one-table select unqualified, which the subquery would read as its own.
      contractsWithoutInvoice: sql<number>`count(distinct credit_notes.contract_ref) filter (where not exists (select 1 from invoices where invoices.run_id = credit_notes.run_id and invoices.contract_ref = credit_notes.contract_ref))::int`,
    })
    .from(creditNotes)
    .where(inArray(creditNotes.runId, runIds))
    .groupBy(creditNotes.runId);
}
