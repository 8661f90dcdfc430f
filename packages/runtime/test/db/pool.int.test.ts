import { Client, type ClientBase } from 'pg';
import { createPool, withConnectionSettings } from '../../src/db';
import { createScratchDatabase, type ScratchDatabase } from '../../src/testing';
import { fixtureDatabase, testEnvironment } from '../support/test-environment';

/**
 * How the parent table is read by the foreign-key checks of `rows` child inserts made on
 * `client` after the parent grew from 1 to 5,000 rows with no ANALYZE since (autovacuum had
 * not come by yet, as on the night of a billing run), counted with the connection's own
 * table statistics before and after.
 */
async function parentScansOfForeignKeyChecks(client: ClientBase, table: string, rows: number): Promise<{ seqScans: number; indexScans: number }> {
  await client.query(`create table ${table}_parent (id int primary key)`);
  await client.query(`create table ${table}_child (parent_id int not null references ${table}_parent (id))`);
  await client.query(`insert into ${table}_parent values (1)`);
  await client.query(`analyze ${table}_parent`);
  // Enough checks for PostgreSQL to settle on the plan it keeps for this connection.
  for (let i = 0; i < 10; i += 1) await client.query(`insert into ${table}_child values (1)`);
  await client.query(`insert into ${table}_parent select generate_series(2, 5000)`);

  // pg_stat_xact_* counts what this connection has not reported yet: the difference is what the inserts did.
  const scans = async () => {
    const { rows: stats } = await client.query(
      `select seq_scan::int as "seqScans", idx_scan::int as "indexScans" from pg_stat_xact_user_tables where relname = $1`,
      [`${table}_parent`],
    );
    return stats[0] as { seqScans: number; indexScans: number };
  };
  await client.query('begin');
  try {
    const before = await scans();
    for (let i = 0; i < rows; i += 1) await client.query(`insert into ${table}_child values ($1)`, [1 + ((i * 37) % 5000)]);
    const after = await scans();
    return { seqScans: after.seqScans - before.seqScans, indexScans: after.indexScans - before.indexScans };
  } finally {
    await client.query('commit');
  }
}

describe('connection pool', () => {
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_pool', ...fixtureDatabase });
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it('when a connection without our settings checks a foreign key after the parent grew, then it still scans the whole parent table for each row', async () => {
    // The trap the pool's settings avoid: without it this connection keeps a plan made for a one-row parent.
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    try {
      expect(await parentScansOfForeignKeyChecks(client, 'plain', 20)).toEqual({ seqScans: 20, indexScans: 0 });
    } finally {
      await client.end();
    }
  });

  it('when a pooled connection checks a foreign key after the parent grew, then each check uses the primary key', async () => {
    const pool = createPool(scratch.url, 1);
    const client = await pool.connect();
    try {
      expect(await parentScansOfForeignKeyChecks(client, 'pooled', 20)).toEqual({ seqScans: 0, indexScans: 20 });
    } finally {
      client.release();
      await pool.end();
    }
  });

  it('when the database URL has options of its own, then they are kept beside the pool settings', async () => {
    const url = new URL(scratch.url);
    url.searchParams.set('options', '-c statement_timeout=1234');
    const pool = createPool(url.toString(), 1);
    try {
      const { rows } = await pool.query(`select current_setting('statement_timeout') as timeout, current_setting('plan_cache_mode') as mode`);
      expect(rows[0]).toEqual({ timeout: '1234ms', mode: 'force_custom_plan' });
    } finally {
      await pool.end();
    }
    expect(new URL(withConnectionSettings(url.toString())).searchParams.get('options')).toBe('-c statement_timeout=1234 -c plan_cache_mode=force_custom_plan');
  });
});
