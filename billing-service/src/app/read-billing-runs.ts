import { findBillingRun, findIssuedByRuns, listBillingRuns, type BillingRunIssued, type BillingRunRow, type BillingRunStatus } from '../infra/billing-run-repository';
import type { Queryable } from '../infra/database';

export interface BillingRunView {
  run: BillingRunRow;
  issued: BillingRunIssued;
}

const nothingIssued: BillingRunIssued = { invoicesIssued: 0, creditNotesIssued: 0, contractsBilled: 0, totals: [] };

/** Read side: the run's row and what its invoices and credit notes add up to. */
export async function getBillingRun(db: Queryable, runId: string): Promise<BillingRunView | undefined> {
  const run = await findBillingRun(db, runId);
  if (!run) return undefined;
  const issued = await findIssuedByRuns(db, [runId]);
  return { run, issued: issued.get(runId) ?? nothingIssued };
}

export async function listBillingRunViews(
  db: Queryable,
  filters: { period?: string; status?: BillingRunStatus },
  page: { limit: number; offset: number },
): Promise<{ views: BillingRunView[]; total: number }> {
  const { rows, total } = await listBillingRuns(db, filters, page);
  const issued = await findIssuedByRuns(
    db,
    rows.map((row) => row.runId),
  );
  return { views: rows.map((run) => ({ run, issued: issued.get(run.runId) ?? nothingIssued })), total };
}
