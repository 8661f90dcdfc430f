import type { paymentResultV1Event } from '@boissipay/contracts';
import { assertNever } from '../domain/decision';
import { decidePaymentResult } from '../domain/invoice-settlement';
import type { BillingTransaction } from '../infra/database';
import { lockInvoiceForSettlement, markInvoicePaid, markInvoiceReturned, markInvoiceUnpaid } from '../infra/invoice-settlement-repository';
import { addToOutstanding } from '../infra/operations-repository';
import type { BillingDependencies } from './dependencies';

type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;

/**
 * Applies one payment.result.v1 event in the consumer's transaction (which also records its
 * eventId): SUCCEEDED makes the invoice PAID and lowers the contract's outstanding by its
 * total with tax, FAILED makes it UNPAID with the reason, RETURNED (a settled debit sent back by
 * the debtor's bank) makes a PAID invoice UNPAID again and raises the outstanding by what its
 * payment had lowered it (once: the update requires the invoice still PAID by that payment). A redelivered event is skipped by
 * its eventId; another report on an invoice already paid is stopped by the status guard, so
 * the outstanding falls once per invoice. A report on an invoice billing does not have (an
 * other environment sharing the cluster, a restored database) is logged and skipped.
 */
export async function recordPaymentResult(tx: BillingTransaction, event: PaymentResultEvent, deps: Pick<BillingDependencies, 'clock' | 'logger'>): Promise<void> {
  const logger = deps.logger.child({ invoiceRef: event.invoiceRef, contractRef: event.contractRef, eventId: event.eventId });
  const invoice = await lockInvoiceForSettlement(tx, event.contractRef, event.invoiceRef, { withBalance: true });
  if (!invoice) {
    logger.warn('payment result for an invoice billing does not have: skipped');
    return;
  }
  const decision = decidePaymentResult(invoice, {
    status: event.status,
    paymentRef: event.paymentRef,
    amountMinor: event.amountMinor,
    currency: event.currency,
    reasonCode: event.reasonCode,
    reasonMessage: event.reasonMessage,
    at: new Date(event.settledAt ?? event.occurredAt),
  });
  switch (decision.kind) {
    case 'paid':
      if (await markInvoicePaid(tx, invoice.invoiceId, { paymentRef: event.paymentRef, paidAt: decision.paidAt })) {
        await addToOutstanding(tx, invoice.contractRef, decision.outstandingDeltaMinor, deps.clock());
      }
      return;
    case 'returned':
      if (await markInvoiceReturned(tx, invoice.invoiceId, { paymentRef: event.paymentRef, reasonCode: decision.reasonCode, reasonMessage: decision.reasonMessage })) {
        await addToOutstanding(tx, invoice.contractRef, decision.outstandingDeltaMinor, deps.clock());
      } else {
        logger.warn('returned debit for an invoice paid by another payment: skipped');
      }
      return;
    case 'unpaid':
      await markInvoiceUnpaid(tx, invoice.invoiceId, { paymentRef: event.paymentRef, reasonCode: decision.reasonCode, reasonMessage: decision.reasonMessage });
      return;
    case 'ignored':
      logger.warn({ reason: decision.reason, status: event.status }, 'payment result ignored');
      return;
    default:
      assertNever(decision);
  }
}
