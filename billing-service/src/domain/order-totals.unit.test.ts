import { findTotalsProblems, type LineAmounts } from './order-totals';

function buildLine(overrides: Partial<LineAmounts> = {}): LineAmounts {
  return { path: '/body/order/orderItems/0/productItems/0', quantity: 2, unitPriceMinor: 7_250, amountWithoutTaxMinor: 14_500, amountTaxMinor: 1_450, amountWithTaxMinor: 15_950, ...overrides };
}

const totalsOf = (lines: LineAmounts[]) => ({
  withoutTaxMinor: lines.reduce((sum, line) => sum + line.amountWithoutTaxMinor, 0),
  taxMinor: lines.reduce((sum, line) => sum + line.amountTaxMinor, 0),
  withTaxMinor: lines.reduce((sum, line) => sum + line.amountWithTaxMinor, 0),
});

describe('findTotalsProblems', () => {
  it('when every line and total adds up, then there is no problem', () => {
    const lines = [buildLine(), buildLine({ quantity: 1, unitPriceMinor: 280, amountWithoutTaxMinor: 280, amountTaxMinor: 56, amountWithTaxMinor: 336 })];
    expect(findTotalsProblems(lines, totalsOf(lines), '/body/order')).toEqual([]);
  });

  it('when a line is not quantity × unit price, then its amountWithoutTax is named', () => {
    const lines = [buildLine({ amountWithoutTaxMinor: 14_501, amountWithTaxMinor: 15_951 })];
    expect(findTotalsProblems(lines, totalsOf(lines), '/body/order').map((problem) => problem.path)).toEqual(['/body/order/orderItems/0/productItems/0/amountWithoutTax']);
  });

  it('when a line with tax is not without tax + tax, then its amountWithTax is named', () => {
    const lines = [buildLine({ amountWithTaxMinor: 15_951 })];
    expect(findTotalsProblems(lines, totalsOf(lines), '/body/order').map((problem) => problem.path)).toEqual([
      '/body/order/orderItems/0/productItems/0/amountWithTax',
      '/body/order/totalWithTax',
    ]);
  });

  it('when the order totals are not the sums of the lines, then each wrong total is named', () => {
    const lines = [buildLine()];
    const problems = findTotalsProblems(lines, { withoutTaxMinor: 14_500, taxMinor: 1_451, withTaxMinor: 15_951 }, '/body/order');
    expect(problems.map((problem) => problem.path)).toEqual(['/body/order/totalTax', '/body/order/totalWithTax']);
  });
});
