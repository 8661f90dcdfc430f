import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, runMigrations, withTransaction } from '../../src/db';
import { createScratchDatabase, type ScratchDatabase } from '../../src/testing';
import { sampleEffects } from '../fixtures/db/schema';
import { fixtureDatabase, testEnvironment, uniqueName } from '../support/test-environment';

type FixtureSchema = typeof fixtureDatabase.schema;

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testEnvironment.postgresAdminUrl });
  await client.connect();
  try {
    return Boolean((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount);
  } finally {
    await client.end();
  }
}

describe('database helpers', () => {
  let scratch: ScratchDatabase<FixtureSchema>;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_db', ...fixtureDatabase });
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it('when ensureDatabase runs twice, even concurrently, then the database exists once and no error is raised', async () => {
    const name = uniqueName('runtime_ensure').replaceAll('-', '_');
    try {
      await Promise.all([ensureDatabase(testEnvironment.postgresAdminUrl, name), ensureDatabase(testEnvironment.postgresAdminUrl, name)]);
      await ensureDatabase(testEnvironment.postgresAdminUrl, name);
      expect(await databaseExists(name)).toBe(true);
    } finally {
      await dropDatabase(testEnvironment.postgresAdminUrl, name);
    }
    expect(await databaseExists(name)).toBe(false);
  });

  it('when the generated migrations are applied, then the shared tables and the pending-rows index exist', async () => {
    const tables = await scratch.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(['outbox', 'processed_events', 'sample_effects']);

    const index = await scratch.db.execute<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where indexname = 'outbox_pending_idx'`,
    );
    expect(index.rows[0]?.indexdef).toMatch(/WHERE \(published_at IS NULL\)/);
  });

  it('when migrations run again, then nothing is re-applied', async () => {
    await expect(runMigrations(scratch.db, fixtureDatabase.migrationsFolder)).resolves.toBeUndefined();
  });

  it('when the transaction work throws, then its writes are rolled back and the error is rethrown', async () => {
    const contractRef = uniqueName('CTR');
    const failing = withTransaction(scratch.db, async (tx) => {
      await tx.insert(sampleEffects).values({ eventId: crypto.randomUUID(), contractRef, amountCents: 1 });
      throw new Error('business rule violated');
    });

    await expect(failing).rejects.toThrow('business rule violated');
    const rows = await scratch.db.select().from(sampleEffects).where(sql`${sampleEffects.contractRef} = ${contractRef}`);
    expect(rows).toHaveLength(0);
  });

  it('when the transaction work resolves, then its writes are committed and its result returned', async () => {
    const contractRef = uniqueName('CTR');
    const result = await withTransaction(scratch.db, async (tx) => {
      await tx.insert(sampleEffects).values({ eventId: crypto.randomUUID(), contractRef, amountCents: 2 });
      return 'done';
    });

    expect(result).toBe('done');
    const rows = await scratch.db.select().from(sampleEffects).where(sql`${sampleEffects.contractRef} = ${contractRef}`);
    expect(rows).toHaveLength(1);
  });
});
