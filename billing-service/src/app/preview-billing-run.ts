import type { BillingPeriod } from '../domain/billing-period';
import { buildInvoiceDraft } from '../domain/build-invoice';
import { separateRefundsOfEarlierInvoices } from '../domain/refund-credit-note';
import type { InvoiceDraft } from '../domain/invoice';
import { findBillableOperations, findContractsToBill } from '../infra/invoice-repository';
import type { Queryable } from '../infra/database';
import type { BillingRunErrorRow } from '../infra/schema';

export interface ContractPreview {
  contractRef: string;
  operationCount: number;
  draft: InvoiceDraft;
}

export interface BillingRunPreview {
  contracts: ContractPreview[];
  errors: BillingRunErrorRow[];
}

/**
 * A dry run: what a run of the period would invoice now, contract by contract, computed the
 * way the run does but reading only — no lock, no number, nothing written. Refunds of
 * purchases an earlier invoice billed are left out, as the run credits them by credit notes;
 * the credit the invoice would deduct is not previewed.
 */
export async function previewBillingRun(db: Queryable, period: BillingPeriod, batchSize = 500): Promise<BillingRunPreview> {
  const preview: BillingRunPreview = { contracts: [], errors: [] };
  let after = '';
  for (;;) {
    const batch = await findContractsToBill(db, period, after, batchSize);
    if (batch.length === 0) return preview;
    for (const contractRef of batch) {
      const { toInvoice: operations } = separateRefundsOfEarlierInvoices(await findBillableOperations(db, contractRef, period.endExclusive));
      const outcome = buildInvoiceDraft(operations);
      if (outcome.kind === 'draft') preview.contracts.push({ contractRef, operationCount: operations.length, draft: outcome.draft });
      else if (outcome.kind === 'mixed-currencies') preview.errors.push({ contractRef, message: `Operations to invoice are in several currencies (${outcome.currencies.join(', ')}).` });
    }
    after = batch[batch.length - 1] ?? after;
  }
}
