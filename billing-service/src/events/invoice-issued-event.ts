import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import type { IssuedInvoice } from '../domain/invoice';

type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;

export interface EventContext {
  eventId: string;
  occurredAt: Date;
  correlationId: string | null;
}

/** The event announcing an issued invoice, carrying all the payment service and the mailer need. */
export function invoiceIssuedEventOf(invoice: IssuedInvoice, context: EventContext): InvoiceIssuedEvent {
  return {
    eventId: context.eventId,
    occurredAt: context.occurredAt.toISOString(),
    correlationId: context.correlationId,
    causationId: null,
    contractRef: invoice.contractRef,
    invoice: {
      invoiceId: invoice.invoiceId,
      invoiceRef: invoice.invoiceRef,
      invoiceType: invoice.invoiceType,
      contractRef: invoice.contractRef,
      contractId: invoice.contractId,
      period: invoice.period,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      totalWithoutTaxMinor: invoice.totals.withoutTaxMinor,
      totalTaxMinor: invoice.totals.taxMinor,
      totalWithTaxMinor: invoice.totals.withTaxMinor,
      vatBreakdown: invoice.vatBreakdown.map(({ rateBasisPoints, baseMinor, taxMinor }) => ({ rateBasisPoints, baseMinor, taxMinor })),
      lines: invoice.lines.map((line) => ({
        lineNumber: line.lineNumber,
        operationId: line.operationId,
        operationType: line.operationType,
        orderRef: line.orderRef,
        operationDate: line.operationDate,
        description: line.description,
        quantity: line.quantity,
        unitPriceWithoutTaxMinor: line.unitPriceWithoutTaxMinor,
        amountWithoutTaxMinor: line.amountWithoutTaxMinor,
        vatRateBasisPoints: line.vatRateBasisPoints,
        taxMinor: line.taxMinor,
        amountWithTaxMinor: line.amountWithTaxMinor,
        traveller: line.traveller,
        bookingRef: line.bookingRef,
        costCentre: line.costCentre,
      })),
      customer: { ...invoice.customer },
      billingContact: { ...invoice.billingContact },
      billingAddress: { ...invoice.billingAddress },
      mandate: invoice.mandate ? { mandateRef: invoice.mandate.mandateRef, iban: invoice.mandate.iban, bic: invoice.mandate.bic, signedAt: invoice.mandate.signedAt ?? null } : null,
      debitRequired: invoice.debitRequired,
      collectionDate: invoice.collectionDate,
      language: invoice.language,
    },
  };
}
