import { billingOperationDecidedV1Event } from '@boissipay/contracts';
import { isInCustomerScope, transactionalOutbox, type AuditContext } from '@boissipay/runtime';
import { decidePurchase } from '../domain/decide-purchase';
import { decideRefund } from '../domain/decide-refund';
import type { Refusal } from '../domain/billing.errors';
import type { Decision } from '../domain/decision';
import { checkOrderAmounts } from '../domain/order-totals';
import {
  addToOutstanding,
  contractViewOf,
  findPreviousSubmission,
  findRefundablePurchase,
  insertOperation,
  lockBalanceWithContract,
  type NewOperationRow,
  type OperationRow,
  type StoredOperationRow,
} from '../infra/operations-repository';
import { operationDecidedEventOf } from '../events/operation-decided-event';
import { auditOperationDecision } from './audit-operation';
import { momentOf, type BillingDependencies } from './dependencies';
import type { Submission } from './submission';

/** The HTTP answer to a decision, as it is sent and stored for replays. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Everything of the operation but the answer, which is rendered from it. */
export type DecidedOperation = Omit<NewOperationRow, 'responseStatus' | 'responseBody'> & Pick<OperationRow, 'decidedAt' | 'invoiceRef'>;

export type SubmitOutcome =
  | { kind: 'answered'; answer: Answer; replayed: boolean }
  | { kind: 'refused'; refusal: Refusal<'TOTALS_MISMATCH' | 'AMOUNT_NOT_POSITIVE' | 'IDEMPOTENCY_KEY_REUSED' | 'ORDER_REF_REUSED' | 'CONTRACT_UNKNOWN'> };

export type SubmitDependencies = Pick<BillingDependencies, 'db' | 'clock' | 'newId' | 'timeZone'> & {
  /** BILLING_OPERATION_MAX_DAYS_AHEAD: how many days after today an operation may be dated. */
  operationMaxDaysAhead: number;
};

const UNIQUE_VIOLATION = '23505';

/**
 * Decides a purchase or a refund and stores the operation with the answer, accepted or not, and
 * its billing.operation-decided.v1 event in the outbox.
 * An order whose amounts do not add up, or are for nothing, is refused before anything is
 * read or stored.
 *
 * Locking the contract's balance row first puts every decision on one contract in a queue:
 * the outstanding read, the decision and the new outstanding commit as one step, so 50
 * racing purchases can never push it over the limit (docs/adr/0005). Under that lock a
 * replay finds the first answer; a replay racing across contracts (or on an unknown
 * contract, which has no row to lock) is caught by the unique indexes and answered the same.
 * `audit` (who submitted it, under which request id) goes to the audit trail with the
 * decision; a replay records nothing.
 *
 * A submitter restricted to some customers (its token's customers claim) gets CONTRACT_UNKNOWN,
 * with nothing recorded nor published, for a contract that is not one of theirs or that billing
 * does not know: it must neither learn that another customer's contract exists nor leave rows
 * (even rejected ones) on it. Checked before the replay lookup, so a replay reveals nothing either.
 */
