import { customerScopeCondition, type CustomerScope } from '@boissipay/runtime';
import { and, asc, countDistinct, desc, eq, sql } from 'drizzle-orm';
import type { CollectionTransaction } from '../domain/collection-batch';
import type { Queryable } from './database';
import { collectionTransactions } from './schema';

export interface CollectionBatchSummary {
  collectionDate: string;
  currency: string;
  numberOfTransactions: number;
  controlSumMinor: number;
  firstCollections: number;
  recurringCollections: number;
}

/** One page of the collection dates that have transactions (for the caller), newest first, and how many there are. */
export async function listCollectionBatches(db: Queryable, page: { offset: number; limit: number }, scope: CustomerScope): Promise<{ batches: CollectionBatchSummary[]; totalItems: number }> {
  const where = customerScopeCondition(scope, collectionTransactions.customerRef);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        collectionDate: collectionTransactions.collectionDate,
        currency: sql<string>`min(${collectionTransactions.currency})`,
        numberOfTransactions: sql<number>`count(*)::int`,
        // Summed in PostgreSQL's numeric and read back as text: exact whatever the total.
        controlSumMinor: sql<string>`sum(${collectionTransactions.amountMinor})::text`,
        firstCollections: sql<number>`(count(*) filter (where ${collectionTransactions.sequenceType} = 'FRST'))::int`,
      })
      .from(collectionTransactions)
      .where(where)
      .groupBy(collectionTransactions.collectionDate)
      .orderBy(desc(collectionTransactions.collectionDate))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: countDistinct(collectionTransactions.collectionDate) }).from(collectionTransactions).where(where),
  ]);
  return {
    batches: rows.map((row) => {
      const controlSumMinor = Number(row.controlSumMinor);
      if (!Number.isSafeInteger(controlSumMinor)) throw new RangeError(`the control sum of ${row.collectionDate} is beyond exact integers`);
      return { ...row, controlSumMinor, recurringCollections: row.numberOfTransactions - row.firstCollections };
    }),
    totalItems: total?.value ?? 0,
  };
}

/** The transactions of one collection date the caller may see. */
export async function findCollectionTransactions(db: Queryable, collectionDate: string, scope: CustomerScope): Promise<CollectionTransaction[]> {
  return db
    .select()
    .from(collectionTransactions)
    .where(and(eq(collectionTransactions.collectionDate, collectionDate), customerScopeCondition(scope, collectionTransactions.customerRef)))
    .orderBy(asc(collectionTransactions.debitKey));
}
