import { totalsOf, vatBreakdownOf } from './build-invoice';
import type { CreditNoteLine } from './credit-note';
import type { BillableOperation, InvoiceTotals, PrecedingInvoice, VatSubtotal } from './invoice';

/**
 * What a billing run credits for refunds of purchases an earlier invoice billed: one credit
 * note per earlier invoice, naming it (BT-25, BT-26), its lines the refunds' product lines
 * (positive: what is credited), in the order given, with their VAT category, rate and tax as
 * the refunds were accepted with. docs/adr/0026.
 */
export interface RefundCreditNoteDraft {
  precedingInvoice: PrecedingInvoice;
  currency: string;
  /** The refunds it credits. */
  operationIds: string[];
  lines: CreditNoteLine[];
  vatBreakdown: VatSubtotal[];
  totals: InvoiceTotals;
  reason: string;
}

export interface SeparatedRefunds {
  /** What goes on the period's invoice: purchases, and refunds of purchases not invoiced yet (negative lines, as before). */
  toInvoice: BillableOperation[];
  creditNotes: RefundCreditNoteDraft[];
}

/**
 * A refund of a purchase that an invoice has already billed does not become a negative line
 * of the next invoice: that invoice is corrected by a credit note. A refund of a purchase
 * still to invoice (the same period) stays a negative line beside it.
 */
export function separateRefundsOfEarlierInvoices(operations: readonly BillableOperation[]): SeparatedRefunds {
  const toInvoice: BillableOperation[] = [];
  const byInvoice = new Map<string, { precedingInvoice: PrecedingInvoice; refunds: BillableOperation[] }>();
  for (const operation of operations) {
    const preceding = operation.type === 'REFUND' ? operation.refundedInvoice : null;
    if (!preceding) {
      toInvoice.push(operation);
      continue;
    }
    const group = byInvoice.get(preceding.invoiceId) ?? { precedingInvoice: preceding, refunds: [] };
    group.refunds.push(operation);
    byInvoice.set(preceding.invoiceId, group);
  }
  return { toInvoice, creditNotes: [...byInvoice.values()].map(({ precedingInvoice, refunds }) => creditNoteOfRefunds(precedingInvoice, refunds)) };
}

function creditNoteOfRefunds(precedingInvoice: PrecedingInvoice, refunds: readonly BillableOperation[]): RefundCreditNoteDraft {
  const lines: CreditNoteLine[] = [];
  for (const refund of refunds) {
    for (const line of refund.lines) {
      lines.push({
        lineNumber: lines.length + 1,
        description: `Refund: ${line.productLabel} – order ${refund.refundedOrderRef ?? refund.orderRef}, refund ${refund.orderRef} of ${refund.operationAt}`,
        vatRateBasisPoints: line.vatRateBasisPoints,
        amountWithoutTaxMinor: line.amountWithoutTaxMinor,
        taxMinor: line.amountTaxMinor,
        amountWithTaxMinor: line.amountWithTaxMinor,
        vatCategoryCode: line.vatCategoryCode,
        vatExemptionReasonCode: line.vatExemptionReasonCode,
        vatExemptionReason: line.vatExemptionReason,
      });
    }
  }
  const orders = [...new Set(refunds.map((refund) => refund.refundedOrderRef ?? refund.orderRef))];
  return {
    precedingInvoice,
    // One contract's operations share a currency; a mixed set is refused before anything is issued (app/bill-contract.ts).
    currency: refunds[0]?.currency ?? '',
    operationIds: refunds.map((refund) => refund.operationId),
    lines,
    vatBreakdown: vatBreakdownOf(lines),
    totals: totalsOf(lines),
    reason: `Refund${refunds.length > 1 ? 's' : ''} of order${orders.length > 1 ? 's' : ''} ${orders.join(', ')}, billed on invoice ${precedingInvoice.invoiceRef}.`,
  };
}
