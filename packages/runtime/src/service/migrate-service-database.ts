import { Client } from 'pg';
import { createDatabase, createPool, ensureDatabase, runMigrations } from '../db';

const INVALID_CATALOG_NAME = '3D000'; // database does not exist

/**
 * Creates the service's database on first start (local machines: one server, one database
 * per service). Only when connecting says it does not exist: a production database created
 * by an operator or an init script is used as it is, without needing CREATEDB rights.
 */
export async function ensureServiceDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  await ensureDatabase(url.toString(), name);
}

/** Creates the database if needed and applies the service's pending migrations. */
export async function migrateServiceDatabase(databaseUrl: string, migrationsFolder: string): Promise<void> {
  await ensureServiceDatabase(databaseUrl);
  const pool = createPool(databaseUrl, 1);
  try {
    await runMigrations(createDatabase(pool), migrationsFolder);
  } finally {
    await pool.end();
  }
}
