import { gaugeFromQuery, type ServiceMetrics } from '@boissipay/runtime';
import type { Pool } from 'pg';

/** E-mail deliveries by outcome, as the deliveries table holds them at each scrape. */
export function mailerMetrics(metrics: ServiceMetrics, pool: Pool): void {
  gaugeFromQuery(metrics, pool, {
    name: 'deliveries',
    help: 'Invoice e-mails by status: PENDING (to send or retry), SENT, FAILED.',
    labelNames: ['status'],
    query: 'select status, count(*) as value from deliveries group by 1',
  });
}
