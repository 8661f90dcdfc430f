import {
  ALL_CUSTOMERS,
  changedFieldsOf,
  idempotentTransaction,
  IdempotencyKeyTaken,
  recordAuditEvent,
  requestFingerprint,
  type AuditContext,
  type CustomerScope,
} from '@boissipay/runtime';
import { decideCancel, decideManualPayment, decideRetry, type ActionDecision, type ManualPaymentDetails, type PaymentAction, type PaymentActionKind, type PaymentToAct } from '../domain/operator-actions';
import type { ActionRefusalCode } from '../domain/payment.errors';
import type { Payment } from '../domain/payment';
import type { PaymentDatabase } from '../infra/database';
import { findActionByIdempotencyKey, findPaymentActions, insertPaymentAction, type StoredPaymentAction } from '../infra/payment-action-repository';
import { findPayment, lockPaymentForAction, notifyPaymentDue, savePaymentAfterAction } from '../infra/payment-repository';
import type { RecordingDependencies } from './dependencies';
import { enqueuePaymentResult } from './publish-result';

export interface ActionDependencies extends Pick<RecordingDependencies, 'clock' | 'newEventId'> {
  db: PaymentDatabase;
  newId: () => string;
}

export type ActionCommand = { kind: 'RETRY' } | { kind: 'CANCEL' } | ({ kind: 'MANUAL_PAYMENT' } & ManualPaymentDetails);

export interface ActionRequest {
  paymentRef: string;
  command: ActionCommand;
  reason: string;
  /** The caller (token subject): idempotency keys are per client. */
  requestedBy: string;
  idempotencyKey?: string;
  /** Whose payments the caller may act on: another customer's payment is not found. */
  scope: CustomerScope;
  /** Who asks and under which request id, for the audit trail. */
  audit: AuditContext;
}

export type ActionResult =
  | { kind: 'applied' | 'replayed'; payment: Payment; actions: PaymentAction[] }
  | { kind: 'not-found' }
  | { kind: 'refused'; code: ActionRefusalCode; message: string }
  | { kind: 'key-reused'; message: string };

/**
 * An operator's action on a payment, as one transaction: lock the payment → decide (pure,
 * domain/operator-actions.ts) → store the new state, the action (who, when, why, the client's
 * Idempotency-Key) and, when the action ends the collection (manual payment, cancel), its
 * payment.result.v1 in the outbox. A retry only makes the payment due and wakes the debit
 * worker: its result is published when the new debit ends. A request already seen under the
 * key answers the payment as it is now, or 409 when the key came with another request. The
 * audit entry is written in the same transaction.
 */
export async function actOnPayment(dependencies: ActionDependencies, request: ActionRequest): Promise<ActionResult> {
  const { db } = dependencies;
  const requestHash = requestFingerprint({ paymentRef: request.paymentRef, ...request.command, reason: request.reason });
  const outcome = await idempotentTransaction(
    db,
    { idempotencyKey: request.idempotencyKey, requestHash },
    (reader, key) => findActionByIdempotencyKey(reader, request.requestedBy, key),
    async (tx, keyStillFree): Promise<ActionResult> => {
      const found = await lockPaymentForAction(tx, request.paymentRef, request.scope);
      if (!found) return { kind: 'not-found' };
      await keyStillFree();
      const now = dependencies.clock();
      const decision = decide(found, request, now);
      if (decision.kind === 'refused') return decision;
      const action: StoredPaymentAction = {
        actionId: dependencies.newId(),
        paymentRef: request.paymentRef,
        kind: request.command.kind,
        reason: request.reason,
        requestedBy: request.requestedBy,
        requestedAt: now,
        bankReference: request.command.kind === 'MANUAL_PAYMENT' ? request.command.bankReference : null,
        receivedOn: request.command.kind === 'MANUAL_PAYMENT' ? request.command.receivedOn : null,
        idempotencyKey: request.idempotencyKey ?? null,
        requestHash,
      };
      if (!(await insertPaymentAction(tx, action))) throw new IdempotencyKeyTaken();
      await savePaymentAfterAction(tx, decision.payment);
      await recordAuditEvent(tx, {
        ...request.audit,
        occurredAt: now,
        entityType: 'payment',
        entityId: request.paymentRef,
        action: auditActionOf[request.command.kind],
        reason: request.reason,
        ...changedFieldsOf(auditSummaryOf(found.payment), auditSummaryOf(decision.payment)),
      });
      if (decision.payment.status === 'PENDING') await notifyPaymentDue(tx);
      await enqueuePaymentResult(tx, decision.payment, dependencies, now);
      return { kind: 'applied', payment: decision.payment, actions: await findPaymentActions(tx, request.paymentRef) };
    },
  );
  if (outcome.kind !== 'seen-under-key') return outcome;
  const { seen } = outcome;
  if (outcome.sameRequest) return replayOf(dependencies, seen);
  return { kind: 'key-reused', message: `Idempotency-Key ${seen.idempotencyKey} was already used for a different request (${actionName(seen.kind)} of payment ${seen.paymentRef}).` };
}

function decide(found: PaymentToAct, request: ActionRequest, now: Date): ActionDecision {
  const { command } = request;
  switch (command.kind) {
    case 'RETRY':
      return decideRetry(found, now);
    case 'MANUAL_PAYMENT':
      return decideManualPayment(found, command, now);
    case 'CANCEL':
      return decideCancel(found, request.reason, now);
    default:
      return unreachable(command);
  }
}

async function replayOf(dependencies: ActionDependencies, seen: StoredPaymentAction): Promise<ActionResult> {
  // The key is the caller's own: the payment was found within its scope the first time.
  const payment = await findPayment(dependencies.db, seen.paymentRef, ALL_CUSTOMERS);
  if (!payment) throw new Error(`payment ${seen.paymentRef} of idempotency key ${seen.idempotencyKey} is missing`);
  return { kind: 'replayed', payment, actions: await findPaymentActions(dependencies.db, seen.paymentRef) };
}

const auditActionOf: Record<PaymentActionKind, string> = { RETRY: 'RETRY_DEBIT', MANUAL_PAYMENT: 'RECORD_MANUAL_PAYMENT', CANCEL: 'CANCEL_DEBIT' };

/** What the audit trail shows of a payment: its state, never the debtor's bank details. */
function auditSummaryOf(payment: Payment): Record<string, string | null> {
  return {
    status: payment.status,
    method: payment.method,
    bankReference: payment.bankReference,
    receivedOn: payment.receivedOn,
    nextAttemptAt: payment.nextAttemptAt?.toISOString() ?? null,
  };
}

function actionName(kind: PaymentActionKind): string {
  return { RETRY: 'retry', MANUAL_PAYMENT: 'manual payment', CANCEL: 'cancellation' }[kind];
}

function unreachable(value: never): never {
  throw new Error(`unexpected action ${JSON.stringify(value)}`);
}
