import type { MandateView } from './contract-view';
import type { BillableOperation, DebitMandate, InvoiceDraft, InvoiceLine, InvoiceTotals, VatSubtotal } from './invoice';
import { compareVatGroups, vatGroupKey, type VatTreatment } from './vat-category';

export type DraftOutcome =
  | { kind: 'draft'; draft: InvoiceDraft }
  | { kind: 'nothing-to-invoice' }
  | { kind: 'mixed-currencies'; currencies: string[] };

/**
 * The invoice of a contract's operations: one line per product line of each operation, in
 * the order given (refunds as negative lines), the VAT breakdown per category, rate and
 * exemption reason, and the totals, all sums of the lines, so they agree to the minor unit by
 * construction. The tax is the one each operation was accepted with (checked against its base
 * then), never recomputed. A total with tax of zero or less makes a credit note, on which
 * nothing is debited. `creditMinor`, the contract's credit not yet deducted (its credit notes),
 * is deducted up to the total with tax (BT-113); what is left is due (BT-115) and debited.
 */
export function buildInvoiceDraft(operations: readonly BillableOperation[], creditMinor = 0): DraftOutcome {
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
        vatCategoryCode: line.vatCategoryCode,
        vatExemptionReasonCode: line.vatExemptionReasonCode,
        vatExemptionReason: line.vatExemptionReason,
      });
    }
  }

  const totals = totalsOf(lines);
  const prepaidAmountMinor = Math.min(Math.max(0, creditMinor), Math.max(0, totals.withTaxMinor));
  const amountDueMinor = totals.withTaxMinor - prepaidAmountMinor;
  return {
    kind: 'draft',
    draft: {
      invoiceType: totals.withTaxMinor > 0 ? 'INVOICE' : 'CREDIT_NOTE',
      currency,
      lines,
      vatBreakdown: vatBreakdownOf(lines),
      totals,
      prepaidAmountMinor,
      amountDueMinor,
      debitRequired: amountDueMinor > 0,
      operationIds: operations.map((operation) => operation.operationId),
    },
  };
}

/** A line as the totals and the VAT breakdown read it: an invoice line or a credit-note line. */
export interface TaxedAmounts extends VatTreatment {
  vatRateBasisPoints: number;
  amountWithoutTaxMinor: number;
  taxMinor: number;
  amountWithTaxMinor: number;
}

export function totalsOf(lines: readonly TaxedAmounts[]): InvoiceTotals {
  const totals = { withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
  for (const line of lines) {
    totals.withoutTaxMinor += line.amountWithoutTaxMinor;
    totals.taxMinor += line.taxMinor;
    totals.withTaxMinor += line.amountWithTaxMinor;
  }
  return totals;
}

/**
 * One subtotal per VAT category, rate and exemption reason (EN 16931 BG-23: a 10 % hotel
 * night and a 0 % exempt flight are two entries, an exempt flight and a margin-scheme package
 * too, each with its own mention), standard rates first, lowest rate first.
 */
export function vatBreakdownOf(lines: readonly TaxedAmounts[]): VatSubtotal[] {
  const groups = new Map<string, VatSubtotal>();
  for (const line of lines) {
    const key = vatGroupKey(line, line.vatRateBasisPoints);
    const subtotal = groups.get(key) ?? {
      rateBasisPoints: line.vatRateBasisPoints,
      baseMinor: 0,
      taxMinor: 0,
      vatCategoryCode: line.vatCategoryCode,
      vatExemptionReasonCode: line.vatExemptionReasonCode,
      vatExemptionReason: line.vatExemptionReason,
    };
    subtotal.baseMinor += line.amountWithoutTaxMinor;
    subtotal.taxMinor += line.taxMinor;
    groups.set(key, subtotal);
  }
  return [...groups.values()].sort(compareVatGroups);
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
