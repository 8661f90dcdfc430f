import type { mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import { assertNever } from '../domain/decision';
import { decideDelivery } from '../domain/invoice-settlement';
import type { BillingTransaction } from '../infra/database';
import { lockInvoiceForSettlement, markInvoiceDeliveryFailed, markInvoiceSent } from '../infra/invoice-settlement-repository';
import type { BillingDependencies } from './dependencies';

type InvoiceDeliveryEvent = mailerInvoiceDeliveryV1Event.InvoiceDeliveryEvent;

/** Applies one mailer.invoice-delivery.v1 event: SENT records when and to whom; the first SENT stays. */
export async function recordInvoiceDelivery(tx: BillingTransaction, event: InvoiceDeliveryEvent, deps: Pick<BillingDependencies, 'logger'>): Promise<void> {
  const logger = deps.logger.child({ invoiceRef: event.invoiceRef, contractRef: event.contractRef, eventId: event.eventId });
  const invoice = await lockInvoiceForSettlement(tx, event.contractRef, event.invoiceRef, { withBalance: false });
  if (!invoice) {
    logger.warn('delivery report for an invoice billing does not have: skipped');
    return;
  }
  const decision = decideDelivery(invoice, { status: event.status, recipient: event.recipient, at: new Date(event.sentAt ?? event.occurredAt), failureReason: event.failureReason });
  switch (decision.kind) {
    case 'sent':
      await markInvoiceSent(tx, invoice.invoiceId, { sentAt: decision.sentAt, recipient: decision.recipient });
      return;
    case 'failed':
      await markInvoiceDeliveryFailed(tx, invoice.invoiceId, { reason: decision.reason, recipient: event.recipient });
      return;
    case 'ignored':
      logger.info({ reason: decision.reason, status: event.status }, 'delivery report ignored');
      return;
    default:
      assertNever(decision);
  }
}
