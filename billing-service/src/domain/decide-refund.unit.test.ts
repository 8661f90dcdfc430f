import type { ContractView } from './contract-view';
import { decideRefund, type RefundablePurchase, type RefundCommand } from './decide-refund';
import type { DecisionDay } from './operation-date';

const day: DecisionDay = { today: '2026-11-20', maxDaysAhead: 1 };

const suspendedWithoutMandate: ContractView = {
  contractRef: 'CTR-1',
  status: 'SUSPENDED',
  activatedAt: '2026-01-01',
  expireAt: '2026-12-31',
  mandate: { status: 'REVOKED', signedAt: '2025-12-15', revokedAt: '2026-11-01' },
  limit: { amountMinor: 100_000, currency: 'EUR' },
};

function buildPurchase(overrides: Partial<RefundablePurchase> = {}): RefundablePurchase {
  return { orderRef: 'ORD-1', amount: { amountMinor: 5_000, currency: 'EUR' }, refundedMinor: 0, ...overrides };
}

function buildRefund(amountMinor: number, currency = 'EUR', operationAt = day.today): RefundCommand {
  return { refundedOrderRef: 'ORD-1', operationAt, amount: { amountMinor, currency } };
}

describe('decideRefund', () => {
  it('when part of an accepted purchase is refunded, then it is accepted and lowers the outstanding', () => {
    expect(decideRefund(buildRefund(2_000), suspendedWithoutMandate, buildPurchase(), day)).toEqual({ status: 'ACCEPTED', outstandingDeltaMinor: -2_000 });
  });

  it('when exactly what remains is refunded, then it is accepted', () => {
    expect(decideRefund(buildRefund(3_000), suspendedWithoutMandate, buildPurchase({ refundedMinor: 2_000 }), day).status).toBe('ACCEPTED');
  });

  it('when one cent more than what remains is refunded, then REFUND_EXCEEDS_PURCHASE', () => {
    expect(decideRefund(buildRefund(3_001), suspendedWithoutMandate, buildPurchase({ refundedMinor: 2_000 }), day)).toEqual({
      status: 'REJECTED',
      code: 'REFUND_EXCEEDS_PURCHASE',
      message: 'Only 30.00 EUR remains refundable on purchase ORD-1; 30.01 EUR asked.',
    });
  });

  it('when no accepted purchase has the referenced orderRef, then PURCHASE_NOT_FOUND', () => {
    expect(decideRefund(buildRefund(100), suspendedWithoutMandate, undefined, day)).toMatchObject({ code: 'PURCHASE_NOT_FOUND' });
  });

  it('when billing does not know the contract, then CONTRACT_UNKNOWN', () => {
    expect(decideRefund(buildRefund(100), undefined, undefined, day)).toMatchObject({ code: 'CONTRACT_UNKNOWN' });
  });

  it('when the refund is in another currency than the purchase, then CURRENCY_MISMATCH', () => {
    expect(decideRefund(buildRefund(100, 'USD'), suspendedWithoutMandate, buildPurchase(), day)).toMatchObject({ code: 'CURRENCY_MISMATCH' });
  });

  it('when the refund is dated after tomorrow, then OPERATION_DATE_IN_FUTURE', () => {
    expect(decideRefund(buildRefund(100, 'EUR', '2026-11-22'), suspendedWithoutMandate, buildPurchase(), day)).toMatchObject({ status: 'REJECTED', code: 'OPERATION_DATE_IN_FUTURE' });
    expect(decideRefund(buildRefund(100, 'EUR', '2026-11-21'), suspendedWithoutMandate, buildPurchase(), day).status).toBe('ACCEPTED');
  });
});
