import { Pool } from 'pg';
import type { Logger } from '../logging';

/**
 * One pool per service process. A client can fail at any time (server restart, failover,
 * network cut); pg reports it as an 'error' event — on the pool for an idle client, on the
 * client itself while it is checked out — which would crash the process if nobody listened.
 * The query in flight fails on its own (and its transaction rolls back); the pool then drops
 * the broken client and opens another on next use, so logging is all that is left to do.
 */
export function createPool(url: string, size: number, logger?: Logger): Pool {
  const pool = new Pool({ connectionString: url, max: size });
  const report = (error: Error) => logger?.warn({ err: error }, 'PostgreSQL client failed; the pool replaces it');
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
