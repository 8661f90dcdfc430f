import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { transactionalOutbox } from '@boissipay/runtime';
import type { BillingPeriod } from '../domain/billing-period';
import { addDays } from '../domain/billing-period';
import { collectionDateOf } from '../domain/collection-date';
import { formatCreditNoteRef } from '../domain/credit-note';
import type { InvoiceDraft, InvoiceTotals, InvoiceType, IssuedInvoice } from '../domain/invoice';
import { formatInvoiceRef, numberingYearOf } from '../domain/invoice-number';
import { planContractBilling, unknownContractMessage } from '../domain/plan-contract-billing';
import type { RefundCreditNoteDraft } from '../domain/refund-credit-note';
import { creditNoteIssuedEventOf } from '../events/credit-note-issued-event';
import { invoiceIssuedEventOf } from '../events/invoice-issued-event';
import { insertCreditNote, markRefundsCredited, takeNextCreditNoteNumber, type CreditNoteRow } from '../infra/credit-note-repository';
import type { BillingTransaction } from '../infra/database';
import {
  findBillableOperations,
  findCreditToDeduct,
  findInvoiceRefOfPeriod,
  insertInvoice,
  invoicePartyOf,
  lockContractForBilling,
  type ContractRow,
  markOperationsInvoiced,
  takeNextInvoiceNumber,
} from '../infra/invoice-repository';
import { momentOf, type BillingRunDependencies, type Moment } from './dependencies';

export type ContractBillingDependencies = Pick<BillingRunDependencies, 'db' | 'clock' | 'newId' | 'timeZone' | 'paymentTermDays' | 'prenotificationDays'>;

/** The run a contract is billed by. */
export interface BillingRunOfContract {
  runId: string;
  period: BillingPeriod;
  correlationId: string | null;
}

/** Who issues the credit notes a billing run issues for refunds. */
export const BILLING_RUN_ISSUER = 'system:billing-run';

export type ContractBillingOutcome =
  | { kind: 'issued'; invoiceRef: string; invoiceType: InvoiceType; currency: string; totals: InvoiceTotals; creditNoteRefs: string[] }
  | { kind: 'credited'; creditNoteRefs: string[] }
  | { kind: 'skipped'; reason: 'already-invoiced' | 'nothing-to-invoice' }
  | { kind: 'failed'; message: string };

/**
 * Bills one contract for the period, all in one transaction: the credit notes for refunds of
 * purchases an earlier invoice billed (docs/adr/0026), the invoice, its lines, the numbers,
 * the operations marked invoiced or credited and the billing.credit-note-issued.v1 and
 * billing.invoice-issued.v1 events commit together or not at all. Under the contract's lock
 * the run re-reads what is left to invoice, so a concurrent run, or a run repeated after a
 * crash, finds the invoice already there (or the operations already invoiced or credited) and
 * issues nothing twice. The invoice deducts the contract's credit not deducted yet, the new
 * credit notes' included; nothing lowers the outstanding here: each refund lowered it when it
 * was accepted.
 */
export async function billContract(deps: ContractBillingDependencies, contractRef: string, run: BillingRunOfContract): Promise<ContractBillingOutcome> {
  return deps.db.transaction(async (tx) => {
    const contract = (await lockContractForBilling(tx, contractRef))?.contract;
    if (!contract) return { kind: 'failed', message: unknownContractMessage(contractRef) };
    const alreadyInvoiced = (await findInvoiceRefOfPeriod(tx, contractRef, run.period.id)) !== undefined;
    const billable = alreadyInvoiced ? [] : await findBillableOperations(tx, contractRef, run.period.endExclusive);
    const creditToDeduct = billable.length > 0 ? await findCreditToDeduct(tx, contractRef) : 0;
    const plan = planContractBilling({ contractRef, known: true, alreadyInvoiced, billable, creditToDeduct });
    if (plan.kind !== 'bill') return plan;

    const moment = momentOf(deps);
    const creditNoteRefs: string[] = [];
    for (const draft of plan.creditNotes) creditNoteRefs.push(await issueRefundCreditNote(tx, deps, { contractRef, run, draft, moment }));
    if (!plan.invoice) return { kind: 'credited', creditNoteRefs };

    const { now: issuedAt, today: issueDate } = moment;
    const year = numberingYearOf(issueDate);
    // Taken once everything is read and built: the counter row, which every issuer waits on, stays locked the shortest time.
    const invoice = issuedInvoiceOf(deps, { draft: plan.invoice, contract, run, issueDate, invoiceRef: formatInvoiceRef(year, await takeNextInvoiceNumber(tx, year)) });
    const event = invoiceIssuedEventOf(invoice, { eventId: deps.newId(), occurredAt: issuedAt, correlationId: run.correlationId });
    await insertInvoice(tx, invoice, { runId: run.runId, issuedEventId: event.eventId, issuedAt });
    await markOperationsInvoiced(tx, contractRef, invoice.operationIds, invoice);
    await transactionalOutbox.enqueue(tx, billingInvoiceIssuedV1Event.eventTopic, { key: contractRef, event });
    return { kind: 'issued', invoiceRef: invoice.invoiceRef, invoiceType: invoice.invoiceType, currency: invoice.currency, totals: invoice.totals, creditNoteRefs };
  });
}

