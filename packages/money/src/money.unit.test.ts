import { isCurrencyCode, minorDigitsOf, MoneyError } from './currency';
import { addMoney, money, toDecimal, toDecimalText, toMinorUnits, toScaledInteger } from './money';

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

describe('money', () => {
  it('when amounts have float-unfriendly decimals, then they convert to exact cents', () => {
    expect(toMinorUnits(0.1, 'EUR') + toMinorUnits(0.2, 'EUR')).toBe(30);
    expect(toMinorUnits(1.005, 'TND')).toBe(1005);
    expect(toMinorUnits(19.99, 'EUR')).toBe(1999);
    expect(toMinorUnits(4.35, 'EUR')).toBe(435); // 4.35 * 100 is 434.99999999999994 in floating point
    expect(toMinorUnits(1234567890123.45, 'EUR')).toBe(123456789012345);
    expect(toMinorUnits('-12.30', 'EUR')).toBe(-1230);
    expect(toMinorUnits(-0, 'EUR')).toBe(0);
    expect(toMinorUnits(1500, 'JPY')).toBe(1500);
  });

  it('when an amount has more decimals than its currency, then it is refused, never rounded', () => {
    expect(codeOf(() => toMinorUnits(10.001, 'EUR'))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => toMinorUnits(10.5, 'JPY'))).toBe('TOO_MANY_DECIMALS');
    expect(toMinorUnits('10.100', 'EUR')).toBe(1010); // trailing zeros are not precision
  });

  it('when the amount or currency is not money, then a coded error says so', () => {
    expect(codeOf(() => toMinorUnits(Number.NaN, 'EUR'))).toBe('NOT_A_NUMBER');
    expect(codeOf(() => toMinorUnits('12,30', 'EUR'))).toBe('NOT_A_NUMBER');
    expect(codeOf(() => toMinorUnits(1e300, 'EUR'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => toMinorUnits(1, 'EURO'))).toBe('UNKNOWN_CURRENCY');
    expect(codeOf(() => toMinorUnits(1, 'XYZ'))).toBe('UNKNOWN_CURRENCY');
    expect(isCurrencyCode('eur')).toBe(false);
  });

  it('when minor units go back to the API, then the decimal text has the currency digits', () => {
    expect(toDecimalText(123456, 'EUR')).toBe('1234.56');
    expect(toDecimalText(5, 'EUR')).toBe('0.05');
    expect(toDecimalText(-5, 'EUR')).toBe('-0.05');
    expect(toDecimalText(1500, 'JPY')).toBe('1500');
    expect(toDecimalText(1005, 'TND')).toBe('1.005');
    expect(toDecimal(1999, 'EUR')).toBe(19.99);
    expect(minorDigitsOf('EUR')).toBe(2);
  });

  it('when adding money, then currencies must match and the result stays exact', () => {
    expect(addMoney(money(10, 'EUR'), money(20, 'EUR'))).toEqual({ amountMinor: 30, currency: 'EUR' });
    expect(codeOf(() => addMoney(money(10, 'EUR'), money(20, 'USD')))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => money(0.5, 'EUR'))).toBe('OUT_OF_RANGE');
  });

  it('when round-tripping every cent amount of a range, then decimal → cents → decimal is the identity', () => {
    const mismatches: number[] = [];
    for (let cents = -100_000; cents <= 100_000; cents += 1) {
      if (toMinorUnits(toDecimal(cents, 'EUR'), 'EUR') !== cents) mismatches.push(cents);
    }
    expect(mismatches).toEqual([]);
  });

  it('when a percent is scaled to basis points, then it is exact and more decimals than asked are refused', () => {
    expect(toScaledInteger(20, 2)).toBe(2000);
    expect(toScaledInteger(5.5, 2)).toBe(550);
    expect(toScaledInteger(2.1, 2)).toBe(210);
    expect(toScaledInteger(0.57, 2)).toBe(57); // 0.57 * 100 is 56.99999999999999 in floating point
    expect(toScaledInteger('8.50', 2)).toBe(850);
    expect(toScaledInteger(0, 2)).toBe(0);
    expect(codeOf(() => toScaledInteger(5.555, 2))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => toScaledInteger('5,5', 2))).toBe('NOT_A_NUMBER');
    expect(codeOf(() => toScaledInteger(1e300, 2))).toBe('OUT_OF_RANGE');
  });
});
