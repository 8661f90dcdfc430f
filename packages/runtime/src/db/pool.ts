import { Pool } from 'pg';
import type { Logger } from '../logging';

/**
 * Sent to PostgreSQL when each connection opens (the startup packet's `options`).
 *
 * plan_cache_mode=force_custom_plan: PostgreSQL checks every foreign key with a query that
 * each connection prepares once and, after five runs, keeps as a generic plan. A connection
 * that first inserted while the referenced table was small (a fresh database, the first
 * invoices of a month) keeps a sequential scan of it for as long as it lives, unless an
 * ANALYZE happens to invalidate it — so each child row costs a scan of the whole parent
 * table, and a billing run slowed down with every invoice it issued (docs/adr/0010). Planned
 * per row, the check always uses the parent's primary key. Queries sent by the services are
 * one-shot statements, planned with their values anyway: they are not affected.
 */
export const CONNECTION_SETTINGS = '-c plan_cache_mode=force_custom_plan';

/**
 * The connection string with our session settings added to its own `options`, if any: pg
 * takes `options` from the URL over the pool's config, so they are merged here.
 */
export function withConnectionSettings(url: string): string {
  const parsed = new URL(url);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.set('options', own ? `${own} ${CONNECTION_SETTINGS}` : CONNECTION_SETTINGS);
  return parsed.toString();
}

/**
 * One pool per service process. A client can fail at any time (server restart, failover,
 * network cut); pg reports it as an 'error' event — on the pool for an idle client, on the
 * client itself while it is checked out — which would crash the process if nobody listened.
 * The query in flight fails on its own (and its transaction rolls back); the pool then drops
 * the broken client and opens another on next use, so logging is all that is left to do.
 */
export function createPool(url: string, size: number, logger?: Logger): Pool {
  const pool = new Pool({ connectionString: withConnectionSettings(url), max: size });
  const report = (error: Error) => logger?.warn({ err: error }, 'PostgreSQL client failed; the pool replaces it');
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
