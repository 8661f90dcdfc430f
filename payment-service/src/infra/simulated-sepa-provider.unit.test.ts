import { isValidIban } from '@boissipay/money';
import { simulatedAnswerOf, simulatedIbans } from './simulated-sepa-provider';

const request = (overrides: Partial<Parameters<typeof simulatedAnswerOf>[0]> = {}) => ({
  debitKey: 'PAY-0000000000000001',
  paymentRef: 'PAY-0000000000000001',
  iban: simulatedIbans.succeeds,
  bic: null,
  mandateRef: 'RUM-1',
  amountMinor: 10_000,
  currency: 'EUR',
  collectionDate: '2026-12-01',
  mandateSignedAt: '2026-01-15',
  debtorName: 'ACME SA',
  invoiceRef: 'BIL-2026-000042',
  customerRef: 'CUST-1',
  ...overrides,
});

describe('simulated SEPA provider rules', () => {
  it('when listed as a test IBAN, then it is a valid IBAN ending as documented', () => {
    expect(Object.values(simulatedIbans).map((iban) => [iban.slice(-4), isValidIban(iban)])).toEqual([
      ['0001', true],
      ['0002', true],
      ['0003', true],
      ['0004', true],
      ['0005', true],
      ['0006', true],
      ['0007', true],
      ['0008', true],
      ['0009', true],
      ['7830', true],
    ]);
  });

  it.each([
    [simulatedIbans.insufficientFunds, 'INSUFFICIENT_FUNDS', 'AM04'],
    [simulatedIbans.accountClosed, 'ACCOUNT_CLOSED', 'AC04'],
  ])('when the IBAN is %s, then every call is refused with %s (SEPA %s)', (iban, reasonCode, sepaCode) => {
    for (const call of [1, 2]) {
      expect(simulatedAnswerOf(request({ iban }), call)).toEqual({ outcome: 'REFUSED', reasonCode, message: expect.stringContaining(sepaCode) });
    }
  });

  it('when the IBAN ends in 0003, then the first call times out and the next succeeds', () => {
    expect(simulatedAnswerOf(request({ iban: simulatedIbans.timeoutOnce }), 1)).toMatchObject({ outcome: 'TRANSIENT', reasonCode: 'PROVIDER_TIMEOUT' });
    expect(simulatedAnswerOf(request({ iban: simulatedIbans.timeoutOnce }), 2)).toEqual({ outcome: 'SUCCEEDED' });
  });

  it('when the IBAN ends in 0004, then every call fails transiently', () => {
    for (const call of [1, 2, 10]) expect(simulatedAnswerOf(request({ iban: simulatedIbans.alwaysUnavailable }), call).outcome).toBe('TRANSIENT');
  });

  it('when the IBAN ends in 0005, then the first debit presented on the mandate is refused and the next one is paid', () => {
    const iban = simulatedIbans.refusedOnceThenPaid;
    expect(simulatedAnswerOf(request({ iban }), 1, 1)).toMatchObject({ outcome: 'REFUSED', reasonCode: 'INSUFFICIENT_FUNDS' });
    expect(simulatedAnswerOf(request({ iban }), 2, 1)).toMatchObject({ outcome: 'REFUSED', reasonCode: 'INSUFFICIENT_FUNDS' });
    expect(simulatedAnswerOf(request({ iban }), 1, 2)).toEqual({ outcome: 'SUCCEEDED' });
  });

  it('when the IBAN ends in 0006, then the first debit on the mandate settles and comes back AM04; presented again, it stays paid', () => {
    const iban = simulatedIbans.returnedOnceThenPaid;
    expect(simulatedAnswerOf(request({ iban }), 1, 1)).toEqual({ outcome: 'SUCCEEDED', returnReasonCode: 'AM04' });
    expect(simulatedAnswerOf(request({ iban }), 1, 2)).toEqual({ outcome: 'SUCCEEDED' });
  });

  it.each([
    [simulatedIbans.returnedAccountClosed, 'AC04'],
    [simulatedIbans.returnedNoMandate, 'MD01'],
    [simulatedIbans.returnedRefusedByDebtor, 'MS02'],
  ])('when the IBAN is %s, then every debit settles and comes back %s', (iban, code) => {
    for (const presentation of [1, 2]) expect(simulatedAnswerOf(request({ iban }), 1, presentation)).toEqual({ outcome: 'SUCCEEDED', returnReasonCode: code });
  });

  it('when the IBAN is any other valid one, then the debit succeeds', () => {
    expect(simulatedAnswerOf(request({ iban: 'DE89370400440532013000' }), 1)).toEqual({ outcome: 'SUCCEEDED' });
  });

  it('when the IBAN, currency or amount is unusable, then the debit is refused, not retried', () => {
    expect(simulatedAnswerOf(request({ iban: 'FR7630004000010010000850002' }), 1)).toMatchObject({ outcome: 'REFUSED', reasonCode: 'INVALID_ACCOUNT' });
    expect(simulatedAnswerOf(request({ currency: 'USD' }), 1)).toMatchObject({ outcome: 'REFUSED', reasonCode: 'CURRENCY_NOT_SUPPORTED' });
    expect(simulatedAnswerOf(request({ amountMinor: 0 }), 1)).toMatchObject({ outcome: 'REFUSED', reasonCode: 'INVALID_AMOUNT' });
  });
});
