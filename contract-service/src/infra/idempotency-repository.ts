import { and, eq } from 'drizzle-orm';
import type { Queryable } from './database';
import { idempotencyKeys } from './schema';

export interface IdempotencyRecord {
  clientId: string;
  idempotencyKey: string;
  requestHash: string;
  contractRef: string;
}

export async function findIdempotencyRecord(db: Queryable, clientId: string, idempotencyKey: string): Promise<IdempotencyRecord | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.idempotencyKey, idempotencyKey)));
  return row;
}

/**
 * Records the key unless it exists. A concurrent transaction holding the same key makes this
 * wait until it ends; false then means that one won and its record is now readable.
 */
export async function claimIdempotencyKey(db: Queryable, record: IdempotencyRecord): Promise<boolean> {
  const inserted = await db.insert(idempotencyKeys).values(record).onConflictDoNothing().returning({ key: idempotencyKeys.idempotencyKey });
  return inserted.length > 0;
}
