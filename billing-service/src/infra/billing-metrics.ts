import { gaugeFromQuery, type ServiceMetrics } from '@boissipay/runtime';
import type { Pool } from 'pg';

/** Billing's own metrics: decisions as they are made, and what its tables hold at each scrape. */
export function billingMetrics(metrics: ServiceMetrics, pool: Pool) {
  const decisions = metrics.counter('operations_decided_total', 'Purchases and refunds decided, by type, status (ACCEPTED or REJECTED) and rejection code (none when accepted); replays are not counted.', [
    'type',
    'status',
    'rejection_code',
  ]);
  gaugeFromQuery(metrics, pool, {
    name: 'invoices',
    help: 'Invoices and credit notes issued, by payment status and delivery status.',
    labelNames: ['payment_status', 'delivery_status'],
    query: 'select payment_status, delivery_status, count(*) as value from invoices group by 1, 2',
  });
  gaugeFromQuery(metrics, pool, {
    name: 'invoiced_amount_minor',
    help: 'Total with tax of every invoice issued, in minor units (cents), by currency.',
    labelNames: ['currency'],
    query: 'select currency, sum(total_with_tax_minor) as value from invoices group by 1',
  });
  gaugeFromQuery(metrics, pool, {
    name: 'billing_runs',
    help: 'Billing runs by status (RUNNING, COMPLETED, FAILED) and trigger (SCHEDULE, API).',
    labelNames: ['status', 'trigger'],
    query: 'select status, trigger, count(*) as value from billing_runs group by 1, 2',
  });
  const lastCompleted = "from (select started_at, finished_at from billing_runs where status = 'COMPLETED' order by finished_at desc limit 1) last";
  gaugeFromQuery(metrics, pool, {
    name: 'billing_run_last_completed_timestamp_seconds',
    help: 'When the last completed billing run finished (Unix time): an alert watches that the month was billed.',
    labelNames: [],
    query: `select extract(epoch from finished_at) as value ${lastCompleted}`,
  });
  gaugeFromQuery(metrics, pool, {
    name: 'billing_run_last_duration_seconds',
    help: 'How long the last completed billing run took.',
    labelNames: [],
    query: `select extract(epoch from finished_at - started_at) as value ${lastCompleted}`,
  });
  return {
    decided(operation: { type: string; status: string; rejectionCode?: string | null }): void {
      decisions.inc({ type: operation.type, status: operation.status, rejection_code: operation.rejectionCode ?? 'none' });
    },
  };
}
