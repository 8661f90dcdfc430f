import { decodeCursor, encodeCursor, isAfter, partitionKey } from './live-cursor';

const topics = ['billing.operation-decided.v1', 'contract.lifecycle.v1'];

describe('live cursor', () => {
  it('when a cursor is encoded then decoded, then every partition keeps its offset', () => {
    const cursor = new Map([
      [partitionKey('contract.lifecycle.v1', 2), 41n],
      [partitionKey('billing.operation-decided.v1', 0), 9007199254740993n],
    ]);
    expect(decodeCursor(encodeCursor(cursor, topics), topics)).toEqual(cursor);
  });

  it('when the id is missing, of another version or malformed, then the cursor is empty (everything is replayed)', () => {
    expect(decodeCursor(undefined, topics).size).toBe(0);
    expect(decodeCursor('c0_0.0.1', topics).size).toBe(0);
    expect(decodeCursor('c1_9.0.1', topics).size).toBe(0);
    expect(decodeCursor('c1_0.0.x', topics).size).toBe(0);
  });

  it('when an offset is at or before the cursor, then it is not after it; a partition never seen always is', () => {
    const cursor = new Map([[partitionKey('contract.lifecycle.v1', 0), 5n]]);
    expect(isAfter(cursor, 'contract.lifecycle.v1', 0, 5n)).toBe(false);
    expect(isAfter(cursor, 'contract.lifecycle.v1', 0, 6n)).toBe(true);
    expect(isAfter(cursor, 'contract.lifecycle.v1', 1, 0n)).toBe(true);
  });
});
