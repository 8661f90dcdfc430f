import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database';

/** Applies the drizzle-kit generated migrations not yet recorded in the database. */
export async function runMigrations<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  migrationsFolder: string,
): Promise<void> {
  await migrate(db, { migrationsFolder });
}
