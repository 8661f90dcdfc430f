import { buildInvoiceDraft } from './build-invoice';
import type { BillableOperation, InvoiceDraft } from './invoice';
import { separateRefundsOfEarlierInvoices, type RefundCreditNoteDraft } from './refund-credit-note';

/** What a billing run does for one contract, decided from what it read under the contract's lock. */
export type ContractBillingPlan =
  | { kind: 'failed'; message: string }
  | { kind: 'skipped'; reason: 'already-invoiced' | 'nothing-to-invoice' }
  /** The credit notes for refunds of earlier invoices, in order, then the period's invoice if anything is left to invoice. */
  | { kind: 'bill'; creditNotes: RefundCreditNoteDraft[]; invoice: InvoiceDraft | undefined };

export interface ContractToBill {
  contractRef: string;
  /** False when billing's read model has a balance but no contract row. */
  known: boolean;
  /** The contract has an invoice for the period already (another run, or this one before a crash). */
  alreadyInvoiced: boolean;
  /** Its accepted operations not invoiced yet, dated before the period's end, oldest first. */
  billable: readonly BillableOperation[];
  /** Its credit not deducted yet (credit notes less what invoices deducted), before the new credit notes. */
  creditToDeduct: number;
}

export const unknownContractMessage = (contractRef: string) => `Billing's read model has no contract ${contractRef}.`;

const severalCurrencies = (currencies: readonly string[]) =>
  `Operations to invoice are in several currencies (${currencies.join(', ')}); one invoice has one currency.`;

/**
 * The one decision of a billing run per contract, whether the contract is billed in a
 * transaction of its own or in a batch: refunds of purchases an earlier invoice billed become
 * credit notes (docs/adr/0026), the rest makes the invoice, which deducts the contract's credit,
 * the new credit notes' included. One currency per invoice: several make the contract fail.
 */
export function planContractBilling(contract: ContractToBill): ContractBillingPlan {
  if (!contract.known) return { kind: 'failed', message: unknownContractMessage(contract.contractRef) };
  if (contract.alreadyInvoiced) return { kind: 'skipped', reason: 'already-invoiced' };
  const currencies = [...new Set(contract.billable.map((operation) => operation.currency))].sort();
  if (currencies.length > 1) return { kind: 'failed', message: severalCurrencies(currencies) };

  const { toInvoice, creditNotes } = separateRefundsOfEarlierInvoices(contract.billable);
  const credited = creditNotes.reduce((sum, creditNote) => sum + creditNote.totals.withTaxMinor, 0);
  const outcome = buildInvoiceDraft(toInvoice, toInvoice.length > 0 ? contract.creditToDeduct + credited : 0);
  if (outcome.kind === 'mixed-currencies') return { kind: 'failed', message: severalCurrencies(outcome.currencies) };
  if (outcome.kind === 'nothing-to-invoice' && creditNotes.length === 0) return { kind: 'skipped', reason: 'nothing-to-invoice' };
  return { kind: 'bill', creditNotes, invoice: outcome.kind === 'draft' ? outcome.draft : undefined };
}
