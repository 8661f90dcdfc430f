import { hasLapsed, lapseDateOf, lapseReasonOf } from './mandate-expiry';

const active = { status: 'ACTIVE' as const, signedAt: '2023-03-15', lastCollectedOn: null };

describe('a mandate unused for 36 months', () => {
  it('when 36 months have passed since its signature and it was never used, then it has lapsed that day, not the day before', () => {
    expect(hasLapsed(active, '2026-03-14')).toBe(false);
    expect(hasLapsed(active, '2026-03-15')).toBe(true);
  });

  it('when it was collected since, then the 36 months run from its last collection', () => {
    const used = { ...active, lastCollectedOn: '2025-01-06' };
    expect(hasLapsed(used, '2026-12-03')).toBe(false);
    expect(hasLapsed(used, '2028-01-06')).toBe(true);
    expect(lapseReasonOf(used)).toBe('Expired: no collection for 36 months since its last collection on 2025-01-06 (SEPA rulebook); a new mandate must be signed.');
  });

  it('when it is pending signature or revoked, then it never lapses', () => {
    expect(hasLapsed({ ...active, status: 'REVOKED' }, '2030-01-01')).toBe(false);
    expect(hasLapsed({ status: 'PENDING_SIGNATURE', signedAt: null, lastCollectedOn: null }, '2030-01-01')).toBe(false);
  });

  it('when the last use is on a day the lapse month does not have, then it lapses at the end of that month', () => {
    expect(lapseDateOf('2025-02-28')).toBe('2028-02-28');
    expect(lapseDateOf('2024-02-29')).toBe('2027-02-28');
    expect(lapseDateOf('2023-12-31')).toBe('2026-12-31');
  });
});
