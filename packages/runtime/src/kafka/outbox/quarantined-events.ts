import type { Pool } from 'pg';
import { ReadinessFailure, type ReadinessCheck } from '../../http/health/readiness';

/** Events set aside because Kafka refused them for good, waiting for an operator. */
export async function countQuarantinedEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: number }>('select count(*)::int as count from outbox where quarantined_at is not null and published_at is null');
  return rows[0]?.count ?? 0;
}

/**
 * DOWN while events wait in quarantine: nothing else would tell that an invoice never reached
 * its consumers. The operator republishes or discards them (docs/deployment.md).
 */
export function quarantineCheck(pool: Pool): ReadinessCheck {
  return {
    name: 'outbox-quarantine',
    check: async () => {
      const quarantined = await countQuarantinedEvents(pool);
      if (quarantined > 0) throw new ReadinessFailure(`${quarantined} outbox event(s) quarantined: Kafka refused them for good; see docs/deployment.md, "Quarantined events"`);
    },
  };
}
