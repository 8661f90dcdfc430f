import { Client } from 'pg';

// A concurrent CREATE DATABASE of the same name fails with either code, depending on timing.
const ALREADY_CREATED = new Set(['42P04' /* duplicate_database */, '23505' /* unique_violation on pg_database */]);

async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when missing. Safe to run from several processes at once. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Another process created it between our check and our create: that is what we wanted.
      if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
    }
  });
}

/** Drops the database even if connections are still open (scratch databases of tests). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}
