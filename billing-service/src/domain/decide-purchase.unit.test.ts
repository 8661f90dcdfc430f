import type { ContractView } from './contract-view';
import { decidePurchase, type PurchaseCommand } from './decide-purchase';
import type { DecisionDay } from './operation-date';

const today = '2026-11-20';
const day: DecisionDay = { today, maxDaysAhead: 1 };

function buildContract(overrides: Partial<ContractView> = {}): ContractView {
  return {
    contractRef: 'CTR-1',
    status: 'ACTIVE',
    activatedAt: '2026-01-01',
    expireAt: '2026-12-31',
    mandate: { status: 'ACTIVE', signedAt: '2025-12-15', revokedAt: null },
    limit: { amountMinor: 100_000, currency: 'EUR' },
    ...overrides,
  };
}

function buildPurchase(overrides: Partial<PurchaseCommand> = {}): PurchaseCommand {
  return { orderRef: 'ORD-1', operationAt: today, amount: { amountMinor: 10_000, currency: 'EUR' }, ...overrides };
}

const noOutstanding = { outstandingMinor: 0 };

describe('decidePurchase', () => {
  it('when every rule holds, then the purchase is accepted and raises the outstanding by its amount', () => {
    expect(decidePurchase(buildPurchase(), buildContract(), noOutstanding, day)).toEqual({ status: 'ACCEPTED', outstandingDeltaMinor: 10_000 });
  });

  it('when billing does not know the contract, then CONTRACT_UNKNOWN', () => {
    expect(decidePurchase(buildPurchase(), undefined, noOutstanding, day)).toMatchObject({ status: 'REJECTED', code: 'CONTRACT_UNKNOWN' });
  });

  it.each(['CREATED', 'SUSPENDED', 'TERMINATED', 'EXPIRED'] as const)('when the contract is %s, then CONTRACT_NOT_ACTIVE', (status) => {
    expect(decidePurchase(buildPurchase(), buildContract({ status }), noOutstanding, day)).toMatchObject({ status: 'REJECTED', code: 'CONTRACT_NOT_ACTIVE' });
  });

  it('when the contract is still ACTIVE but its validity ended before today, then CONTRACT_NOT_ACTIVE', () => {
    const contract = buildContract({ expireAt: '2026-11-19' });
    expect(decidePurchase(buildPurchase({ operationAt: '2026-11-19' }), contract, noOutstanding, day)).toMatchObject({ code: 'CONTRACT_NOT_ACTIVE' });
  });

  it.each([
    ['the day before activation', '2025-12-31'],
    ['the day after expiry', '2027-01-01'],
  ])('when the operation is dated %s, then OUTSIDE_CONTRACT_VALIDITY', (_label, operationAt) => {
    expect(decidePurchase(buildPurchase({ operationAt }), buildContract(), noOutstanding, day)).toMatchObject({ code: 'OUTSIDE_CONTRACT_VALIDITY' });
  });

  it.each([
    ['the first day', '2026-01-01'],
    ['the last day', '2026-12-31'],
  ])('when the operation is dated %s of validity, then it is within it', (_label, operationAt) => {
    expect(decidePurchase(buildPurchase({ operationAt }), buildContract(), noOutstanding, { today: '2026-12-30', maxDaysAhead: 1 }).status).toBe('ACCEPTED');
  });

  it.each([
    ['missing', null],
    ['revoked', { status: 'REVOKED', signedAt: '2025-12-15', revokedAt: '2026-11-01' }],
    ['pending signature', { status: 'PENDING_SIGNATURE', signedAt: null, revokedAt: null }],
    ['active but unsigned', { status: 'ACTIVE', signedAt: null, revokedAt: null }],
  ] as const)('when the mandate is %s, then MANDATE_INVALID', (_label, mandate) => {
    expect(decidePurchase(buildPurchase(), buildContract({ mandate }), noOutstanding, day)).toMatchObject({ code: 'MANDATE_INVALID' });
  });

  it('when the purchase is in another currency than the contract, then CURRENCY_MISMATCH', () => {
    const purchase = buildPurchase({ amount: { amountMinor: 100, currency: 'USD' } });
    expect(decidePurchase(purchase, buildContract(), noOutstanding, day)).toMatchObject({ code: 'CURRENCY_MISMATCH' });
  });

  it('when outstanding + amount exceeds the limit by one cent, then OUTSTANDING_LIMIT_EXCEEDED', () => {
    const decision = decidePurchase(buildPurchase({ amount: { amountMinor: 10_001, currency: 'EUR' } }), buildContract(), { outstandingMinor: 90_000 }, day);
    expect(decision).toEqual({
      status: 'REJECTED',
      code: 'OUTSTANDING_LIMIT_EXCEEDED',
      message: 'Outstanding 900.00 + 100.01 EUR would exceed the limit of 1000.00 EUR.',
    });
  });

  it('when outstanding + amount reaches the limit exactly, then the purchase is accepted', () => {
    const decision = decidePurchase(buildPurchase({ amount: { amountMinor: 10_000, currency: 'EUR' } }), buildContract(), { outstandingMinor: 90_000 }, day);
    expect(decision).toEqual({ status: 'ACCEPTED', outstandingDeltaMinor: 10_000 });
  });

  it('when refunds left the customer in credit, then the credit adds to what may be bought', () => {
    const decision = decidePurchase(buildPurchase({ amount: { amountMinor: 100_500, currency: 'EUR' } }), buildContract(), { outstandingMinor: -500 }, day);
    expect(decision.status).toBe('ACCEPTED');
  });

  it('when the operation is dated tomorrow, then the default tolerance of one day takes it', () => {
    expect(decidePurchase(buildPurchase({ operationAt: '2026-11-21' }), buildContract(), noOutstanding, day).status).toBe('ACCEPTED');
  });

  it.each([
    ['two days ahead with a tolerance of one', '2026-11-22', 1],
    ['weeks ahead, on the last day of validity', '2026-12-31', 1],
    ['tomorrow with no tolerance', '2026-11-21', 0],
  ])('when the operation is dated %s, then OPERATION_DATE_IN_FUTURE and the limit is left alone', (_label, operationAt, maxDaysAhead) => {
    const decision = decidePurchase(buildPurchase({ operationAt }), buildContract(), noOutstanding, { today, maxDaysAhead });
    expect(decision).toMatchObject({ status: 'REJECTED', code: 'OPERATION_DATE_IN_FUTURE' });
  });

  it('when the tolerance runs over a month or a year end, then the calendar is followed', () => {
    const newYearsEve = { today: '2026-12-31', maxDaysAhead: 1 };
    const contract = buildContract({ expireAt: '2027-12-31' });
    expect(decidePurchase(buildPurchase({ operationAt: '2027-01-01' }), contract, noOutstanding, newYearsEve).status).toBe('ACCEPTED');
    expect(decidePurchase(buildPurchase({ operationAt: '2027-01-02' }), contract, noOutstanding, newYearsEve)).toMatchObject({ code: 'OPERATION_DATE_IN_FUTURE' });
  });

  it('when several checks fail, then the first one made is the answer', () => {
    const contract = buildContract({ status: 'SUSPENDED', mandate: null });
    const decision = decidePurchase(buildPurchase({ operationAt: '2030-01-01' }), contract, { outstandingMinor: 1_000_000 }, day);
    expect(decision).toMatchObject({ code: 'CONTRACT_NOT_ACTIVE' });
  });
});
