import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('when two bodies differ only in key order or undefined fields, then their fingerprints are equal', () => {
    const a = { order: { total: 12.5, ref: 'A' }, lines: [{ q: 1, p: 2 }], note: undefined };
    const b = { lines: [{ p: 2, q: 1 }], order: { ref: 'A', total: 12.5 } };
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
  });

  it('when any value or the order of an array differs, then the fingerprints differ', () => {
    const base = { lines: [1, 2], amount: 10 };
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ lines: [2, 1], amount: 10 }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ lines: [1, 2], amount: 10.01 }));
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});
