import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createDatabase, type Database } from '../db/database';
import { dropDatabase, ensureDatabase } from '../db/database-admin';
import { runMigrations } from '../db/migrations';
import { createPool } from '../db/pool';

export interface ScratchDatabase<TSchema extends Record<string, unknown>> {
  name: string;
  url: string;
  pool: Pool;
  db: Database<TSchema>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database with a unique name, so test files never see each other's rows. */
export async function createScratchDatabase<TSchema extends Record<string, unknown>>(options: {
  adminUrl: string;
  migrationsFolder: string;
  schema: TSchema;
  prefix?: string;
}): Promise<ScratchDatabase<TSchema>> {
  const name = `${options.prefix ?? 'scratch'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(options.adminUrl, name);
  const url = databaseUrl(options.adminUrl, name);
  const pool = createPool(url, 5);
  const db = createDatabase(pool, options.schema);
  await runMigrations(db, options.migrationsFolder);
  return {
    name,
    url,
    pool,
    db,
    async drop() {
      await pool.end();
      await dropDatabase(options.adminUrl, name);
    },
  };
}
