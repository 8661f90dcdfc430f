import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { billingInvoiceIssuedV1Event, mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import { currentCorrelationId, type Config, type ServiceContext, type ServiceDefinition } from '@boissipay/runtime';
import type { DeliveryDependencies, MailerDependencies } from './app/dependencies';
import { recordIssuedInvoice } from './app/record-issued-invoice';
import type { Seller } from './domain/invoice';
import { mountDeliveryRoutes } from './http/delivery-routes';
import { startInvoiceDeliveryWorker } from './infra/invoice-delivery.worker';
import * as schema from './infra/schema';
import { createSmtpMailSender } from './infra/smtp-mail-sender';

const serviceRoot = path.resolve(__dirname, '..');

type IssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;

function sellerOf(config: Config): Seller {
  return {
    name: config.INVOICE_SELLER_NAME,
    addressLines: config.INVOICE_SELLER_ADDRESS.split('|')
      .map((line) => line.trim())
      .filter(Boolean),
    vatNumber: config.INVOICE_SELLER_VAT_NUMBER,
    sepaCreditorId: config.INVOICE_SEPA_CREDITOR_ID,
    legalNotice: config.INVOICE_SELLER_LEGAL_NOTICE,
  };
}

function dependenciesOf({ db, config }: ServiceContext<typeof schema>): MailerDependencies {
  return { db, clock: () => new Date(), newId: randomUUID, seller: sellerOf(config), mailFrom: config.MAIL_FROM };
}

function deliveryDependenciesOf(context: ServiceContext<typeof schema>): DeliveryDependencies {
  const { config } = context;
  return {
    ...dependenciesOf(context),
    logger: context.logger,
    batchSize: config.MAILER_SEND_CONCURRENCY,
    retryPolicy: { maxAttempts: config.MAILER_SEND_MAX_ATTEMPTS, baseDelayMs: config.MAILER_RETRY_BASE_DELAY_MS, maxDelayMs: config.MAILER_RETRY_MAX_DELAY_MS },
    mailSender: createSmtpMailSender({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      user: config.SMTP_USER,
      password: config.SMTP_PASSWORD,
      timeoutMs: config.SMTP_TIMEOUT_MS,
      from: config.MAIL_FROM,
    }),
  };
}

export const definition: ServiceDefinition<typeof schema> = {
  name: 'invoice-mailer',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'mailer.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [{ topic: mailerInvoiceDeliveryV1Event.topic, schema: mailerInvoiceDeliveryV1Event.schema }],
  consumes: [{ topic: billingInvoiceIssuedV1Event.topic, schema: billingInvoiceIssuedV1Event.schema }],
  mountRoutes: (router, context) => mountDeliveryRoutes(router, dependenciesOf(context)),
  consumers: (context) => {
    const dependencies = dependenciesOf(context);
    return [
      {
        name: context.config.MAILER_INVOICE_CONSUMER_NAME,
        topics: [billingInvoiceIssuedV1Event.topic],
        handler: async (event, tx) => {
          const issued = event as IssuedEvent;
          const outcome = await recordIssuedInvoice(dependencies, tx, {
            eventId: issued.eventId,
            invoice: issued.invoice,
            correlationId: currentCorrelationId() ?? issued.correlationId,
          });
          context.logger.info({ invoiceRef: issued.invoice.invoiceRef, eventId: issued.eventId, outcome }, 'invoice received');
        },
      },
    ];
  },
  background: async (context) =>
    context.config.MAILER_DELIVERY_WORKER_ENABLED
      ? [
          await startInvoiceDeliveryWorker(deliveryDependenciesOf(context), {
            pool: context.pool,
            pollIntervalMs: context.config.MAILER_DELIVERY_POLL_INTERVAL_MS,
            leaseMs: context.config.MAILER_DELIVERY_LEASE_MS,
            logger: context.logger,
          }),
        ]
      : [],
};
