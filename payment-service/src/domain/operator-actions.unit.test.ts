import { decideCancel, decideManualPayment, decideRetry } from './operator-actions';
import { debitKeyOf } from './payment';
import { NOW, buildPayment } from './payment.fixtures';

const later = new Date('2026-11-20T10:00:00.000Z');
const transfer = { bankReference: 'VIR-000123', receivedOn: '2026-11-19' };
const failed = buildPayment({ status: 'FAILED', attemptCount: 2, nextAttemptAt: null, reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'SEPA AM04' });
const idle = (payment = buildPayment()) => ({ payment, debitInProgress: false });

describe('decideRetry', () => {
  it('when the payment FAILED, then it is due now in a new debit round with its own key and retry count', () => {
    const decision = decideRetry(idle(failed), later);
    expect(decision).toEqual({
      kind: 'decided',
      payment: { ...failed, status: 'PENDING', nextAttemptAt: later, reasonCode: null, reasonMessage: null, debitRound: 1, attemptsBeforeRound: 2, updatedAt: later },
    });
    expect(decision.kind === 'decided' && debitKeyOf(decision.payment)).toBe('PAY-0000000000000001-R1');
    expect(debitKeyOf(failed)).toBe('PAY-0000000000000001');
  });

  it('when the debit was RETURNED by the debtor bank, then it is presented again in a new round', () => {
    const returned = buildPayment({ status: 'RETURNED', attemptCount: 1, nextAttemptAt: null, reasonCode: 'INSUFFICIENT_FUNDS', returnReasonCode: 'AM04', returnedAt: NOW });
    const decision = decideRetry(idle(returned), later);
    expect(decision).toMatchObject({ kind: 'decided', payment: { status: 'PENDING', debitRound: 1, attemptsBeforeRound: 1, returnReasonCode: 'AM04' } });
  });

  it('when the payment is not FAILED, or has no mandate, then the retry is refused', () => {
    for (const status of ['PENDING', 'RETRY_SCHEDULED', 'SUCCEEDED', 'NOT_REQUIRED', 'CANCELLED'] as const) {
      expect(decideRetry(idle(buildPayment({ status })), later)).toMatchObject({ kind: 'refused', code: 'PAYMENT_NOT_FAILED' });
    }
    expect(decideRetry(idle({ ...failed, mandate: null, reasonCode: 'MANDATE_MISSING' }), later)).toMatchObject({ kind: 'refused', code: 'MANDATE_MISSING' });
  });
});

describe('decideManualPayment', () => {
  it('when the invoice is still to be paid, then the payment SUCCEEDS by bank transfer, settled now', () => {
    for (const status of ['PENDING', 'RETRY_SCHEDULED', 'FAILED', 'CANCELLED'] as const) {
      expect(decideManualPayment(idle(buildPayment({ status, reasonCode: 'X' })), transfer, later)).toEqual({
        kind: 'decided',
        payment: expect.objectContaining({ status: 'SUCCEEDED', method: 'BANK_TRANSFER', ...transfer, nextAttemptAt: null, reasonCode: null, settledAt: later, updatedAt: later }),
      });
    }
  });

  it('when the payment is settled or a debit is in flight, then it is refused', () => {
    expect(decideManualPayment(idle(buildPayment({ status: 'SUCCEEDED' })), transfer, later)).toMatchObject({ code: 'PAYMENT_ALREADY_SETTLED' });
    expect(decideManualPayment(idle(buildPayment({ status: 'NOT_REQUIRED' })), transfer, later)).toMatchObject({ code: 'PAYMENT_ALREADY_SETTLED' });
    expect(decideManualPayment({ payment: buildPayment(), debitInProgress: true }, transfer, later)).toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
  });

  it('when the transfer is dated after today anywhere on earth, then it is refused; today in UTC+14 is accepted', () => {
    expect(decideManualPayment(idle(), { ...transfer, receivedOn: '2026-11-01' }, NOW).kind).toBe('decided');
    expect(decideManualPayment(idle(), { ...transfer, receivedOn: '2026-11-02' }, new Date('2026-11-01T10:00:00Z')).kind).toBe('decided');
    expect(decideManualPayment(idle(), { ...transfer, receivedOn: '2026-11-03' }, new Date('2026-11-01T10:00:00Z'))).toMatchObject({ code: 'RECEIVED_ON_IN_FUTURE' });
  });
});

describe('decideCancel', () => {
  it('when the debit is still to be made, then the payment is CANCELLED with the reason and nothing left due', () => {
    for (const status of ['PENDING', 'RETRY_SCHEDULED'] as const) {
      expect(decideCancel(idle(buildPayment({ status, nextAttemptAt: NOW })), 'Paid by transfer', later)).toEqual({
        kind: 'decided',
        payment: expect.objectContaining({ status: 'CANCELLED', nextAttemptAt: null, reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'Paid by transfer' }),
      });
    }
  });

  it('when a debit is in flight or the payment is done, then it is refused', () => {
    expect(decideCancel({ payment: buildPayment(), debitInProgress: true }, 'r', later)).toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
    for (const status of ['SUCCEEDED', 'FAILED', 'NOT_REQUIRED', 'CANCELLED'] as const) {
      expect(decideCancel(idle(buildPayment({ status })), 'r', later)).toMatchObject({ code: 'PAYMENT_NOT_CANCELLABLE' });
    }
  });
});
