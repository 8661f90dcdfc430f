import { assertNever } from './decision';

/**
 * What billing does with the payment service's and the mailer's reports on an invoice. Two
 * independent statuses: payment (PENDING → PAID or UNPAID; NOT_REQUIRED for a credit note)
 * and delivery (PENDING → SENT or FAILED). Each decision is a function of the invoice as it
 * is and the report; a report that cannot apply is ignored with its reason, never applied twice.
 */
export type PaymentStatus = 'PENDING' | 'NOT_REQUIRED' | 'PAID' | 'UNPAID';
export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface InvoiceToSettle {
  invoiceRef: string;
  paymentStatus: PaymentStatus;
  deliveryStatus: DeliveryStatus;
  currency: string;
  totalWithTaxMinor: number;
  /** What was to be debited: the total with tax less the credit deducted from it (docs/adr/0026). */
  amountDueMinor: number;
}

export interface PaymentReport {
  /**
   * CANCELLED: an operator cancelled the debit; the invoice stays to be paid (by a manual payment).
   * RETURNED: a debit reported SUCCEEDED came back from the debtor's bank (an R-transaction).
   */
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'RETURNED';
  paymentRef: string;
  amountMinor: number;
  currency: string;
  reasonCode: string | null;
  reasonMessage: string | null;
  /** When the debit settled (SUCCEEDED), or when the failure was reported. */
  at: Date;
}

export type PaymentDecision =
  /** PAID; the contract's outstanding falls by the invoice's amount due (its total with tax less the credit it deducted, which lowered the outstanding already). */
  | { kind: 'paid'; paidAt: Date; outstandingDeltaMinor: number }
  /** The debit that paid it came back: UNPAID again, and the outstanding rises by what the payment had lowered it. */
  | { kind: 'returned'; reasonCode: string; reasonMessage: string | null; outstandingDeltaMinor: number }
  | { kind: 'unpaid'; reasonCode: string; reasonMessage: string | null }
  | { kind: 'ignored'; reason: string };

export function decidePaymentResult(invoice: InvoiceToSettle, report: PaymentReport): PaymentDecision {
  if (report.status === 'RETURNED') return decideReturn(invoice, report);
  switch (invoice.paymentStatus) {
    case 'NOT_REQUIRED':
      return { kind: 'ignored', reason: `${invoice.invoiceRef} is a credit note: nothing is collected on it.` };
    case 'PAID':
      return { kind: 'ignored', reason: `${invoice.invoiceRef} is already paid.` };
    case 'PENDING':
    case 'UNPAID':
      break;
    default:
      return assertNever(invoice.paymentStatus);
  }
  if (report.status === 'FAILED') {
    return { kind: 'unpaid', reasonCode: report.reasonCode ?? 'UNSPECIFIED', reasonMessage: report.reasonMessage };
  }
  if (report.status === 'CANCELLED') {
    return { kind: 'unpaid', reasonCode: report.reasonCode ?? 'DEBIT_CANCELLED', reasonMessage: report.reasonMessage };
  }
  const mismatch = amountMismatch(invoice, report);
  if (mismatch) return mismatch;
  return { kind: 'paid', paidAt: report.at, outstandingDeltaMinor: -invoice.amountDueMinor };
}

function amountMismatch(invoice: InvoiceToSettle, report: PaymentReport): PaymentDecision | undefined {
  if (report.currency === invoice.currency && report.amountMinor === invoice.amountDueMinor) return undefined;
  return {
    kind: 'ignored',
    reason: `${invoice.invoiceRef} has ${invoice.amountDueMinor} ${invoice.currency} (minor units) due, the payment ${report.paymentRef} is for ${report.amountMinor} ${report.currency}.`,
  };
}

/**
 * A returned debit undoes the payment it had made: a PAID invoice becomes UNPAID and the
 * outstanding rises by what the payment lowered it by, so the customer owes it again. On an
 * invoice that was not PAID (its SUCCEEDED never applied), it is UNPAID with nothing to undo.
 * Applied at most once: the repository's update requires the invoice still PAID by that payment.
 */
function decideReturn(invoice: InvoiceToSettle, report: PaymentReport): PaymentDecision {
  const reasonCode = report.reasonCode ?? 'DEBIT_RETURNED';
  switch (invoice.paymentStatus) {
    case 'NOT_REQUIRED':
      return { kind: 'ignored', reason: `${invoice.invoiceRef} is a credit note: nothing is collected on it.` };
    case 'PENDING':
    case 'UNPAID':
      return { kind: 'unpaid', reasonCode, reasonMessage: report.reasonMessage };
    case 'PAID':
      return amountMismatch(invoice, report) ?? { kind: 'returned', reasonCode, reasonMessage: report.reasonMessage, outstandingDeltaMinor: invoice.amountDueMinor };
    default:
      return assertNever(invoice.paymentStatus);
  }
}

export interface DeliveryReport {
  status: 'SENT' | 'FAILED';
  recipient: string;
  at: Date;
  failureReason: string | null;
}

export type DeliveryDecision =
  | { kind: 'sent'; sentAt: Date; recipient: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'ignored'; reason: string };

/** The first SENT wins; a failure reported after it changes nothing. */
export function decideDelivery(invoice: InvoiceToSettle, report: DeliveryReport): DeliveryDecision {
  if (invoice.deliveryStatus === 'SENT') return { kind: 'ignored', reason: `${invoice.invoiceRef} was already sent.` };
  if (report.status === 'SENT') return { kind: 'sent', sentAt: report.at, recipient: report.recipient };
  return { kind: 'failed', reason: report.failureReason ?? 'unspecified' };
}