/** The invoice of a contract's draft once it has its number: who it bills, its dates. */
export function issuedInvoiceOf(
  deps: Pick<ContractBillingDependencies, 'newId' | 'paymentTermDays' | 'prenotificationDays'>,
  { draft, contract, run, issueDate, invoiceRef }: { draft: InvoiceDraft; contract: ContractRow; run: BillingRunOfContract; issueDate: string; invoiceRef: string },
): IssuedInvoice {
  const dueDate = addDays(issueDate, deps.paymentTermDays);
  return {
    ...draft,
    ...invoicePartyOf(contract),
    invoiceId: deps.newId(),
    invoiceRef,
    period: run.period.id,
    issueDate,
    dueDate,
    collectionDate: collectionDateOf({ issueDate, dueDate }, deps.prenotificationDays),
  };
}

/** A credit note of the credit-note series for refunds of one earlier invoice, its refunds taken off the queue, and its event. */
async function issueRefundCreditNote(
  tx: BillingTransaction,
  deps: ContractBillingDependencies,
  { contractRef, run, draft, moment }: { contractRef: string; run: BillingRunOfContract; draft: RefundCreditNoteDraft; moment: Moment },
): Promise<string> {
  const creditNoteRef = formatCreditNoteRef(numberingYearOf(moment.today), await takeNextCreditNoteNumber(tx, numberingYearOf(moment.today)));
  const creditNote = refundCreditNoteOf(deps, { contractRef, run, draft, moment, creditNoteRef });
  await insertCreditNote(tx, creditNote);
  await markRefundsCredited(tx, contractRef, draft.operationIds, creditNote);
  const event = creditNoteIssuedEventOf(creditNote, { correlationId: run.correlationId });
  await transactionalOutbox.enqueue(tx, billingCreditNoteIssuedV1Event.eventTopic, { key: contractRef, event });
  return creditNote.creditNoteRef;
}

/** The credit note a run issues for refunds of one earlier invoice, once it has its number. */
export function refundCreditNoteOf(
  deps: Pick<ContractBillingDependencies, 'newId'>,
  { contractRef, run, draft, moment, creditNoteRef }: { contractRef: string; run: BillingRunOfContract; draft: RefundCreditNoteDraft; moment: Moment; creditNoteRef: string },
): CreditNoteRow {
  return {
    creditNoteId: deps.newId(),
    creditNoteRef,
    invoiceId: draft.precedingInvoice.invoiceId,
    invoiceRef: draft.precedingInvoice.invoiceRef,
    invoiceIssueDate: draft.precedingInvoice.issueDate,
    language: draft.precedingInvoice.language,
    contractRef,
    runId: run.runId,
    issueDate: moment.today,
    issuedAt: moment.now,
    currency: draft.currency,
    totalWithoutTaxMinor: draft.totals.withoutTaxMinor,
    totalTaxMinor: draft.totals.taxMinor,
    totalWithTaxMinor: draft.totals.withTaxMinor,
    vatBreakdown: draft.vatBreakdown,
    lines: draft.lines,
    reason: draft.reason,
    issuedBy: BILLING_RUN_ISSUER,
    idempotencyKey: null,
    requestHash: `refunds:${draft.operationIds.join(',')}`,
    issuedEventId: deps.newId(),
  };
}
