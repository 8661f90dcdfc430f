import { decideReturn, paymentRefOfDebitKey, returnReasonOf } from './debit-return';
import { NOW, buildPayment } from './payment.fixtures';

const later = new Date('2026-11-12T08:00:00.000Z');
const settled = buildPayment({ status: 'SUCCEEDED', attemptCount: 1, nextAttemptAt: null, providerRef: 'SIM-1', settledAt: NOW });

describe('decideReturn', () => {
  it('when the current debit settled by direct debit comes back, then the payment is RETURNED with the reason in words and its ISO code', () => {
    expect(decideReturn(settled, { debitKey: 'PAY-0000000000000001', returnReasonCode: 'AM04' }, later)).toEqual({
      kind: 'returned',
      payment: {
        ...settled,
        status: 'RETURNED',
        reasonCode: 'INSUFFICIENT_FUNDS',
        reasonMessage: 'SEPA AM04: insufficient funds on the debtor account',
        returnReasonCode: 'AM04',
        returnedAt: later,
        updatedAt: later,
      },
    });
  });

  it('when the same return is reported again, then it is already recorded', () => {
    const returned = { ...settled, status: 'RETURNED' as const, returnReasonCode: 'AM04', returnedAt: later };
    expect(decideReturn(returned, { debitKey: 'PAY-0000000000000001', returnReasonCode: 'AM04' }, later)).toEqual({ kind: 'already-returned' });
  });

  it('when the return names an older round, a bank transfer or a debit that did not settle, then nothing is returned', () => {
    const representedSettled = { ...settled, debitRound: 1 };
    expect(decideReturn(representedSettled, { debitKey: 'PAY-0000000000000001', returnReasonCode: 'AM04' }, later).kind).toBe('not-returnable');
    expect(decideReturn({ ...settled, method: 'BANK_TRANSFER' }, { debitKey: 'PAY-0000000000000001', returnReasonCode: 'AM04' }, later).kind).toBe('not-returnable');
    for (const status of ['PENDING', 'FAILED', 'CANCELLED'] as const) {
      expect(decideReturn({ ...settled, status }, { debitKey: 'PAY-0000000000000001', returnReasonCode: 'AM04' }, later).kind).toBe('not-returnable');
    }
  });
});

describe('return reasons and debit keys', () => {
  it('when the ISO code is known, then its stable code and words; otherwise DEBIT_RETURNED with the code', () => {
    expect(returnReasonOf('MD01')).toEqual({ reasonCode: 'NO_MANDATE', reasonMessage: 'SEPA MD01: the debtor bank holds no valid mandate' });
    expect(returnReasonOf('MS02').reasonCode).toBe('REFUSED_BY_DEBTOR');
    expect(returnReasonOf('AC04').reasonCode).toBe('ACCOUNT_CLOSED');
    expect(returnReasonOf('XX99')).toEqual({ reasonCode: 'DEBIT_RETURNED', reasonMessage: 'SEPA XX99: the debit was returned by the debtor bank' });
  });

  it('when a debit key is a payment reference, possibly of a retry round, then it names the payment', () => {
    expect(paymentRefOfDebitKey('PAY-0123456789ABCDEF')).toBe('PAY-0123456789ABCDEF');
    expect(paymentRefOfDebitKey('PAY-0123456789ABCDEF-R2')).toBe('PAY-0123456789ABCDEF');
    expect(paymentRefOfDebitKey('NOTPROVIDED')).toBeUndefined();
    expect(paymentRefOfDebitKey('PAY-0123456789ABCDEF-R0')).toBeUndefined();
  });
});
