import path from 'node:path';
import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event, billingOperationDecidedV1Event, contractLifecycleV1Event, mailerInvoiceDeliveryV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { consume, defineService } from '@boissipay/runtime';
import { createBillingRunner } from './app/billing-runner';
import type { BillingRunDependencies } from './app/dependencies';
import { recoverAbandonedBillingRuns } from './app/recover-abandoned-billing-runs';
import { recordInvoiceDelivery } from './app/record-invoice-delivery';
import { recordPaymentResult } from './app/record-payment-result';
import { billingConfig } from './config';
import { mountBillingRoutes } from './http/billing-routes';
import { sellerSettingsOf } from '@boissipay/einvoice';
import { billingMetrics } from './infra/billing-metrics';
import { billingRunSchedule } from './infra/billing-run.schedule';
import { projectContractEvent } from './infra/contract-projection';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');

export const billingService = defineService({
  config: billingConfig,
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'billing.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [billingInvoiceIssuedV1Event.eventTopic, billingOperationDecidedV1Event.eventTopic, billingCreditNoteIssuedV1Event.eventTopic],
  compose: ({ db, pool, config, clock, newId, logger, metrics }) => {
    const timeZone = config.BILLING_TIME_ZONE;
    const runDependencies: BillingRunDependencies = { db, pool, clock, newId, timeZone, paymentTermDays: config.BILLING_PAYMENT_TERM_DAYS, prenotificationDays: config.SEPA_PRENOTIFICATION_DAYS, logger };
    // One runner per instance, shared by the API (POST /v1/billing-runs) and the schedule, drained at stop.
    const runner = createBillingRunner(runDependencies);
    const observed = billingMetrics(metrics, pool);
    return {
      runner,
      runDependencies,
      routes: (router) =>
        mountBillingRoutes(router, { db, pool, clock, newId, timeZone, runner, operationMaxDaysAhead: config.BILLING_OPERATION_MAX_DAYS_AHEAD, onDecided: observed.decided, seller: sellerSettingsOf(config) }),
      // Consumer names are configurable so that a second instance (a test, a rebuild) reads the topics in groups of its own.
      consumers: [
        consume(contractLifecycleV1Event.eventTopic, config.BILLING_CONTRACT_CONSUMER_NAME, (event, tx) => projectContractEvent(tx, event)),
        consume(paymentResultV1Event.eventTopic, config.BILLING_PAYMENT_CONSUMER_NAME, (result, tx) => recordPaymentResult(tx, result, { clock, logger })),
        consume(mailerInvoiceDeliveryV1Event.eventTopic, config.BILLING_DELIVERY_CONSUMER_NAME, (delivery, tx) =>
          recordInvoiceDelivery(tx, delivery, { logger }),
        ),
      ],
      workers: [
        { name: 'billing-runs', start: async () => ({ stop: () => runner.stop() }) },
        // Whatever BILLING_RUN_SCHEDULER_ENABLED says: a run a dead process left RUNNING is repaired, not scheduled.
        {
          name: 'billing-run-recovery',
          start: async () => {
            // Not a reason to refuse to start: the next run of the period marks them and bills what they left.
            await recoverAbandonedBillingRuns(runDependencies, runner).catch((error: unknown) => logger.error({ err: error }, 'recovering abandoned billing runs failed'));
            return { stop: async () => undefined };
          },
        },
      ],
      schedules: config.BILLING_RUN_SCHEDULER_ENABLED ? [billingRunSchedule(db, runner, { cron: config.BILLING_RUN_CRON, timeZone, clock, logger })] : [],
    };
  },
});
