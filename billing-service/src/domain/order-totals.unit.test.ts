import { checkOrderAmounts, findTotalsProblems, type LineAmounts } from './order-totals';

function buildLine(overrides: Partial<LineAmounts> = {}): LineAmounts {
  return { path: '/body/order/orderItems/0/productItems/0', quantity: 2, unitPriceMinor: 7_250, vatRateBasisPoints: 1_000, amountWithoutTaxMinor: 14_500, amountTaxMinor: 1_450, amountWithTaxMinor: 15_950, ...overrides };
}

const totalsOf = (lines: LineAmounts[]) => ({
  withoutTaxMinor: lines.reduce((sum, line) => sum + line.amountWithoutTaxMinor, 0),
  taxMinor: lines.reduce((sum, line) => sum + line.amountTaxMinor, 0),
  withTaxMinor: lines.reduce((sum, line) => sum + line.amountWithTaxMinor, 0),
});

describe('findTotalsProblems', () => {
  it('when every line and total adds up, then there is no problem', () => {
    const lines = [buildLine(), buildLine({ quantity: 1, unitPriceMinor: 280, vatRateBasisPoints: 2_000, amountWithoutTaxMinor: 280, amountTaxMinor: 56, amountWithTaxMinor: 336 })];
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

  it('when the tax is base × rate within one minor unit, then it is accepted, whatever the rounding', () => {
    const line = (amountTaxMinor: number, vatRateBasisPoints = 550) =>
      buildLine({ quantity: 1, unitPriceMinor: 1_999, amountWithoutTaxMinor: 1_999, vatRateBasisPoints, amountTaxMinor, amountWithTaxMinor: 1_999 + amountTaxMinor });
    // 19.99 × 5.5 % = 1.099 45: 1.10 (rounded) and 1.09 (truncated) are within one cent, 1.08 and 1.11 are not.
    for (const tax of [109, 110]) expect(findTotalsProblems([line(tax)], totalsOf([line(tax)]), '/body/order')).toEqual([]);
    for (const tax of [108, 111]) expect(findTotalsProblems([line(tax)], totalsOf([line(tax)]), '/body/order')).toHaveLength(1);
    expect(findTotalsProblems([line(0, 0)], totalsOf([line(0, 0)]), '/body/order')).toEqual([]);
  });

  it('when the tax is off base × rate by more than one minor unit, then the line\'s amountTax is named', () => {
    const lines = [buildLine(), buildLine({ path: '/body/order/orderItems/0/productItems/1', amountTaxMinor: 1_452, amountWithTaxMinor: 15_952 })]; // 145.00 × 10 % = 14.50, not 14.52
    expect(findTotalsProblems(lines, totalsOf(lines), '/body/order').map((problem) => problem.path)).toEqual(['/body/order/orderItems/0/productItems/1/amountTax']);
    const zeroRate = [buildLine({ vatRateBasisPoints: 0 })];
    expect(findTotalsProblems(zeroRate, totalsOf(zeroRate), '/body/order').map((problem) => problem.path)).toEqual(['/body/order/orderItems/0/productItems/0/amountTax']);
  });

  it('when amounts are near the largest accepted, then the check stays exact', () => {
    const base = 100_000_000_000_000; // 1,000,000,000,000.00
    const lines = [buildLine({ quantity: 1, unitPriceMinor: base, amountWithoutTaxMinor: base, vatRateBasisPoints: 2_000, amountTaxMinor: base / 5, amountWithTaxMinor: base + base / 5 })];
    expect(findTotalsProblems(lines, totalsOf(lines), '/body/order')).toEqual([]);
    const offByTwo = [{ ...lines[0]!, amountTaxMinor: base / 5 + 2, amountWithTaxMinor: base + base / 5 + 2 }];
    expect(findTotalsProblems(offByTwo, totalsOf(offByTwo), '/body/order')).toHaveLength(1);
  });
});

describe('checkOrderAmounts', () => {
  it('when every amount adds up and there is something to pay, then the order is not refused', () => {
    const lines = [buildLine()];
    expect(checkOrderAmounts(lines, totalsOf(lines), '/body/order')).toBeUndefined();
  });

  it('when amounts do not add up, then it is TOTALS_MISMATCH naming the first problem, every problem in the detail', () => {
    const lines = [buildLine({ amountWithTaxMinor: 15_951 })];
    expect(checkOrderAmounts(lines, totalsOf(lines), '/body/order')).toEqual({
      code: 'TOTALS_MISMATCH',
      message: '/body/order/orderItems/0/productItems/0/amountWithTax: amountWithTax must be amountWithoutTax + amountTax.',
      detail:
        '/body/order/orderItems/0/productItems/0/amountWithTax: amountWithTax must be amountWithoutTax + amountTax. ' +
        '/body/order/totalWithTax: totalWithTax must be totalWithoutTax + totalTax.',
    });
  });

  it('when only the totals are wrong, then the detail lists every wrong total', () => {
    const lines = [buildLine()];
    expect(checkOrderAmounts(lines, { ...totalsOf(lines), taxMinor: 1_451, withTaxMinor: 15_951 }, '/body/order')?.detail).toBe(
      '/body/order/totalTax: totalTax must be the sum of the lines’ amountTax. /body/order/totalWithTax: totalWithTax must be the sum of the lines’ amountWithTax.',
    );
  });

  it('when the order adds up to zero, then it is AMOUNT_NOT_POSITIVE', () => {
    const lines = [buildLine({ quantity: 1, unitPriceMinor: 0, amountWithoutTaxMinor: 0, amountTaxMinor: 0, amountWithTaxMinor: 0 })];
    expect(checkOrderAmounts(lines, totalsOf(lines), '/body/order')).toEqual({ code: 'AMOUNT_NOT_POSITIVE', message: 'An operation must be for more than zero.' });
    expect(checkOrderAmounts([], totalsOf([]), '/body/order')).toEqual({ code: 'AMOUNT_NOT_POSITIVE', message: 'An operation must be for more than zero.' });
  });

  it('when the amounts do not add up and are zero too, then the mismatch is what is said', () => {
    const lines = [buildLine({ quantity: 1, unitPriceMinor: 0, amountWithoutTaxMinor: 0, amountTaxMinor: 0, amountWithTaxMinor: 0 })];
    expect(checkOrderAmounts(lines, { withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: -1 }, '/body/order')?.code).toBe('TOTALS_MISMATCH');
  });
});
