import type { InvoiceTotals, VatSubtotal } from './invoice';
import type { VatTreatment } from './vat-category';

/**
 * A credit note an operator issues against an invoice: a document of its own, in its own
 * numbering series (AV-<year>-<number>, docs/adr/0020), whose amounts are what is credited
 * (positive). It credits all that remains creditable on the invoice, or part of it, spread
 * over the invoice's VAT rates in proportion to their totals with tax, so that the VAT it
 * gives back is the VAT the invoice charged.
 */
export interface CreditNoteLine extends VatTreatment {
  lineNumber: number;
  description: string;
  vatRateBasisPoints: number;
  amountWithoutTaxMinor: number;
  taxMinor: number;
  amountWithTaxMinor: number;
}

export interface CreditNoteDraft {
  currency: string;
  lines: CreditNoteLine[];
  vatBreakdown: VatSubtotal[];
  totals: InvoiceTotals;
}

/** The invoice as a credit decision needs it, with what its credit notes have credited so far. */
export interface CreditableInvoice {
  invoiceRef: string;
  invoiceType: 'INVOICE' | 'CREDIT_NOTE';
  currency: string;
  totalWithTaxMinor: number;
  vatBreakdown: readonly VatSubtotal[];
  creditedMinor: number;
}

export type CreditRefusalCode = 'INVOICE_NOT_CREDITABLE' | 'CREDIT_EXCEEDS_INVOICE';
export type CreditDecision = { kind: 'credit'; draft: CreditNoteDraft } | { kind: 'refused'; code: CreditRefusalCode; message: string };

/** What may still be credited on the invoice: its total with tax less its credit notes so far. */
export function creditableRemainingOf(invoice: Pick<CreditableInvoice, 'totalWithTaxMinor' | 'creditedMinor'>): number {
  return Math.max(0, invoice.totalWithTaxMinor - invoice.creditedMinor);
}

/** `requestedMinor` undefined: credit all that remains. */
export function decideCreditNote(invoice: CreditableInvoice, requestedMinor: number | undefined): CreditDecision {
  if (invoice.invoiceType !== 'INVOICE' || invoice.totalWithTaxMinor <= 0) {
    return { kind: 'refused', code: 'INVOICE_NOT_CREDITABLE', message: `${invoice.invoiceRef} is a credit note: there is nothing owed on it to credit.` };
  }
  const remaining = creditableRemainingOf(invoice);
  const amount = requestedMinor ?? remaining;
  if (amount <= 0 || amount > remaining) {
    return {
      kind: 'refused',
      code: 'CREDIT_EXCEEDS_INVOICE',
      message: `${invoice.invoiceRef} has ${remaining} ${invoice.currency} (minor units) left to credit; ${amount} was asked.`,
    };
  }
  const full = amount === invoice.totalWithTaxMinor;
  const subtotals = invoice.vatBreakdown.filter((subtotal) => subtotal.baseMinor + subtotal.taxMinor !== 0);
  const withTax = prorate(
    amount,
    subtotals.map((subtotal) => subtotal.baseMinor + subtotal.taxMinor),
  );
  const vatBreakdown = subtotals.map((subtotal, index) => {
    const share = withTax[index] ?? 0;
    const [baseMinor, taxMinor] = full ? [subtotal.baseMinor, subtotal.taxMinor] : splitLike(share, subtotal.baseMinor, subtotal.taxMinor);
    const { vatCategoryCode, vatExemptionReasonCode, vatExemptionReason } = subtotal;
    return { rateBasisPoints: subtotal.rateBasisPoints, baseMinor, taxMinor, vatCategoryCode, vatExemptionReasonCode, vatExemptionReason };
  });
  const lines = vatBreakdown.map((subtotal, index) => ({
    lineNumber: index + 1,
    description: `${full ? 'Credit' : 'Partial credit'} of invoice ${invoice.invoiceRef}, ${subtotal.vatExemptionReason ?? `VAT ${subtotal.rateBasisPoints / 100} %`}`,
    vatRateBasisPoints: subtotal.rateBasisPoints,
    amountWithoutTaxMinor: subtotal.baseMinor,
    taxMinor: subtotal.taxMinor,
    amountWithTaxMinor: subtotal.baseMinor + subtotal.taxMinor,
    vatCategoryCode: subtotal.vatCategoryCode,
    vatExemptionReasonCode: subtotal.vatExemptionReasonCode,
    vatExemptionReason: subtotal.vatExemptionReason,
  }));
  const totals = {
    withoutTaxMinor: sum(vatBreakdown.map((subtotal) => subtotal.baseMinor)),
    taxMinor: sum(vatBreakdown.map((subtotal) => subtotal.taxMinor)),
    withTaxMinor: amount,
  };
  return { kind: 'credit', draft: { currency: invoice.currency, lines, vatBreakdown, totals } };
}

/** AV-<year>-<number>: "avoir", sequential within the calendar year of the issue date, without gaps, at least six digits. */
export function formatCreditNoteRef(year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`credit note number ${number} is not a positive integer`);
  return `AV-${year}-${String(number).padStart(6, '0')}`;
}

/**
 * `amount` shared in proportion to `weights` (signed, non-zero total of the same sign as
 * `amount`), in integers that add up to it exactly: each share rounded down, the units left
 * going to the largest remainders (Hamilton's method). Exact in BigInt.
 */
export function prorate(amount: number, weights: readonly number[]): number[] {
  const total = BigInt(sum(weights));
  if (total === 0n) throw new RangeError('cannot share an amount over weights that add up to zero');
  const sign = total < 0n ? -1n : 1n;
  const whole = BigInt(amount) * sign;
  const positiveTotal = total * sign;
  const shares = weights.map((weight, index) => {
    const product = whole * BigInt(weight) * sign;
    let quotient = product / positiveTotal;
    let remainder = product % positiveTotal;
    if (remainder < 0n) {
      quotient -= 1n;
      remainder += positiveTotal;
    }
    return { index, quotient, remainder };
  });
  let left = whole - shares.reduce((acc, share) => acc + share.quotient, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (left <= 0n) break;
    share.quotient += 1n;
    left -= 1n;
  }
  return shares.map((share) => Number(share.quotient * sign));
}

/** `amount` split into base and tax in the proportion of the invoice's base and tax at that rate. */
function splitLike(amount: number, baseMinor: number, taxMinor: number): [number, number] {
  if (taxMinor === 0) return [amount, 0];
  const [base, tax] = prorate(amount, [baseMinor, taxMinor]);
  return [base ?? amount, tax ?? 0];
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
