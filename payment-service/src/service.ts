import path from 'node:path';
import { billingInvoiceIssuedV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { consume, currentCorrelationId, defineService } from '@boissipay/runtime';
import { newPaymentRef, type DebitDependencies, type RecordingDependencies } from './app/dependencies';
import { recordIssuedInvoice } from './app/record-issued-invoice';
import { paymentConfig } from './config';
import { invoiceToCollectOf } from './events/invoice-issued-event';
import { mountPaymentRoutes } from './http/payment-routes';
import { startDebitWorker } from './infra/debit.worker';
import * as schema from './infra/schema';
import { paymentMetrics } from './infra/payment-metrics';
import { createSimulatedSepaProvider } from './infra/simulated-sepa-provider';

const serviceRoot = path.resolve(__dirname, '..');

export const paymentService = defineService({
  config: paymentConfig,
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'payment.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [paymentResultV1Event.eventTopic],
  compose: ({ db, pool, config, clock, newId, logger, metrics }) => {
    paymentMetrics(metrics, pool);
    const collectionSchedule = { time: config.PAYMENT_COLLECTION_TIME, timeZone: config.PAYMENT_TIME_ZONE };
    const recording: RecordingDependencies = { clock, newPaymentRef, newEventId: newId, collectionSchedule };
    const debits: DebitDependencies = {
      ...recording,
      db,
      provider: createSimulatedSepaProvider({ pool, latencyMs: config.PAYMENT_PROVIDER_LATENCY_MS }),
      retryPolicy: {
        maxAttempts: config.PAYMENT_DEBIT_MAX_ATTEMPTS,
        baseDelayMs: config.PAYMENT_RETRY_BASE_DELAY_MS,
        maxDelayMs: config.PAYMENT_RETRY_MAX_DELAY_MS,
      },
    };
    return {
      routes: (router) => mountPaymentRoutes(router, db, { db, clock, newId, newEventId: newId }),
      consumers: [
        // The name is configurable so that a second instance (a test, a replay) reads the topic in a group of its own.
        consume(billingInvoiceIssuedV1Event.eventTopic, config.PAYMENT_INVOICE_CONSUMER_NAME, async (issued, tx) => {
          const invoice = invoiceToCollectOf(issued, currentCorrelationId() ?? null);
          const outcome = await recordIssuedInvoice(tx, invoice, recording);
          if (outcome.kind === 'recorded') {
            logger.info({ paymentRef: outcome.payment.paymentRef, invoiceRef: invoice.invoiceRef, status: outcome.payment.status }, 'payment recorded');
          } else {
            logger.info({ invoiceRef: invoice.invoiceRef, eventId: invoice.invoiceEventId }, 'invoice already has a payment; event ignored');
          }
        }),
      ],
      workers: config.PAYMENT_DEBIT_WORKER_ENABLED
        ? [{ name: 'debit-worker', start: () => startDebitWorker(debits, { pool, logger, pollIntervalMs: config.PAYMENT_DEBIT_POLL_INTERVAL_MS, leaseMs: config.PAYMENT_DEBIT_LEASE_MS }) }]
        : [],
    };
  },
});
