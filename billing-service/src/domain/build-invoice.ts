import type { MandateView } from './contract-view';
import type { BillableOperation, DebitMandate, InvoiceDraft, InvoiceLine, InvoiceTotals, VatSubtotal } from './invoice';

export type DraftOutcome =
  | { kind: 'draft'; draft: InvoiceDraft }
  | { kind: 'nothing-to-invoice' }
  | { kind: 'mixed-currencies'; currencies: string[] };

/**
 * The invoice of a contract's operations: one line per product line of each operation, in
 * the order given (refunds as negative lines), the VAT breakdown per rate and the totals,
 * all sums of the lines, so they agree to the minor unit by construction. The tax is the
 * one each operation was accepted with (checked against its base then), never recomputed.
 * A total with tax of zero or less makes a credit note, on which nothing is debited.
 */
export function buildInvoiceDraft(operations: readonly BillableOperation[]): DraftOutcome {
  if (operations.length === 0) return { kind: 'nothing-to-invoice' };
  const currencies = [...new Set(operations.map((operation) => operation.currency))];
  const [currency] = currencies;
  if (currency === undefined || currencies.length > 1) return { kind: 'mixed-currencies', currencies: currencies.sort() };

  const lines: InvoiceLine[] = [];
  for (const operation of operations) {
    const sign = operation.type === 'REFUND' ? -1 : 1;
    for (const line of operation.lines) {
      lines.push({
        lineNumber: lines.length + 1,
        operationId: operation.operationId,
        operationLineNo: line.lineNo,
        operationType: operation.type,
        orderRef: operation.orderRef,
        operationDate: operation.operationAt,
        description: line.productLabel,
        quantity: line.quantity,
        unitPriceWithoutTaxMinor: sign * line.unitPriceMinor,
        amountWithoutTaxMinor: sign * line.amountWithoutTaxMinor,
        vatRateBasisPoints: line.vatRateBasisPoints,
        taxMinor: sign * line.amountTaxMinor,
        amountWithTaxMinor: sign * line.amountWithTaxMinor,
        traveller: line.travellerName,
        bookingRef: line.bookingRef,
        costCentre: line.costCentre,
      });
    }
  }

  const totals = totalsOf(lines);
  return {
    kind: 'draft',
    draft: {
      invoiceType: totals.withTaxMinor > 0 ? 'INVOICE' : 'CREDIT_NOTE',
      currency,
      lines,
      vatBreakdown: vatBreakdownOf(lines),
      totals,
      debitRequired: totals.withTaxMinor > 0,
      operationIds: operations.map((operation) => operation.operationId),
    },
  };
}

function totalsOf(lines: readonly InvoiceLine[]): InvoiceTotals {
  const totals = { withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
  for (const line of lines) {
    totals.withoutTaxMinor += line.amountWithoutTaxMinor;
    totals.taxMinor += line.taxMinor;
    totals.withTaxMinor += line.amountWithTaxMinor;
  }
  return totals;
}

/** One subtotal per VAT rate, lowest rate first. */
function vatBreakdownOf(lines: readonly InvoiceLine[]): VatSubtotal[] {
  const byRate = new Map<number, VatSubtotal>();
  for (const line of lines) {
    const subtotal = byRate.get(line.vatRateBasisPoints) ?? { rateBasisPoints: line.vatRateBasisPoints, baseMinor: 0, taxMinor: 0 };
    subtotal.baseMinor += line.amountWithoutTaxMinor;
    subtotal.taxMinor += line.taxMinor;
    byRate.set(line.vatRateBasisPoints, subtotal);
  }
  return [...byRate.values()].sort((a, b) => a.rateBasisPoints - b.rateBasisPoints);
}

/**
 * The mandate the invoice may be debited on: only a signed, unrevoked one. Otherwise the
 * invoice carries none and the payment service records the debit as impossible
 * (MANDATE_MISSING) instead of debiting an account without authorisation.
 */
export function mandateToDebit(mandate: (MandateView & { mandateRef: string | null; iban: string | null; bic: string | null }) | null): DebitMandate | null {
  if (!mandate || mandate.status !== 'ACTIVE' || !mandate.signedAt || mandate.revokedAt || !mandate.mandateRef || !mandate.iban) return null;
  return { mandateRef: mandate.mandateRef, iban: mandate.iban, bic: mandate.bic, signedAt: mandate.signedAt };
}
