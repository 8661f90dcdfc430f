import { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { MoneyError, toMinorUnits } from '@boissipay/money';
import {
  idempotentTransaction,
  IdempotencyKeyTaken,
  recordAuditEvent,
  requestFingerprint,
  transactionalOutbox,
  type AuditContext,
  type CustomerScope,
} from '@boissipay/runtime';
import { decideCreditNote, formatCreditNoteRef, type CreditRefusalCode } from '../domain/credit-note';
import { numberingYearOf } from '../domain/invoice-number';
import { creditNoteIssuedEventOf } from '../events/credit-note-issued-event';
import { findCreditNoteByIdempotencyKey, insertCreditNote, lockInvoiceToCredit, takeNextCreditNoteNumber, type CreditNoteRow } from '../infra/credit-note-repository';
import { addToOutstanding } from '../infra/operations-repository';
import { momentOf, type BillingDependencies } from './dependencies';

export interface CreditNoteRequest {
  invoiceRef: string;
  reason: string;
  /** Decimal amount with tax, in the invoice's currency; all that remains creditable when undefined. */
  amount?: number;
  /** The caller (token subject): idempotency keys are per client. */
  issuedBy: string;
  idempotencyKey?: string;
  correlationId: string | null;
  /** Whose invoices the caller may credit: another customer's invoice is not found. */
  scope: CustomerScope;
  /** Who asks and under which request id, for the audit trail. */
  audit: AuditContext;
}

export type CreditNoteResult =
  | { kind: 'issued' | 'replayed'; creditNote: CreditNoteRow }
  | { kind: 'invoice-not-found' }
  | { kind: 'refused'; code: CreditRefusalCode | 'INVALID_AMOUNT'; message: string }
  | { kind: 'key-reused'; message: string };

/**
 * Issues a credit note against an invoice, in one transaction: lock the contract's balance and
 * the invoice → decide (pure, domain/credit-note.ts) → take the next number of the credit-note
 * series for the issue date's year → store the credit note (with why, by whom and the client's
 * Idempotency-Key) → lower the outstanding by its total with tax → its
 * billing.credit-note-issued.v1 in the outbox and its audit entry. A rollback gives the
 * number back: no gaps.
 */
export async function issueCreditNote(dependencies: Pick<BillingDependencies, 'db' | 'clock' | 'newId' | 'timeZone'>, request: CreditNoteRequest): Promise<CreditNoteResult> {
  const { db } = dependencies;
  const requestHash = requestFingerprint({ invoiceRef: request.invoiceRef, reason: request.reason, amount: request.amount });
  const outcome = await idempotentTransaction(
    db,
    { idempotencyKey: request.idempotencyKey, requestHash },
    (reader, key) => findCreditNoteByIdempotencyKey(reader, request.issuedBy, key),
    async (tx, keyStillFree): Promise<CreditNoteResult> => {
      const invoice = await lockInvoiceToCredit(tx, request.invoiceRef, request.scope);
      if (!invoice) return { kind: 'invoice-not-found' };
      await keyStillFree();
      const amountMinor = minorUnitsOf(request.amount, invoice.currency);
      if (typeof amountMinor === 'object') return amountMinor;
      const decision = decideCreditNote(invoice, amountMinor);
      if (decision.kind === 'refused') return decision;
      const { now, today } = momentOf(dependencies);
      const year = numberingYearOf(today);
      const { draft } = decision;
      const creditNote: CreditNoteRow = {
        creditNoteId: dependencies.newId(),
        creditNoteRef: formatCreditNoteRef(year, await takeNextCreditNoteNumber(tx, year)),
        invoiceId: invoice.invoiceId,
        invoiceRef: invoice.invoiceRef,
        contractRef: invoice.contractRef,
        issueDate: today,
        issuedAt: now,
        language: invoice.language,
        currency: draft.currency,
        totalWithoutTaxMinor: draft.totals.withoutTaxMinor,
        totalTaxMinor: draft.totals.taxMinor,
        totalWithTaxMinor: draft.totals.withTaxMinor,
        vatBreakdown: draft.vatBreakdown,
        lines: draft.lines,
        reason: request.reason,
        issuedBy: request.issuedBy,
        idempotencyKey: request.idempotencyKey ?? null,
        requestHash,
        issuedEventId: dependencies.newId(),
      };
      if (!(await insertCreditNote(tx, creditNote))) throw new IdempotencyKeyTaken();
      await addToOutstanding(tx, invoice.contractRef, -creditNote.totalWithTaxMinor, now);
      await recordAuditEvent(tx, {
        ...request.audit,
        occurredAt: now,
        entityType: 'invoice',
        entityId: invoice.invoiceRef,
        action: 'ISSUE_CREDIT_NOTE',
        reason: request.reason,
        after: { creditNoteRef: creditNote.creditNoteRef, totalWithTaxMinor: creditNote.totalWithTaxMinor, currency: creditNote.currency },
      });
      const event = creditNoteIssuedEventOf(creditNote, { correlationId: request.correlationId });
      await transactionalOutbox.enqueue(tx, billingCreditNoteIssuedV1Event.eventTopic, { key: creditNote.contractRef, event });
      return { kind: 'issued', creditNote };
    },
  );
  if (outcome.kind !== 'seen-under-key') return outcome;
  if (!outcome.sameRequest) {
    return { kind: 'key-reused', message: `Idempotency-Key ${request.idempotencyKey} was already used for a different request (credit note ${outcome.seen.creditNoteRef}).` };
  }
  return { kind: 'replayed', creditNote: outcome.seen };
}

/** The decimal amount in the invoice's currency's minor units; a refusal when it has more decimals than the currency. */
function minorUnitsOf(amount: number | undefined, currency: string): number | undefined | { kind: 'refused'; code: 'INVALID_AMOUNT'; message: string } {
  if (amount === undefined) return undefined;
  try {
    return toMinorUnits(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    return { kind: 'refused', code: 'INVALID_AMOUNT', message: `amount: ${error.message} (${currency}).` };
  }
}
