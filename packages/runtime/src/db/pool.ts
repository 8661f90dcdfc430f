import { Pool } from 'pg';
import type { Logger } from '../logging';

/**
 * One pool per service process. An idle client can fail (server restart, network cut);
 * pg reports it as an 'error' event on the pool, which would crash the process if nobody
 * listened, although the pool simply drops that client and opens another on next use.
 */
export function createPool(url: string, size: number, logger?: Logger): Pool {
  const pool = new Pool({ connectionString: url, max: size });
  pool.on('error', (error) => logger?.warn({ err: error }, 'idle PostgreSQL client failed; the pool replaces it'));
  return pool;
}
