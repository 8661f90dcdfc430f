export { isCurrencyCode, minorDigitsOf, MoneyError, type MoneyErrorCode } from './currency';
export { addMoney, money, toDecimal, toDecimalText, toMinorUnits, toScaledInteger, type Money } from './money';
export { isValidIban } from './iban';
