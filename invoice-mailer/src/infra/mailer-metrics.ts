import { gaugeFromQuery, type ServiceMetrics } from '@boissipay/runtime';
import type { Pool } from 'pg';

/** Invoice e-mails and customer notices by outcome, as their tables hold them at each scrape. */
export function mailerMetrics(metrics: ServiceMetrics, pool: Pool): void {
  gaugeFromQuery(metrics, pool, {
    name: 'deliveries',
    help: 'Invoice e-mails by status: PENDING (to send or retry), SENT, FAILED.',
    labelNames: ['status'],
    query: 'select status, count(*) as value from deliveries group by 1',
  });
  gaugeFromQuery(metrics, pool, {
    name: 'notices',
    help: 'Customer notices (DEBIT_FAILED, DEBIT_RETURNED, CONTRACT_SUSPENDED, CONTRACT_REACTIVATED) by kind and status: PENDING (to send, retry, or waiting for its invoice), SENT, FAILED.',
    labelNames: ['kind', 'status'],
    query: 'select kind, status, count(*) as value from notices group by 1, 2',
  });
}
