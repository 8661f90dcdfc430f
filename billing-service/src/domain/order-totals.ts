/** One product line in minor units; `path` says where it was in the request, for the error. */
export interface LineAmounts {
  path: string;
  quantity: number;
  unitPriceMinor: number;
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

/**
 * Every amount must follow from the lines, exactly: line without tax = quantity × unit
 * price, line with tax = without tax + tax, order totals = sums of the lines. The tax itself
 * is the sales system's (VAT rounding rules vary), but it must add up.
 */
export function findTotalsProblems(lines: readonly LineAmounts[], totals: OrderTotals, totalsPath: string): TotalsProblem[] {
  const problems: TotalsProblem[] = [];
  const sums = { withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
  for (const line of lines) {
    const expectedWithoutTax = line.quantity * line.unitPriceMinor;
    if (line.amountWithoutTaxMinor !== expectedWithoutTax) {
      problems.push({ path: `${line.path}/amountWithoutTax`, message: `amountWithoutTax must be quantity × unitPrice (${line.quantity} × ${line.unitPriceMinor} minor units).` });
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
