import path from 'node:path';
import { billingInvoiceIssuedV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { currentCorrelationId, type ServiceContext, type ServiceDefinition } from '@boissipay/runtime';
import { systemDependencies, type DebitDependencies } from './app/dependencies';
import { recordIssuedInvoice } from './app/record-issued-invoice';
import { invoiceToCollectOf, type InvoiceIssuedEvent } from './events/invoice-issued-event';
import { mountPaymentRoutes } from './http/payment-routes';
import { startDebitWorker } from './infra/debit-worker';
import * as schema from './infra/schema';
import { createSimulatedSepaProvider } from './infra/simulated-sepa-provider';

const serviceRoot = path.resolve(__dirname, '..');
const invoiceTopic = { topic: billingInvoiceIssuedV1Event.topic, schema: billingInvoiceIssuedV1Event.schema };

function debitDependenciesOf({ db, pool, config }: ServiceContext<typeof schema>): DebitDependencies {
  return {
    ...systemDependencies,
    db,
    provider: createSimulatedSepaProvider({ pool, latencyMs: config.PAYMENT_PROVIDER_LATENCY_MS }),
    retryPolicy: {
      maxAttempts: config.PAYMENT_DEBIT_MAX_ATTEMPTS,
      baseDelayMs: config.PAYMENT_RETRY_BASE_DELAY_MS,
      maxDelayMs: config.PAYMENT_RETRY_MAX_DELAY_MS,
    },
  };
}

export const definition: ServiceDefinition<typeof schema> = {
  name: 'payment-service',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'payment.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [{ topic: paymentResultV1Event.topic, schema: paymentResultV1Event.schema }],
  consumes: [invoiceTopic],
  mountRoutes: (router, { db }) => mountPaymentRoutes(router, db),
  consumers: ({ config, logger }) => [
    {
      // Configurable so that a second instance (a test, a replay) reads the topic in a group of its own.
      name: config.PAYMENT_INVOICE_CONSUMER_NAME,
      topics: [invoiceTopic.topic],
      handler: async (event, tx) => {
        const invoice = invoiceToCollectOf(event as InvoiceIssuedEvent, currentCorrelationId() ?? null);
        const outcome = await recordIssuedInvoice(tx, invoice, systemDependencies);
        if (outcome.kind === 'recorded') {
          logger.info({ paymentRef: outcome.payment.paymentRef, invoiceRef: invoice.invoiceRef, status: outcome.payment.status }, 'payment recorded');
        } else {
          logger.info({ invoiceRef: invoice.invoiceRef, eventId: invoice.invoiceEventId }, 'invoice already has a payment; event ignored');
        }
      },
    },
  ],
  background: async (context) =>
    context.config.PAYMENT_DEBIT_WORKER_ENABLED
      ? [
          await startDebitWorker(debitDependenciesOf(context), {
            pool: context.pool,
            logger: context.logger,
            pollIntervalMs: context.config.PAYMENT_DEBIT_POLL_INTERVAL_MS,
            leaseMs: context.config.PAYMENT_DEBIT_LEASE_MS,
          }),
        ]
      : [],
};
