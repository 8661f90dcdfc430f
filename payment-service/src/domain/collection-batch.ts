/**
 * The pain.008 batch of one collection date: every debit the file adapter sent for that day,
 * grouped by sequence type (a payment information block each), with the counts and control
 * sums the file's headers carry. Amounts stay integers of minor units; they become decimal text
 * only when written.
 */
export type SequenceType = 'FRST' | 'RCUR';

export interface CollectionTransaction {
  /** The debit's idempotency key, written as the transaction's end-to-end id. */
  debitKey: string;
  paymentRef: string;
  customerRef: string | null;
  collectionDate: string;
  sequenceType: SequenceType;
  mandateRef: string;
  mandateSignedAt: string;
  debtorName: string;
  iban: string;
  bic: string | null;
  amountMinor: number;
  currency: string;
  remittanceInformation: string;
  createdAt: Date;
}

export interface PaymentInformationBlock {
  sequenceType: SequenceType;
  transactions: CollectionTransaction[];
  controlSumMinor: number;
}

export interface CollectionBatch {
  collectionDate: string;
  currency: string;
  numberOfTransactions: number;
  controlSumMinor: number;
  blocks: PaymentInformationBlock[];
}

/** FRST for a mandate's first collection, RCUR for every later one. */
export function sequenceTypeOf(earlierTransactionsOfMandate: number): SequenceType {
  return earlierTransactionsOfMandate === 0 ? 'FRST' : 'RCUR';
}

const sumOf = (transactions: readonly CollectionTransaction[]): number => transactions.reduce((sum, transaction) => sum + transaction.amountMinor, 0);

/**
 * The batch of `collectionDate` from its transactions: one block per sequence type present
 * (FRST first), transactions in end-to-end id order, so the same transactions always make the
 * same file. SEPA debits are in euros only: a batch in several currencies is a bug upstream.
 */
export function collectionBatchOf(collectionDate: string, transactions: readonly CollectionTransaction[]): CollectionBatch {
  const currencies = new Set(transactions.map((transaction) => transaction.currency));
  if (currencies.size > 1) throw new Error(`the batch of ${collectionDate} mixes currencies ${[...currencies].join(', ')}`);
  const ordered = [...transactions].sort((a, b) => (a.debitKey < b.debitKey ? -1 : a.debitKey > b.debitKey ? 1 : 0));
  const blocks = (['FRST', 'RCUR'] as const).flatMap((sequenceType): PaymentInformationBlock[] => {
    const ofType = ordered.filter((transaction) => transaction.sequenceType === sequenceType);
    return ofType.length === 0 ? [] : [{ sequenceType, transactions: ofType, controlSumMinor: sumOf(ofType) }];
  });
  const controlSumMinor = sumOf(ordered);
  if (!Number.isSafeInteger(controlSumMinor)) throw new RangeError(`the control sum of ${collectionDate} is beyond exact integers`);
  return { collectionDate, currency: [...currencies][0] ?? 'EUR', numberOfTransactions: ordered.length, controlSumMinor, blocks };
}
