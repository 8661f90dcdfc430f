import { money } from '@boissipay/money';
import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import type { InvoiceToCollect } from '../domain/payment';

export type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;

/**
 * What a payment needs from the event: the amount due (the total with tax less the credit
 * billing deducted from it, BT-115; the total with tax in an event published before the amount
 * due existed), the due and collection dates and the mandate. An event issued before collection
 * dates existed is collected on its due date.
 * An amount no payment can be made of (unknown currency, not a safe integer) throws: the
 * consumer retries, then parks the event in the dead-letter topic for someone to look at,
 * instead of recording a payment that could never be shown nor debited correctly.
 */
export function invoiceToCollectOf(event: InvoiceIssuedEvent, fallbackCorrelationId: string | null): InvoiceToCollect {
  const { invoice } = event;
  return {
    invoiceEventId: event.eventId,
    correlationId: event.correlationId ?? fallbackCorrelationId,
    invoiceRef: invoice.invoiceRef,
    invoiceId: invoice.invoiceId,
    contractRef: event.contractRef,
    customerRef: invoice.customer.customerRef ?? null,
    amount: money(invoice.amountDueMinor ?? invoice.totalWithTaxMinor, invoice.currency),
    dueDate: invoice.dueDate,
    collectionDate: invoice.collectionDate ?? invoice.dueDate,
    mandate: invoice.mandate ? { mandateRef: invoice.mandate.mandateRef, iban: invoice.mandate.iban, bic: invoice.mandate.bic, signedAt: invoice.mandate.signedAt ?? null } : null,
    debtorName: invoice.billingAddress.line1,
    debitRequired: invoice.debitRequired,
  };
}
