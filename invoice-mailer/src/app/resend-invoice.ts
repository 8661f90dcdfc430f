import {
  ALL_CUSTOMERS,
  idempotentTransaction,
  IdempotencyKeyTaken,
  recordAuditEvent,
  requestFingerprint,
  type AuditContext,
  type CustomerScope,
} from '@boissipay/runtime';
import { decideResend, messageIdOf } from '../domain/delivery';
import { wakeDeliveryWorker } from '../infra/delivery-channel';
import { countPendingDeliveries, findDelivery, findResendByIdempotencyKey, insertDelivery, type DeliveryView } from '../infra/delivery-repository';
import { lockInvoice } from '../infra/invoice-repository';
import type { MailerDependencies } from './dependencies';

export interface ResendRequest {
  invoiceRef: string;
  reason: string;
  /** Another address than the billing contact's. */
  email?: string;
  /** The caller (token subject): idempotency keys are per client. */
  requestedBy: string;
  idempotencyKey?: string;
  /** Whose invoices the caller may act on: another customer's invoice is not found. */
  scope: CustomerScope;
  /** Who asks and under which request id, for the audit trail. */
  audit: AuditContext;
}

export type ResendResult =
  | { kind: 'created' | 'replayed'; delivery: DeliveryView }
  | { kind: 'invoice-not-found' }
  | { kind: 'refused'; code: 'DELIVERY_IN_PROGRESS'; message: string }
  | { kind: 'key-reused'; message: string };

/**
 * An operator has a recorded invoice e-mailed again: in one transaction, lock the invoice
 * (resends of one invoice are decided one after the other) → refuse while one of its
 * deliveries is PENDING → a new PENDING delivery of kind RESEND, with its own Message-ID, who
 * asked, why and the client's Idempotency-Key → wake the worker on commit. The worker sends it
 * like any delivery, over the same SMTP path, and publishes its mailer.invoice-delivery.v1.
 * The audit entry is written in the same transaction.
 */
export async function resendInvoice(dependencies: Pick<MailerDependencies, 'db' | 'clock' | 'newId' | 'mailFrom'>, request: ResendRequest): Promise<ResendResult> {
  const { db } = dependencies;
  const requestHash = requestFingerprint({ invoiceRef: request.invoiceRef, reason: request.reason, email: request.email });
  const outcome = await idempotentTransaction(
    db,
    { idempotencyKey: request.idempotencyKey, requestHash },
    (reader, key) => findResendByIdempotencyKey(reader, request.requestedBy, key),
    async (tx, keyStillFree): Promise<ResendResult> => {
      const received = await lockInvoice(tx, request.invoiceRef, request.scope);
      if (!received) return { kind: 'invoice-not-found' };
      await keyStillFree();
      const decision = decideResend(
        { invoiceRef: request.invoiceRef, billingContactEmail: received.invoice.billingContact.email },
        await countPendingDeliveries(tx, request.invoiceRef),
        request.email,
      );
      if (decision.kind === 'refused') return decision;
      const now = dependencies.clock();
      const deliveryId = dependencies.newId();
      const inserted = await insertDelivery(tx, {
        deliveryId,
        invoiceRef: request.invoiceRef,
        contractRef: received.invoice.contractRef,
        customerRef: received.invoice.customer.customerRef ?? null,
        recipient: decision.recipient,
        messageId: messageIdOf(deliveryId, dependencies.mailFrom),
        nextAttemptAt: now,
        receivedAt: now,
        kind: 'RESEND',
        reason: request.reason,
        requestedBy: request.requestedBy,
        idempotencyKey: request.idempotencyKey ?? null,
        requestHash,
      });
      if (!inserted) throw new IdempotencyKeyTaken();
      await recordAuditEvent(tx, {
        ...request.audit,
        occurredAt: now,
        entityType: 'delivery',
        entityId: deliveryId,
        action: 'RESEND_INVOICE',
        reason: request.reason,
        // The recipient is personal data: the summary says only whether it is the billing contact.
        after: { invoiceRef: request.invoiceRef, kind: 'RESEND', status: 'PENDING', toBillingContact: request.email === undefined },
      });
      await wakeDeliveryWorker(tx);
      return { kind: 'created', delivery: await deliveryOrThrow(tx, deliveryId) };
    },
  );
  if (outcome.kind !== 'seen-under-key') return outcome;
  const { seen } = outcome;
  if (!outcome.sameRequest) {
    return { kind: 'key-reused', message: `Idempotency-Key ${request.idempotencyKey} was already used for a different request (resend of ${seen.invoiceRef}).` };
  }
  return { kind: 'replayed', delivery: await deliveryOrThrow(db, seen.deliveryId) };
}

async function deliveryOrThrow(db: Parameters<typeof findDelivery>[0], deliveryId: string): Promise<DeliveryView> {
  // Created or replayed within the caller's scope a moment ago.
  const delivery = await findDelivery(db, deliveryId, ALL_CUSTOMERS);
  if (!delivery) throw new Error(`delivery ${deliveryId} is missing`);
  return delivery;
}
