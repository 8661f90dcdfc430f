import { Client } from 'pg';
import { localEndpoints, registryDatabase, serviceDatabaseNames } from './endpoints';

/** Every database the platform needs: one per service plus the schema registry's. */
export const requiredDatabases: readonly string[] = [...serviceDatabaseNames, registryDatabase];

// A concurrent CREATE DATABASE of the same name fails with one or the other code.
const ALREADY_EXISTS_CODES = new Set(['42P04', '23505']);

/** Where PostgreSQL is, without the password if the URL has one. */
export function postgresDisplayUrl(): string {
  const url = new URL(localEndpoints.postgresAdminUrl);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: localEndpoints.postgresAdminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresAnswers(): Promise<boolean> {
  return withAdminClient(async (client) => {
    const result = await client.query<{ ok: number }>('SELECT 1 AS ok');
    return result.rows[0]?.ok === 1;
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * PostgreSQL is not ours to start (it runs already); we only make sure it answers and that
 * our databases exist. Returns the names of the databases created now.
 */
export async function ensureDatabases(): Promise<string[]> {
  return withAdminClient(async (client) => {
    await client.query('SELECT 1');
    const existing = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
      requiredDatabases,
    ]);
    const present = new Set(existing.rows.map((row) => row.datname));
    const created: string[] = [];
    for (const name of requiredDatabases.filter((database) => !present.has(database))) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        // Another `start` running at the same moment created it first: that is fine.
        if (!ALREADY_EXISTS_CODES.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
    return created;
  });
}
