import type { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import type { IssuedInvoice } from '../domain/invoice';

type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;
type EventVatEntry = InvoiceIssuedEvent['invoice']['vatBreakdown'][number];
type EventLine = InvoiceIssuedEvent['invoice']['lines'][number];

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
      vatBreakdown: invoice.vatBreakdown.map(eventVatEntryOf),
      lines: invoice.lines.map((line) => eventLineOf(line.lineNumber, line)),
      customer: { ...invoice.customer },
      billingContact: { ...invoice.billingContact },
      billingAddress: { ...invoice.billingAddress },
      mandate: invoice.mandate ? { mandateRef: invoice.mandate.mandateRef, iban: invoice.mandate.iban, bic: invoice.mandate.bic, signedAt: invoice.mandate.signedAt ?? null } : null,
      debitRequired: invoice.debitRequired,
      collectionDate: invoice.collectionDate,
      language: invoice.language,
      prepaidAmountMinor: invoice.prepaidAmountMinor,
      amountDueMinor: invoice.amountDueMinor,
    },
  };
}

/** A VAT breakdown entry as the event carries it: exactly its fields, whatever else the source holds. */
export function eventVatEntryOf({ rateBasisPoints, baseMinor, taxMinor, vatCategoryCode, vatExemptionReasonCode, vatExemptionReason }: EventVatEntry): EventVatEntry {
  return { rateBasisPoints, baseMinor, taxMinor, vatCategoryCode, vatExemptionReasonCode, vatExemptionReason };
}

/** An invoice line as the event carries it, numbered `lineNumber`; a built line and a stored one share every other field's name. */
export function eventLineOf(lineNumber: number, line: Omit<EventLine, 'lineNumber'>): EventLine {
  return {
    lineNumber,
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
    vatCategoryCode: line.vatCategoryCode,
    vatExemptionReasonCode: line.vatExemptionReasonCode,
    vatExemptionReason: line.vatExemptionReason,
  };
}
