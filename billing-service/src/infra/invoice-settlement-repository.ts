import { and, eq, inArray } from 'drizzle-orm';
import type { InvoiceToSettle } from '../domain/invoice-settlement';
import type { BillingTransaction } from './database';
import { balances, invoices } from './schema';

export type SettlementInvoice = InvoiceToSettle & { invoiceId: string; contractRef: string };

/**
 * Locks the invoice's row, and first (`withBalance`) the contract's balance row, in the order
 * every writer of the contract takes them (decisions and billing runs lock the balance
 * first): the outstanding and the invoice's status change together, one report at a time.
 * The invoice must belong to `contractRef`; undefined when billing has no such invoice.
 */
export async function lockInvoiceForSettlement(tx: BillingTransaction, contractRef: string, invoiceRef: string, options: { withBalance: boolean }): Promise<SettlementInvoice | undefined> {
  if (options.withBalance) await tx.select({ contractRef: balances.contractRef }).from(balances).where(eq(balances.contractRef, contractRef)).for('update');
  const [row] = await tx
    .select({
      invoiceId: invoices.invoiceId,
      invoiceRef: invoices.invoiceRef,
      contractRef: invoices.contractRef,
      paymentStatus: invoices.paymentStatus,
      deliveryStatus: invoices.deliveryStatus,
      currency: invoices.currency,
      totalWithTaxMinor: invoices.totalWithTaxMinor,
      amountDueMinor: invoices.amountDueMinor,
    })
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), eq(invoices.contractRef, contractRef)))
    .for('update');
  return row;
}

const collectible = ['PENDING', 'UNPAID'] as const;

/** PAID, guarded by the status it was read with: returns false if it was no longer collectible. */
export async function markInvoicePaid(tx: BillingTransaction, invoiceId: string, payment: { paymentRef: string; paidAt: Date }): Promise<boolean> {
  const updated = await tx
    .update(invoices)
    .set({ paymentStatus: 'PAID', paymentRef: payment.paymentRef, paidAt: payment.paidAt })
    .where(and(eq(invoices.invoiceId, invoiceId), inArray(invoices.paymentStatus, [...collectible])))
    .returning({ invoiceId: invoices.invoiceId });
  return updated.length === 1;
}

export async function markInvoiceUnpaid(tx: BillingTransaction, invoiceId: string, failure: { paymentRef: string; reasonCode: string; reasonMessage: string | null }): Promise<void> {
  await tx
    .update(invoices)
    .set({ paymentStatus: 'UNPAID', paymentRef: failure.paymentRef, paymentFailureCode: failure.reasonCode, paymentFailureMessage: failure.reasonMessage })
    .where(and(eq(invoices.invoiceId, invoiceId), inArray(invoices.paymentStatus, [...collectible])));
}

/**
 * UNPAID again after the debit that paid it came back, guarded by PAID and by the payment that
 * paid it: false when the invoice was not (or no longer) paid by `paymentRef`, so the
 * outstanding is raised once per return.
 */
export async function markInvoiceReturned(tx: BillingTransaction, invoiceId: string, failure: { paymentRef: string; reasonCode: string; reasonMessage: string | null }): Promise<boolean> {
  const updated = await tx
    .update(invoices)
    .set({ paymentStatus: 'UNPAID', paidAt: null, paymentFailureCode: failure.reasonCode, paymentFailureMessage: failure.reasonMessage })
    .where(and(eq(invoices.invoiceId, invoiceId), eq(invoices.paymentStatus, 'PAID'), eq(invoices.paymentRef, failure.paymentRef)))
    .returning({ invoiceId: invoices.invoiceId });
  return updated.length === 1;
}

export async function markInvoiceSent(tx: BillingTransaction, invoiceId: string, delivery: { sentAt: Date; recipient: string }): Promise<void> {
  await tx
    .update(invoices)
    .set({ deliveryStatus: 'SENT', sentAt: delivery.sentAt, deliveryRecipient: delivery.recipient, deliveryFailureReason: null })
    .where(and(eq(invoices.invoiceId, invoiceId), inArray(invoices.deliveryStatus, ['PENDING', 'FAILED'])));
}

export async function markInvoiceDeliveryFailed(tx: BillingTransaction, invoiceId: string, failure: { reason: string; recipient: string }): Promise<void> {
  await tx
    .update(invoices)
    .set({ deliveryStatus: 'FAILED', deliveryRecipient: failure.recipient, deliveryFailureReason: failure.reason })
    .where(and(eq(invoices.invoiceId, invoiceId), inArray(invoices.deliveryStatus, ['PENDING', 'FAILED'])));
}
