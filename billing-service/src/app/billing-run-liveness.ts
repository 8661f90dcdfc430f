import type { Pool, PoolClient } from 'pg';

/**
 * Tells a run in progress from a run whose process died: a running run holds a session-level
 * advisory lock on its id on a connection of its own, which PostgreSQL releases when that
 * session ends, whatever the way the process ended. Another run that can take the lock of a
 * RUNNING run knows nobody is running it any more.
 */
export interface RunLiveness {
  /** True when no live session holds `runId`'s lock (its run stopped without finishing). */
  isAbandoned(runId: string): Promise<boolean>;
  release(): Promise<void>;
}

const lockKey = (runId: string) => `billing-run:${runId}`;

export async function holdRunLock(pool: Pool, runId: string): Promise<RunLiveness> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [lockKey(runId)]);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  return livenessOn(client);
}

/** Tells abandoned runs without being a run: what start-up recovery needs. */
export async function probeRunLiveness(pool: Pool): Promise<RunLiveness> {
  return livenessOn(await pool.connect());
}

function livenessOn(client: PoolClient): RunLiveness {
  let released = false;
  return {
    async isAbandoned(otherRunId) {
      const result = await client.query<{ taken: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as taken', [lockKey(otherRunId)]);
      const taken = result.rows[0]?.taken === true;
      if (taken) await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(otherRunId)]);
      return taken;
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await client.query('select pg_advisory_unlock_all()');
        client.release();
      } catch (error) {
        // A broken connection is dropped; its session's locks went with it.
        client.release(error as Error);
      }
    },
  };
}
