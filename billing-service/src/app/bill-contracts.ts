import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { enqueueEvents, type OutgoingEvent } from '@boissipay/runtime';
import { formatCreditNoteRef } from '../domain/credit-note';
import type { IssuedInvoice } from '../domain/invoice';
import { formatInvoiceRef, numberingYearOf } from '../domain/invoice-number';
import { planContractBilling, type ContractBillingPlan } from '../domain/plan-contract-billing';
import { creditNoteIssuedEventOf } from '../events/credit-note-issued-event';
import { invoiceIssuedEventOf } from '../events/invoice-issued-event';
import { insertCreditNotes, markRefundsOfCreditNotes, takeNextCreditNoteNumbers, type CreditNoteRow } from '../infra/credit-note-repository';
import {
  findBillableOperationsOf,
  findContractsInvoicedInPeriod,
  findCreditsToDeduct,
  insertInvoices,
  lockContractsForBilling,
  markOperationsOfInvoices,
  takeNextInvoiceNumbers,
  type ContractRow,
  type InvoiceIssue,
  type OperationsTaken,
} from '../infra/invoice-repository';
import { issuedInvoiceOf, refundCreditNoteOf, type BillingRunOfContract, type ContractBillingDependencies, type ContractBillingOutcome } from './bill-contract';
import { momentOf } from './dependencies';

interface PlannedContract {
  contractRef: string;
  contract: ContractRow | null;
  plan: ContractBillingPlan;
}

/**
 * Bills a batch of contracts (in contract order) for the period in one transaction and a
 * fixed number of round trips, whatever the batch's size: the contracts locked in contract
 * order, what each has left to invoice read for all at once, each one's credit notes and
 * invoice decided by the same pure code as billContract (domain/plan-contract-billing.ts), the
 * numbers of the batch taken in contract order at the end of the reads (gapless: the batch's
 * transaction holds the counters until it commits), then every credit note, invoice, line,
 * operation taken off the queue and outbox row written by one multi-row statement each.
 *
 * The batch commits or not as a whole, so each contract is still billed entirely or not at
 * all; what one contract decides (failed for mixed currencies, skipped) writes nothing for it
 * and does not stop the others. The caller bills the contracts one by one when the batch
 * throws. docs/adr/0030.
 */
export async function billContracts(deps: ContractBillingDependencies, contractRefs: readonly string[], run: BillingRunOfContract): Promise<Map<string, ContractBillingOutcome>> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockContractsForBilling(tx, contractRefs);
    const known = contractRefs.filter((contractRef) => locked.get(contractRef));
    const invoiced = known.length > 0 ? await findContractsInvoicedInPeriod(tx, known, run.period.id) : new Set<string>();
    const toRead = known.filter((contractRef) => !invoiced.has(contractRef));
    const billable = toRead.length > 0 ? await findBillableOperationsOf(tx, toRead, run.period.endExclusive) : new Map();
    const withOperations = toRead.filter((contractRef) => billable.has(contractRef));
    const credits = withOperations.length > 0 ? await findCreditsToDeduct(tx, withOperations) : new Map<string, number>();

    const planned: PlannedContract[] = contractRefs.map((contractRef) => {
      const contract = locked.get(contractRef) ?? null;
      const plan = planContractBilling({
        contractRef,
        known: contract !== null,
        alreadyInvoiced: invoiced.has(contractRef),
        billable: billable.get(contractRef) ?? [],
        creditToDeduct: credits.get(contractRef) ?? 0,
      });
      return { contractRef, contract, plan };
    });

    const moment = momentOf(deps);
    const year = numberingYearOf(moment.today);
    const plans = planned.map(({ plan }) => plan);
    // The counters last, once everything is read and built, credit notes before invoices as in billContract: one lock order for every issuer.
    const creditNoteCount = plans.reduce((sum, plan) => sum + (plan.kind === 'bill' ? plan.creditNotes.length : 0), 0);
    const invoiceCount = plans.filter((plan) => plan.kind === 'bill' && plan.invoice).length;
    let nextCreditNoteNumber = creditNoteCount > 0 ? await takeNextCreditNoteNumbers(tx, year, creditNoteCount) : 0;
    let nextInvoiceNumber = invoiceCount > 0 ? await takeNextInvoiceNumbers(tx, year, invoiceCount) : 0;

    const outcomes = new Map<string, ContractBillingOutcome>();
    const creditNotes: CreditNoteRow[] = [];
    const refundsCredited: OperationsTaken[] = [];
    const invoices: ({ invoice: IssuedInvoice } & InvoiceIssue)[] = [];
    const operationsInvoiced: OperationsTaken[] = [];
    const events: OutgoingEvent<{ eventId: string }>[] = [];
    for (const { contractRef, contract, plan } of planned) {
      if (plan.kind !== 'bill') {
        outcomes.set(contractRef, plan);
        continue;
      }
      if (!contract) throw new Error(`contract ${contractRef} planned for billing without its row`);
      const creditNoteRefs: string[] = [];
      for (const draft of plan.creditNotes) {
        const creditNote = refundCreditNoteOf(deps, { contractRef, run, draft, moment, creditNoteRef: formatCreditNoteRef(year, nextCreditNoteNumber++) });
        creditNotes.push(creditNote);
        refundsCredited.push({ contractRef, operationIds: draft.operationIds, documentId: creditNote.creditNoteId, documentRef: creditNote.creditNoteRef });
        events.push({ topic: billingCreditNoteIssuedV1Event.eventTopic.topic, key: contractRef, event: creditNoteIssuedEventOf(creditNote, { correlationId: run.correlationId }) });
        creditNoteRefs.push(creditNote.creditNoteRef);
      }
      if (!plan.invoice) {
        outcomes.set(contractRef, { kind: 'credited', creditNoteRefs });
        continue;
      }
      const invoice = issuedInvoiceOf(deps, { draft: plan.invoice, contract, run, issueDate: moment.today, invoiceRef: formatInvoiceRef(year, nextInvoiceNumber++) });
      const event = invoiceIssuedEventOf(invoice, { eventId: deps.newId(), occurredAt: moment.now, correlationId: run.correlationId });
      invoices.push({ invoice, runId: run.runId, issuedEventId: event.eventId, issuedAt: moment.now });
      operationsInvoiced.push({ contractRef, operationIds: invoice.operationIds, documentId: invoice.invoiceId, documentRef: invoice.invoiceRef });
      events.push({ topic: billingInvoiceIssuedV1Event.eventTopic.topic, key: contractRef, event });
      outcomes.set(contractRef, { kind: 'issued', invoiceRef: invoice.invoiceRef, invoiceType: invoice.invoiceType, currency: invoice.currency, totals: invoice.totals, creditNoteRefs });
    }

    // The credit notes before the invoices, as billContract writes them; each statement covers the whole batch.
    await insertCreditNotes(tx, creditNotes);
    await markRefundsOfCreditNotes(tx, refundsCredited);
    await insertInvoices(tx, invoices);
    await markOperationsOfInvoices(tx, operationsInvoiced);
    // One key's events in the order billContract enqueues them: its credit notes, then its invoice.
    await enqueueEvents(tx, events);
    return outcomes;
  });
}
