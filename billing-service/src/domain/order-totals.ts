import type { Refusal } from './billing.errors';

/** One product line in minor units; `path` says where it was in the request, for the error. */
export interface LineAmounts {
  path: string;
  quantity: number;
  unitPriceMinor: number;
  /** VAT rate in hundredths of a percent: 2000 is 20 %, 550 is 5.5 %. */
  vatRateBasisPoints: number;
  amountWithoutTaxMinor: number;
  amountTaxMinor: number;
  amountWithTaxMinor: number;
}

export interface OrderTotals {
  withoutTaxMinor: number;
  taxMinor: number;
  withTaxMinor: number;
}

export interface TotalsProblem {
  path: string;
  message: string;
}

/** What a line's tax may differ from its base × rate: one minor unit, for the sales system's rounding. */
export const VAT_TOLERANCE_MINOR = 1;

/**
 * Every amount must follow from the lines, exactly: line without tax = quantity × unit
 * price, line with tax = without tax + tax, order totals = sums of the lines. The tax is the
 * sales system's (it may round per line or per unit), so it must be the base × rate within
 * one minor unit of the exact value: |tax × 10000 − base × basis points| ≤ 10000, in
 * integers (BigInt: 10^14 minor units × 10^4 is past 2^53).
 */
export function findTotalsProblems(lines: readonly LineAmounts[], totals: OrderTotals, totalsPath: string): TotalsProblem[] {
  const problems: TotalsProblem[] = [];
  const sums = { withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
  for (const line of lines) {
    const expectedWithoutTax = line.quantity * line.unitPriceMinor;
    if (line.amountWithoutTaxMinor !== expectedWithoutTax) {
      problems.push({ path: `${line.path}/amountWithoutTax`, message: `amountWithoutTax must be quantity × unitPrice (${line.quantity} × ${line.unitPriceMinor} minor units).` });
    }
    if (!isTaxConsistent(line.amountWithoutTaxMinor, line.vatRateBasisPoints, line.amountTaxMinor)) {
      problems.push({
        path: `${line.path}/amountTax`,
        message: `amountTax must be amountWithoutTax × vatRate (${line.amountWithoutTaxMinor} minor units × ${line.vatRateBasisPoints / 100} %), within ${VAT_TOLERANCE_MINOR} minor unit.`,
      });
    }
    if (line.amountWithTaxMinor !== line.amountWithoutTaxMinor + line.amountTaxMinor) {
      problems.push({ path: `${line.path}/amountWithTax`, message: 'amountWithTax must be amountWithoutTax + amountTax.' });
    }
    sums.withoutTaxMinor += line.amountWithoutTaxMinor;
    sums.taxMinor += line.amountTaxMinor;
    sums.withTaxMinor += line.amountWithTaxMinor;
  }
  if (totals.withoutTaxMinor !== sums.withoutTaxMinor) problems.push({ path: `${totalsPath}/totalWithoutTax`, message: 'totalWithoutTax must be the sum of the lines’ amountWithoutTax.' });
  if (totals.taxMinor !== sums.taxMinor) problems.push({ path: `${totalsPath}/totalTax`, message: 'totalTax must be the sum of the lines’ amountTax.' });
  if (totals.withTaxMinor !== sums.withTaxMinor) problems.push({ path: `${totalsPath}/totalWithTax`, message: 'totalWithTax must be the sum of the lines’ amountWithTax.' });
  if (totals.withTaxMinor !== totals.withoutTaxMinor + totals.taxMinor) problems.push({ path: `${totalsPath}/totalWithTax`, message: 'totalWithTax must be totalWithoutTax + totalTax.' });
  return problems;
}

export type OrderRefusal = Refusal<'TOTALS_MISMATCH' | 'AMOUNT_NOT_POSITIVE'>;

/**
 * Why an order cannot be decided on, whatever its contract: amounts that do not follow from
 * its lines (the first problem in the message, every one in the detail), or nothing to pay.
 */
export function checkOrderAmounts(lines: readonly LineAmounts[], totals: OrderTotals, totalsPath: string): OrderRefusal | undefined {
  const problems = findTotalsProblems(lines, totals, totalsPath);
  const [first] = problems;
  if (first) {
    return { code: 'TOTALS_MISMATCH', message: `${first.path}: ${first.message}`, detail: problems.map((problem) => `${problem.path}: ${problem.message}`).join(' ') };
  }
  if (totals.withTaxMinor <= 0) return { code: 'AMOUNT_NOT_POSITIVE', message: 'An operation must be for more than zero.' };
  return undefined;
}

const BASIS_POINTS_PER_UNIT = 10_000n;

export function isTaxConsistent(baseMinor: number, rateBasisPoints: number, taxMinor: number): boolean {
  const difference = BigInt(taxMinor) * BASIS_POINTS_PER_UNIT - BigInt(baseMinor) * BigInt(rateBasisPoints);
  const tolerance = BigInt(VAT_TOLERANCE_MINOR) * BASIS_POINTS_PER_UNIT;
  return difference >= -tolerance && difference <= tolerance;
}
