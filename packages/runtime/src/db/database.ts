import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';

export type Database<TSchema extends Record<string, unknown> = Record<string, never>> = NodePgDatabase<TSchema>;

/** The handle a `db.transaction` callback receives; queries on it share one transaction. */
export type Transaction<TSchema extends Record<string, unknown> = Record<string, never>> = Parameters<
  Parameters<Database<TSchema>['transaction']>[0]
>[0];

export function createDatabase<TSchema extends Record<string, unknown> = Record<string, never>>(
  pool: Pool,
  schema?: TSchema,
): Database<TSchema> {
  return schema ? drizzle({ client: pool, schema }) : (drizzle({ client: pool }) as Database<TSchema>);
}

/**
 * Commits when `work` resolves and rolls back when it throws (the error is rethrown), so a
 * state change and the outbox row written beside it are either both kept or both gone.
 */
export function withTransaction<TSchema extends Record<string, unknown>, T>(
  db: Database<TSchema>,
  work: (tx: Transaction<TSchema>) => Promise<T>,
): Promise<T> {
  return db.transaction(work);
}
