import { collectionBatchOf, sequenceTypeOf, type CollectionTransaction } from './collection-batch';

const transaction = (overrides: Partial<CollectionTransaction>): CollectionTransaction => ({
  debitKey: 'PAY-0000000000000001',
  paymentRef: 'PAY-0000000000000001',
  customerRef: 'CUST-1',
  collectionDate: '2027-01-04',
  sequenceType: 'FRST',
  mandateRef: 'RUM-1',
  mandateSignedAt: '2026-01-15',
  debtorName: 'ACME SA',
  iban: 'FR7630004000010001234567830',
  bic: null,
  amountMinor: 100,
  currency: 'EUR',
  remittanceInformation: 'BIL-2026-000001',
  createdAt: new Date('2027-01-04T05:00:00Z'),
  ...overrides,
});

describe('collection batch', () => {
  it('when the batch has first and recurring collections, then one block each, FRST first, with counts and control sums in integers', () => {
    const batch = collectionBatchOf('2027-01-04', [
      transaction({ debitKey: 'PAY-0000000000000003', sequenceType: 'RCUR', amountMinor: 10 }),
      transaction({ debitKey: 'PAY-0000000000000002', amountMinor: 245_240 }),
      transaction({ debitKey: 'PAY-0000000000000001', sequenceType: 'RCUR', amountMinor: 1 }),
    ]);
    expect(batch).toMatchObject({ collectionDate: '2027-01-04', currency: 'EUR', numberOfTransactions: 3, controlSumMinor: 245_251 });
    expect(batch.blocks.map((block) => [block.sequenceType, block.transactions.map((t) => t.debitKey), block.controlSumMinor])).toEqual([
      ['FRST', ['PAY-0000000000000002'], 245_240],
      ['RCUR', ['PAY-0000000000000001', 'PAY-0000000000000003'], 11],
    ]);
  });

  it('when a mandate has been collected before, then RCUR; never before, FRST', () => {
    expect(sequenceTypeOf(0)).toBe('FRST');
    expect(sequenceTypeOf(1)).toBe('RCUR');
  });

  it('when the transactions mix currencies, then no batch is made', () => {
    expect(() => collectionBatchOf('2027-01-04', [transaction({}), transaction({ debitKey: 'PAY-0000000000000002', currency: 'USD' })])).toThrow(/mixes currencies/);
  });
});
