import type { Pool } from 'pg';

/** Events set aside because Kafka refused them for good, waiting for an operator. */
export async function countQuarantinedEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: number }>('select count(*)::int as count from outbox where quarantined_at is not null and published_at is null');
  return rows[0]?.count ?? 0;
}
