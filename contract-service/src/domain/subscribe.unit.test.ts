import { buildApplication } from './contract.fixtures';
import { subscribe } from './subscribe';

const identity = { contractId: '00000000-0000-4000-8000-000000000001', contractRef: 'CTR-2026-000001' };
const today = '2026-10-03';

function problemsOf(overrides: Parameters<typeof buildApplication>[0]) {
  const decision = subscribe(buildApplication(overrides), identity, today);
  if (decision.kind !== 'invalid') throw new Error('expected the application to be invalid');
  return decision.problems.map(({ code, field }) => `${code} ${field}`);
}

describe('subscribe', () => {
  it('when the application is sound, then the contract is CREATED at version 1 with its limit in cents', () => {
    const decision = subscribe(buildApplication({ outstandingLimit: { amount: 1234.5, currency: 'EUR' } }), identity, today);
    expect(decision).toMatchObject({
      kind: 'accepted',
      eventType: 'SUBSCRIBED',
      contract: { ...identity, version: 1, status: 'CREATED', outstandingLimit: { amountMinor: 123_450, currency: 'EUR' } },
    });
  });

  it('when dates are incoherent, then each one is reported', () => {
    expect(problemsOf({ createdAt: '2026-10-06' })).toEqual(['INVALID_DATES /activatedAt']);
    expect(problemsOf({ expireAt: '2026-10-04' })).toEqual(['INVALID_DATES /expireAt']);
    expect(problemsOf({ signedAt: '2026-10-06' })).toEqual(['INVALID_DATES /signedAt']);
    expect(problemsOf({ createdAt: '2026-09-01', signedAt: null, activatedAt: '2026-09-01', expireAt: '2026-09-30' })).toEqual(['INVALID_DATES /expireAt']);
  });

  it('when activatedAt equals createdAt and expireAt, then a one-day contract is accepted', () => {
    expect(subscribe(buildApplication({ createdAt: today, activatedAt: today, expireAt: today, signedAt: null }), identity, today).kind).toBe('accepted');
  });

  it('when the IBAN checksum or the mandate signature is wrong, then the mandate is refused', () => {
    const mandate = buildApplication().mandate;
    expect(problemsOf({ mandate: { ...mandate, iban: 'FR7630006000011234567890188' } })).toEqual(['INVALID_IBAN /payment/mandate/iban']);
    expect(problemsOf({ mandate: { ...mandate, signedAt: null } })).toEqual(['INVALID_MANDATE /payment/mandate/signedAt']);
    expect(problemsOf({ mandate: { ...mandate, status: 'PENDING_SIGNATURE' } })).toEqual(['INVALID_MANDATE /payment/mandate/signedAt']);
    expect(problemsOf({ mandate: { ...mandate, signedAt: '2026-10-04' } })).toEqual(['INVALID_MANDATE /payment/mandate/signedAt']);
  });

  it('when the limit has extra decimals, is zero or has an unknown currency, then it is refused, never rounded', () => {
    expect(problemsOf({ outstandingLimit: { amount: 10.001, currency: 'EUR' } })).toEqual(['INVALID_AMOUNT /billing/outstandingLimit/amount']);
    expect(problemsOf({ outstandingLimit: { amount: 0, currency: 'EUR' } })).toEqual(['INVALID_AMOUNT /billing/outstandingLimit/amount']);
    expect(problemsOf({ outstandingLimit: { amount: 10, currency: 'XYZ' } })).toEqual(['UNKNOWN_CURRENCY /billing/outstandingLimit/currency']);
  });

  it('when several things are wrong, then all are reported together', () => {
    const mandate = { ...buildApplication().mandate, iban: 'FR0000000000000000000000000' };
    expect(problemsOf({ createdAt: '2026-10-06', mandate, outstandingLimit: { amount: 1.999, currency: 'EUR' } })).toHaveLength(3);
  });
});
