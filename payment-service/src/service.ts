import path from 'node:path';
import { billingInvoiceIssuedV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { consume, currentCorrelationId, defineService } from '@boissipay/runtime';
import { newPaymentRef, type DebitDependencies, type RecordingDependencies } from './app/dependencies';
import { recordIssuedInvoice } from './app/record-issued-invoice';
import { paymentConfig } from './config';
import { invoiceToCollectOf } from './events/invoice-issued-event';
import { mountPaymentRoutes } from './http/payment-routes';
import { mountCollectionRoutes } from './http/collection-routes';
import { startDebitWorker } from './infra/debit.worker';
import { createPain008CollectionProvider } from './infra/pain008-collection-provider';
import { startReturnsWorker } from './infra/returns.worker';
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
      provider:
        config.PAYMENT_PROVIDER === 'pain008'
          ? createPain008CollectionProvider({ pool, clock })
          : createSimulatedSepaProvider({ pool, clock, latencyMs: config.PAYMENT_PROVIDER_LATENCY_MS, returnDelayMs: config.PAYMENT_SIMULATOR_RETURN_DELAY_MS }),
      retryPolicy: {
        maxAttempts: config.PAYMENT_DEBIT_MAX_ATTEMPTS,
        baseDelayMs: config.PAYMENT_RETRY_BASE_DELAY_MS,
        maxDelayMs: config.PAYMENT_RETRY_MAX_DELAY_MS,
      },
    };
    const actions = { db, clock, newId, newEventId: newId };
    const creditor = { name: config.PAYMENT_CREDITOR_NAME, creditorId: config.PAYMENT_CREDITOR_ID, iban: config.PAYMENT_CREDITOR_IBAN, bic: config.PAYMENT_CREDITOR_BIC };
    // The simulated provider reports its returns by itself; the file provider's come in through POST /v1/collections/returns.
    const reportsReturns = debits.provider.pendingReturns !== undefined;
    return {
      routes: (router) => {
        mountPaymentRoutes(router, db, actions);
        mountCollectionRoutes(router, db, { ...actions, creditor });
      },
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
        ? [
            { name: 'debit-worker', start: () => startDebitWorker(debits, { pool, logger, pollIntervalMs: config.PAYMENT_DEBIT_POLL_INTERVAL_MS, leaseMs: config.PAYMENT_DEBIT_LEASE_MS }) },
            ...(reportsReturns ? [{ name: 'returns-worker', start: () => startReturnsWorker(debits, { pool, logger, pollIntervalMs: config.PAYMENT_RETURNS_POLL_INTERVAL_MS }) }] : []),
          ]
        : [],
    };
  },
});
