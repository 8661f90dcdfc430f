import { sql } from 'drizzle-orm';
import type { Queryable } from './database';

/** PostgreSQL NOTIFY channel on which a committed new delivery wakes the delivery worker. */
export const DELIVERY_CHANNEL = 'boissipay_mailer_deliveries';

/** Queued by PostgreSQL and delivered on commit only, so the worker never looks for a row too early. */
export async function wakeDeliveryWorker(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
}

/** PostgreSQL NOTIFY channel on which a notice that became sendable wakes the notice worker. */
export const NOTICE_CHANNEL = 'boissipay_mailer_notices';

/** Delivered on commit only, like the delivery worker's wake-up. */
export async function wakeNoticeWorker(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_notify(${NOTICE_CHANNEL}, '')`);
}
