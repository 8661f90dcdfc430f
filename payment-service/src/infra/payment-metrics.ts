import { gaugeFromQuery, type ServiceMetrics } from '@boissipay/runtime';
import type { Pool } from 'pg';

/** Debits by outcome and SEPA reason, as the payments table holds them at each scrape. */
export function paymentMetrics(metrics: ServiceMetrics, pool: Pool): void {
  gaugeFromQuery(metrics, pool, {
    name: 'payments',
    help: 'Payments by status (PENDING, RETRY_SCHEDULED, SUCCEEDED, FAILED, NOT_REQUIRED…) and reason code of the last failure (a SEPA reason such as INSUFFICIENT_FUNDS, or none).',
    labelNames: ['status', 'reason'],
    query: 'select status, reason_code as reason, count(*) as value from payments group by 1, 2',
  });
  gaugeFromQuery(metrics, pool, {
    name: 'debit_attempts',
    help: 'Debit attempts sent to the payment provider, by outcome and reason code.',
    labelNames: ['outcome', 'reason'],
    query: 'select outcome, reason_code as reason, count(*) as value from payment_attempts group by 1, 2',
  });
}