export async function submitOperation(
  deps: SubmitDependencies,
  submission: Submission,
  render: (operation: DecidedOperation) => Answer,
  audit: AuditContext,
): Promise<SubmitOutcome> {
  const invalid = checkOrderAmounts(submission.lines, submission.totals, submission.orderPath);
  if (invalid) return { kind: 'refused', refusal: invalid };
  try {
    return await deps.db.transaction(async (tx) => {
      const locked = await lockBalanceWithContract(tx, submission.contractRef);
      if (!isInCustomerScope(submission.scope, locked?.contract?.subscriber.customerRef)) return outsideScope(submission);
      const previous = await findPreviousSubmission(tx, submission);
      if (previous) return outcomeOfReplay(previous, submission);

      // No balance row means no contract event has reached billing: the projection creates both together.
      const contract = locked?.contract ? contractViewOf(locked.contract) : undefined;
      const balance = locked?.balance;
      const { now: decidedAt, today } = momentOf(deps);
      const day = { today, maxDaysAhead: deps.operationMaxDaysAhead };
      const amount = { amountMinor: submission.totals.withTaxMinor, currency: submission.currency };

      let decision: Decision;
      if (submission.type === 'PURCHASE') {
        const command = { orderRef: submission.orderRef, operationAt: submission.operationAt, amount };
        decision = decidePurchase(command, contract, { outstandingMinor: balance?.outstandingMinor ?? 0 }, day);
      } else {
        const refundedOrderRef = submission.refundedOrderRef ?? submission.orderRef;
        const purchase = contract ? await findRefundablePurchase(tx, submission.contractRef, refundedOrderRef) : undefined;
        decision = decideRefund({ refundedOrderRef, operationAt: submission.operationAt, amount }, contract, purchase, day);
      }

      const operation = operationOf(submission, decision, { operationId: deps.newId(), decidedAt });
      const answer = render(operation);
      await insertOperation(tx, { ...operation, responseStatus: answer.status, responseBody: answer.body }, submission.lines.map(({ path: _path, ...line }) => line));
      if (decision.status === 'ACCEPTED') await addToOutstanding(tx, submission.contractRef, decision.outstandingDeltaMinor, decidedAt);
      // Every decision, accepted or rejected, on the stream, committed with it: never one without the other.
      const decided = operationDecidedEventOf(operation, { eventId: deps.newId() });
      await transactionalOutbox.enqueue(tx, billingOperationDecidedV1Event.eventTopic, { key: submission.contractRef, event: decided });
      await auditOperationDecision(tx, { audit, operation, decision, outstandingBeforeMinor: balance?.outstandingMinor ?? 0 });
      return { kind: 'answered', answer, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const previous = await findPreviousSubmission(deps.db, submission);
    if (!previous) throw error;
    return outcomeOfReplay(previous, submission);
  }
}

function operationOf(submission: Submission, decision: Decision, { operationId, decidedAt }: { operationId: string; decidedAt: Date }): DecidedOperation {
  return {
    operationId,
    type: submission.type,
    status: decision.status,
    rejectionCode: decision.status === 'REJECTED' ? decision.code : null,
    rejectionMessage: decision.status === 'REJECTED' ? decision.message : null,
    contractRef: submission.contractRef,
    orderRef: submission.orderRef,
    refundedOrderRef: submission.type === 'REFUND' ? (submission.refundedOrderRef ?? submission.orderRef) : null,
    customerRef: submission.customerRef,
    operationAt: submission.operationAt,
    currency: submission.currency,
    totalWithoutTaxMinor: submission.totals.withoutTaxMinor,
    totalTaxMinor: submission.totals.taxMinor,
    totalWithTaxMinor: submission.totals.withTaxMinor,
    request: submission.request,
    requestHash: submission.requestHash,
    idempotencyKey: submission.idempotencyKey,
    invoiceRef: null,
    submittedBy: submission.submittedBy,
    correlationId: submission.correlationId,
    decidedAt,
  };
}

function outsideScope(submission: Submission): SubmitOutcome {
  return { kind: 'refused', refusal: { code: 'CONTRACT_UNKNOWN', message: `Billing knows no contract ${submission.contractRef}.` } };
}

function outcomeOfReplay(previous: { row: StoredOperationRow; matchedBy: 'key' | 'order' }, submission: Submission): SubmitOutcome {
  if (previous.row.requestHash === submission.requestHash) {
    return { kind: 'answered', answer: { status: previous.row.responseStatus, body: previous.row.responseBody }, replayed: true };
  }
  const refusal: Refusal<'IDEMPOTENCY_KEY_REUSED' | 'ORDER_REF_REUSED'> =
    previous.matchedBy === 'key'
      ? { code: 'IDEMPOTENCY_KEY_REUSED', message: 'This Idempotency-Key was already used with another request body.' }
      : { code: 'ORDER_REF_REUSED', message: `This contract already has a ${submission.type} with orderRef ${submission.orderRef}, submitted with another body.` };
  return { kind: 'refused', refusal };
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: string }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}
