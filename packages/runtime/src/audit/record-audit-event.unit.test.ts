import { changedFieldsOf, systemActor } from './record-audit-event';

describe('changedFieldsOf', () => {
  it('when some fields change, then each side keeps only those, nested values compared whole', () => {
    const before = { version: 1, status: 'CREATED', limit: { amountMinor: 100, currency: 'EUR' }, mandate: { status: 'ACTIVE' } };
    const after = { version: 2, status: 'ACTIVE', limit: { amountMinor: 100, currency: 'EUR' }, mandate: { status: 'ACTIVE' } };

    expect(changedFieldsOf(before, after)).toEqual({ before: { version: 1, status: 'CREATED' }, after: { version: 2, status: 'ACTIVE' } });
  });

  it('when a field appears or disappears, then the missing side says null', () => {
    expect(changedFieldsOf({ reason: 'late' }, { terminatedAt: '2026-11-30' })).toEqual({
      before: { reason: 'late', terminatedAt: null },
      after: { reason: null, terminatedAt: '2026-11-30' },
    });
  });

  it('when nothing changes, then both sides are empty', () => {
    expect(changedFieldsOf({ status: 'ACTIVE' }, { status: 'ACTIVE' })).toEqual({ before: {}, after: {} });
  });
});

describe('systemActor', () => {
  it('when the service acts by itself, then the subject says which job and there are no scopes', () => {
    expect(systemActor('contract-expiry')).toEqual({ subject: 'system:contract-expiry', scopes: [] });
  });
});
