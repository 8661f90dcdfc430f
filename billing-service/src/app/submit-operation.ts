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
} from '../infra/operations-repository';
import { acceptPurchaseWithinLimit, readSubmissionState, type PreviousSubmissionRow } from '../infra/purchase-statements';
import { operationDecidedEventOf } from '../events/operation-decided-event';
import { auditEntryOfDecision, auditOperationDecision } from './audit-operation';
import { momentOf, type BillingRunDependencies } from './dependencies';
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

export type SubmitDependencies = Pick<BillingRunDependencies, 'db' | 'pool' | 'clock' | 'newId' | 'timeZone'> & {
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
 * A purchase is first decided without that lock (decideWithoutLock, docs/adr/0028): one read,
 * then, if accepted, one statement writing everything, guarded by the limit. Only when that
 * decision is a rejection, or the guard finds the limit used up meanwhile, is it decided again
 * as above, under the lock: every rejection is decided on a locked row, as before.
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
    if (submission.type === 'PURCHASE') {
      const outcome = await decideWithoutLock(deps, submission, render, audit);
      if (outcome) return outcome;
    }
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

/**
 * The purchase decided on the state read without a lock, answered if that settles it: out of the
 * caller's scope, a replay, or accepted and written while the limit still allowed it. Undefined
 * otherwise (a rejection, or a limit used up by a decision that came between): the caller then
 * decides under the row lock. A replay racing this one is caught by the unique indexes, as on
 * the locked path.
 */
async function decideWithoutLock(deps: SubmitDependencies, submission: Submission, render: (operation: DecidedOperation) => Answer, audit: AuditContext): Promise<SubmitOutcome | undefined> {
  const state = await readSubmissionState(deps.pool, submission);
  if (!isInCustomerScope(submission.scope, state.contract?.customerRef)) return outsideScope(submission);
  const previous = previousOf(state.previous, submission);
  if (previous) return outcomeOfReplay(previous, submission);
  if (!state.contract || state.outstandingMinor === undefined) return undefined;

  const contract = contractViewOf(state.contract);
  const outstandingMinor = state.outstandingMinor;
  const { now: decidedAt, today } = momentOf(deps);
  const amount = { amountMinor: submission.totals.withTaxMinor, currency: submission.currency };
  const decision = decidePurchase({ orderRef: submission.orderRef, operationAt: submission.operationAt, amount }, contract, { outstandingMinor }, { today, maxDaysAhead: deps.operationMaxDaysAhead });
  if (decision.status !== 'ACCEPTED') return undefined;

  const operation = operationOf(submission, decision, { operationId: deps.newId(), decidedAt });
  const answer = render(operation);
  const written = await acceptPurchaseWithinLimit(deps.pool, {
    operation: { ...operation, responseStatus: answer.status, responseBody: answer.body },
    lines: submission.lines.map(({ path: _path, ...line }) => line),
    limitMinor: contract.limit.amountMinor,
    event: { topic: billingOperationDecidedV1Event.eventTopic.topic, key: submission.contractRef, event: operationDecidedEventOf(operation, { eventId: deps.newId() }) },
    audit: auditEntryOfDecision({ audit, operation, decision, outstandingBeforeMinor: outstandingMinor }),
  });
  return written === undefined ? undefined : { kind: 'answered', answer, replayed: false };
}

/** The earlier submission this one repeats: by the client's Idempotency-Key first, else by contract, orderRef and type. */
function previousOf(rows: readonly PreviousSubmissionRow[], submission: Submission): { row: PreviousSubmissionRow; matchedBy: 'key' | 'order' } | undefined {
  const byKey = submission.idempotencyKey ? rows.find((row) => row.idempotencyKey === submission.idempotencyKey && row.submittedBy === submission.submittedBy) : undefined;
  if (byKey) return { row: byKey, matchedBy: 'key' };
  const [byOrder] = rows;
  return byOrder ? { row: byOrder, matchedBy: 'order' } : undefined;
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

function outcomeOfReplay(previous: { row: PreviousSubmissionRow; matchedBy: 'key' | 'order' }, submission: Submission): SubmitOutcome {
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
