import { recordAuditEvent, type AuditContext, type CustomerScope } from '@boissipay/runtime';
import { decideReturn, paymentRefOfDebitKey, type ReportedReturn } from '../domain/debit-return';
import type { PaymentDatabase } from '../infra/database';
import { lockPaymentForAction, savePaymentAfterAction } from '../infra/payment-repository';
import type { RecordingDependencies } from './dependencies';
import { enqueuePaymentResult } from './publish-result';

export type ReturnOutcomeKind = 'RETURNED' | 'ALREADY_RETURNED' | 'NOT_RETURNABLE' | 'UNKNOWN';

export interface ReturnOutcome {
  debitKey: string;
  paymentRef: string | null;
  outcome: ReturnOutcomeKind;
}

/**
 * Records returns (R-transactions) in one transaction: for each, lock its payment → decide
 * (pure, domain/debit-return.ts) → RETURNED with its reason, the audit entry and the
 * payment.result.v1 RETURNED row in the outbox. A return recorded before is ALREADY_RETURNED and
 * changes nothing, so a report imported twice, or reported again by a provider that did not hear
 * our acknowledgement, is harmless. Payments are locked in debit-key order whatever the order of
 * the report (two imports at once cannot deadlock); the outcomes come back in the report's order.
 */
export async function recordReturns(
  db: PaymentDatabase,
  returns: readonly ReportedReturn[],
  dependencies: Pick<RecordingDependencies, 'clock' | 'newEventId'> & { scope: CustomerScope; audit: AuditContext },
): Promise<ReturnOutcome[]> {
  const outcomes = new Map<string, ReturnOutcome>();
  await db.transaction(async (tx) => {
    const now = dependencies.clock();
    const ordered = [...returns].sort((a, b) => (a.debitKey < b.debitKey ? -1 : a.debitKey > b.debitKey ? 1 : 0));
    for (const reported of ordered) {
      if (outcomes.has(reported.debitKey)) continue;
      const paymentRef = paymentRefOfDebitKey(reported.debitKey) ?? null;
      const found = paymentRef ? await lockPaymentForAction(tx, paymentRef, dependencies.scope) : undefined;
      if (!found) {
        outcomes.set(reported.debitKey, { debitKey: reported.debitKey, paymentRef: null, outcome: 'UNKNOWN' });
        continue;
      }
      const decision = decideReturn(found.payment, reported, now);
      if (decision.kind !== 'returned') {
        outcomes.set(reported.debitKey, { debitKey: reported.debitKey, paymentRef, outcome: decision.kind === 'already-returned' ? 'ALREADY_RETURNED' : 'NOT_RETURNABLE' });
        continue;
      }
      await savePaymentAfterAction(tx, decision.payment);
      await recordAuditEvent(tx, {
        ...dependencies.audit,
        occurredAt: now,
        entityType: 'payment',
        entityId: decision.payment.paymentRef,
        action: 'RECORD_DEBIT_RETURN',
        reason: decision.payment.reasonMessage ?? undefined,
        before: { status: found.payment.status },
        after: { status: decision.payment.status, returnReasonCode: reported.returnReasonCode },
      });
      await enqueuePaymentResult(tx, decision.payment, dependencies, now);
      outcomes.set(reported.debitKey, { debitKey: reported.debitKey, paymentRef, outcome: 'RETURNED' });
    }
  });
  return returns.map((reported) => outcomes.get(reported.debitKey) ?? { debitKey: reported.debitKey, paymentRef: null, outcome: 'UNKNOWN' });
}
