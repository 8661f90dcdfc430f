import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { transactionalOutbox } from '@boissipay/runtime';
import type { BillingPeriod } from '../domain/billing-period';
import { addDays } from '../domain/billing-period';
import { buildInvoiceDraft } from '../domain/build-invoice';
import { collectionDateOf } from '../domain/collection-date';
import type { InvoiceTotals, InvoiceType, IssuedInvoice } from '../domain/invoice';
import { formatInvoiceRef, numberingYearOf } from '../domain/invoice-number';
import { invoiceIssuedEventOf } from '../events/invoice-issued-event';
import {
  findBillableOperations,
  findInvoiceRefOfPeriod,
  insertInvoice,
  invoicePartyOf,
  lockContractForBilling,
  markOperationsInvoiced,
  takeNextInvoiceNumber,
} from '../infra/invoice-repository';
import { momentOf, type BillingRunDependencies } from './dependencies';

export type ContractBillingDependencies = Pick<BillingRunDependencies, 'db' | 'clock' | 'newId' | 'timeZone' | 'paymentTermDays' | 'prenotificationDays'>;

/** The run a contract is billed by. */
export interface BillingRunOfContract {
  runId: string;
  period: BillingPeriod;
  correlationId: string | null;
}

export type ContractBillingOutcome =
  | { kind: 'issued'; invoiceRef: string; invoiceType: InvoiceType; currency: string; totals: InvoiceTotals }
  | { kind: 'skipped'; reason: 'already-invoiced' | 'nothing-to-invoice' }
  | { kind: 'failed'; message: string };

/**
 * Bills one contract for the period, all in one transaction: the invoice, its lines, its
 * number, the operations marked invoiced and the billing.invoice-issued.v1 event commit
 * together or not at all. Under the contract's lock the run re-reads what is left to invoice,
 * so a concurrent run, or a run repeated after a crash, finds the invoice already there (or
 * the operations already invoiced) and issues nothing twice.
 */
export async function billContract(deps: ContractBillingDependencies, contractRef: string, run: BillingRunOfContract): Promise<ContractBillingOutcome> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockContractForBilling(tx, contractRef);
    if (!locked?.contract) return { kind: 'failed', message: `Billing's read model has no contract ${contractRef}.` };
    if (await findInvoiceRefOfPeriod(tx, contractRef, run.period.id)) return { kind: 'skipped', reason: 'already-invoiced' };

    const outcome = buildInvoiceDraft(await findBillableOperations(tx, contractRef, run.period.endExclusive));
    if (outcome.kind === 'nothing-to-invoice') return { kind: 'skipped', reason: 'nothing-to-invoice' };
    if (outcome.kind === 'mixed-currencies') {
      return { kind: 'failed', message: `Operations to invoice are in several currencies (${outcome.currencies.join(', ')}); one invoice has one currency.` };
    }

    const { now: issuedAt, today: issueDate } = momentOf(deps);
    const year = numberingYearOf(issueDate);
    // Taken once everything is read and built: the counter row, which every issuer waits on, stays locked the shortest time.
    const invoiceRef = formatInvoiceRef(year, await takeNextInvoiceNumber(tx, year));
    const dueDate = addDays(issueDate, deps.paymentTermDays);
    const invoice: IssuedInvoice = {
      ...outcome.draft,
      ...invoicePartyOf(locked.contract),
      invoiceId: deps.newId(),
      invoiceRef,
      period: run.period.id,
      issueDate,
      dueDate,
      collectionDate: collectionDateOf({ issueDate, dueDate }, deps.prenotificationDays),
    };
    const event = invoiceIssuedEventOf(invoice, { eventId: deps.newId(), occurredAt: issuedAt, correlationId: run.correlationId });
    await insertInvoice(tx, invoice, { runId: run.runId, issuedEventId: event.eventId, issuedAt });
    await markOperationsInvoiced(tx, contractRef, invoice.operationIds, invoice);
    await transactionalOutbox.enqueue(tx, billingInvoiceIssuedV1Event.eventTopic, { key: contractRef, event });
    return { kind: 'issued', invoiceRef, invoiceType: invoice.invoiceType, currency: invoice.currency, totals: invoice.totals };
  });
}
