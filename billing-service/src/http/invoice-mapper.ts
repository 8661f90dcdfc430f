import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import type { InvoiceDetail } from '../app/read-invoices';
import { assertNever } from '../domain/decision';
import type { InvoiceLineRow, InvoiceRow } from '../infra/invoice-repository';
import type { VatSubtotalRow } from '../infra/schema';
import { operationResponseOf } from './operation-response-mapper';

type Schemas = billingApi.components['schemas'];

/** Basis points → the API's percent: 550 → 5.5 (the division gives the double closest to the decimal). */
export const percentOf = (basisPoints: number): number => basisPoints / 100;

/** The API shows ISSUED until the payment service has reported (and for good on a credit note). */
export function invoiceStatusOf(invoice: Pick<InvoiceRow, 'paymentStatus'>): Schemas['InvoiceStatus'] {
  switch (invoice.paymentStatus) {
    case 'PENDING':
    case 'NOT_REQUIRED':
      return 'ISSUED';
    case 'PAID':
      return 'PAID';
    case 'UNPAID':
      return 'UNPAID';
    default:
      return assertNever(invoice.paymentStatus);
  }
}

/** The language of a stored document as the API names it; anything unexpected reads as the default, French. */
export function languageOf(language: string): Schemas['Language'] {
  return language === 'en' ? 'en' : 'fr';
}

export function vatSubtotalResponseOf(subtotal: VatSubtotalRow, currency: string): Schemas['VatSubtotal'] {
  return { vatRate: percentOf(subtotal.rateBasisPoints), base: toDecimal(subtotal.baseMinor, currency), tax: toDecimal(subtotal.taxMinor, currency) };
}

export function invoiceSummaryOf(invoice: InvoiceRow): Schemas['InvoiceSummary'] {
  const { currency } = invoice;
  return {
    invoiceId: invoice.invoiceId,
    invoiceRef: invoice.invoiceRef,
    invoiceType: invoice.invoiceType,
    status: invoiceStatusOf(invoice),
    contractRef: invoice.contractRef,
    contractId: invoice.contractId,
    period: invoice.period,
    runId: invoice.runId,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    collectionDate: invoice.collectionDate,
    language: languageOf(invoice.language),
    issuedAt: invoice.issuedAt.toISOString(),
    currencyCode: currency,
    totalWithoutTax: toDecimal(invoice.totalWithoutTaxMinor, currency),
    totalTax: toDecimal(invoice.totalTaxMinor, currency),
    totalWithTax: toDecimal(invoice.totalWithTaxMinor, currency),
    debitRequired: invoice.debitRequired,
    paymentRef: invoice.paymentRef,
    paidAt: invoice.paidAt ? invoice.paidAt.toISOString() : null,
    paymentFailure: invoice.paymentFailureCode ? { reasonCode: invoice.paymentFailureCode, message: invoice.paymentFailureMessage } : null,
    deliveryStatus: invoice.deliveryStatus,
    sentAt: invoice.sentAt ? invoice.sentAt.toISOString() : null,
  };
}

function invoiceLineResponseOf(line: InvoiceLineRow, currency: string): Schemas['InvoiceLine'] {
  return {
    lineNumber: line.lineNo,
    operationId: line.operationId,
    operationType: line.operationType,
    orderRef: line.orderRef,
    operationDate: line.operationDate,
    description: line.description,
    quantity: line.quantity,
    unitPriceWithoutTax: toDecimal(line.unitPriceWithoutTaxMinor, currency),
    amountWithoutTax: toDecimal(line.amountWithoutTaxMinor, currency),
    vatRate: percentOf(line.vatRateBasisPoints),
    tax: toDecimal(line.taxMinor, currency),
    amountWithTax: toDecimal(line.amountWithTaxMinor, currency),
    traveller: line.traveller,
    bookingRef: line.bookingRef,
    costCentre: line.costCentre,
  };
}

export function invoiceResponseOf({ invoice, lines, operations }: InvoiceDetail): Schemas['Invoice'] {
  const { currency, billingContact, billingAddress, customer, mandate } = invoice;
  return {
    ...invoiceSummaryOf(invoice),
    vatBreakdown: invoice.vatBreakdown.map((subtotal) => vatSubtotalResponseOf(subtotal, currency)),
    lines: lines.map((line) => invoiceLineResponseOf(line, currency)),
    customer: { subscriberRef: customer.subscriberRef, customerRef: customer.customerRef, siren: customer.siren, vatNumber: customer.vatNumber },
    billingContact: { firstName: billingContact.firstName, lastName: billingContact.lastName, mail: billingContact.email, phone: billingContact.phone },
    billingAddress: {
      line1: billingAddress.line1,
      line2: billingAddress.line2,
      line3: billingAddress.line3,
      line4: billingAddress.line4,
      line5: billingAddress.line5,
      line6: billingAddress.line6,
      countryCode: billingAddress.country,
    },
    mandate: mandate ? { mandateRef: mandate.mandateRef, iban: mandate.iban, bic: mandate.bic } : null,
    operations: operations.map(operationResponseOf),
  };
}
