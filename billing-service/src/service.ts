import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { billingInvoiceIssuedV1Event, contractLifecycleV1Event, mailerInvoiceDeliveryV1Event, paymentResultV1Event } from '@boissipay/contracts';
import type { BackgroundJob, ServiceContext, ServiceDefinition } from '@boissipay/runtime';
import { createBillingRunner, type BillingRunner } from './app/billing-runner';
import type { BillingRunDependencies } from './app/dependencies';
import { recordInvoiceDelivery } from './app/record-invoice-delivery';
import { recordPaymentResult } from './app/record-payment-result';
import { mountBillingRoutes } from './http/billing-routes';
import { startBillingRunScheduler } from './infra/billing-run.scheduler';
import { projectContractEvent } from './infra/contract-projection';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');
const contractTopic = { topic: contractLifecycleV1Event.topic, schema: contractLifecycleV1Event.schema };
const invoiceIssuedTopic = { topic: billingInvoiceIssuedV1Event.topic, schema: billingInvoiceIssuedV1Event.schema };
const paymentResultTopic = { topic: paymentResultV1Event.topic, schema: paymentResultV1Event.schema };
const invoiceDeliveryTopic = { topic: mailerInvoiceDeliveryV1Event.topic, schema: mailerInvoiceDeliveryV1Event.schema };

type BillingContext = ServiceContext<typeof schema>;

export function billingRunDependenciesOf({ db, pool, config, logger }: BillingContext): BillingRunDependencies {
  return { db, pool, clock: () => new Date(), newId: randomUUID, timeZone: config.BILLING_TIME_ZONE, paymentTermDays: config.BILLING_PAYMENT_TERM_DAYS, logger };
}

// One runner per running instance, shared by the API (POST /v1/billing-runs) and the scheduler, drained at stop.
const runners = new WeakMap<BillingContext, BillingRunner>();

export function billingRunnerOf(context: BillingContext): BillingRunner {
  let runner = runners.get(context);
  if (!runner) {
    runner = createBillingRunner(billingRunDependenciesOf(context));
    runners.set(context, runner);
  }
  return runner;
}

export const definition: ServiceDefinition<typeof schema> = {
  name: 'billing-service',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'billing.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [invoiceIssuedTopic],
  consumes: [contractTopic, paymentResultTopic, invoiceDeliveryTopic],
  mountRoutes: (router, context) =>
    mountBillingRoutes(router, { db: context.db, clock: () => new Date(), newId: randomUUID, timeZone: context.config.BILLING_TIME_ZONE, runner: billingRunnerOf(context) }),
  // Names configurable so that a second instance (a test, a rebuild) reads the topics in groups of its own.
  consumers: ({ config, logger }) => [
    {
      name: config.BILLING_CONTRACT_CONSUMER_NAME,
      topics: [contractTopic.topic],
      handler: (event, tx) => projectContractEvent(tx, event as contractLifecycleV1Event.ContractLifecycleEvent),
    },
    {
      name: config.BILLING_PAYMENT_CONSUMER_NAME,
      topics: [paymentResultTopic.topic],
      handler: (event, tx) => recordPaymentResult(tx, event as paymentResultV1Event.PaymentResultEvent, { clock: () => new Date(), logger }),
    },
    {
      name: config.BILLING_DELIVERY_CONSUMER_NAME,
      topics: [invoiceDeliveryTopic.topic],
      handler: (event, tx) => recordInvoiceDelivery(tx, event as mailerInvoiceDeliveryV1Event.InvoiceDeliveryEvent, { logger }),
    },
  ],
  background: async (context) => {
    const runner = billingRunnerOf(context);
    // Stopped last-in first-out: the scheduler first, then the runs in progress are drained.
    const jobs: BackgroundJob[] = [{ stop: () => runner.stop() }];
    if (context.config.BILLING_RUN_SCHEDULER_ENABLED) {
      jobs.push(
        await startBillingRunScheduler(context.db, runner, {
          cronExpression: context.config.BILLING_RUN_CRON,
          timeZone: context.config.BILLING_TIME_ZONE,
          clock: () => new Date(),
          logger: context.logger,
        }),
      );
    }
    return jobs;
  },
};
