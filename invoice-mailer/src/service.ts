import path from 'node:path';
import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event, contractLifecycleV1Event, mailerInvoiceDeliveryV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { consume, currentCorrelationId, defineService } from '@boissipay/runtime';
import { sellerSettingsOf } from '@boissipay/einvoice';
import type { DeliveryDependencies, MailerDependencies } from './app/dependencies';
import { recordIssuedCreditNote } from './app/record-issued-credit-note';
import { recordIssuedInvoice } from './app/record-issued-invoice';
import { recordContractNotice, recordPaymentNotice, type NoticePolicy } from './app/record-notice';
import { mailerConfig, type MailerConfig } from './config';
import type { LatePaymentRate, Seller } from './domain/invoice';
import { toMinorUnits, toScaledInteger } from '@boissipay/money';
import { mountDeliveryRoutes } from './http/delivery-routes';
import { startInvoiceDeliveryWorker } from './infra/invoice-delivery.worker';
import { startNoticeWorker } from './infra/notice.worker';
import { mailerMetrics } from './infra/mailer-metrics';
import * as schema from './infra/schema';
import { createSmtpMailSender } from './infra/smtp-mail-sender';
import { CJK_FALLBACK, cjkFallbackInstalled } from './infra/invoice-fonts';

const serviceRoot = path.resolve(__dirname, '..');

function sellerOf(config: MailerConfig): Seller {
  return {
    ...sellerSettingsOf(config),
    legalNotice: config.INVOICE_SELLER_LEGAL_NOTICE,
    siret: config.INVOICE_SELLER_SIRET,
    rcsCity: config.INVOICE_SELLER_RCS_CITY,
    legalForm: config.INVOICE_SELLER_LEGAL_FORM,
    shareCapitalMinor: toMinorUnits(config.INVOICE_SELLER_SHARE_CAPITAL, 'EUR'),
    vatOnDebits: config.INVOICE_VAT_ON_DEBITS,
    earlyPaymentDiscountBasisPoints: toScaledInteger(config.INVOICE_EARLY_PAYMENT_DISCOUNT_PERCENT, 2),
    latePaymentRate: latePaymentRateOf(config.INVOICE_LATE_PAYMENT_RATE),
  };
}

function latePaymentRateOf(setting: string): LatePaymentRate {
  if (setting === '3x-legal') return { kind: 'three-times-legal' };
  if (setting === 'ecb+10') return { kind: 'ecb-plus-ten' };
  return { kind: 'fixed', basisPoints: toScaledInteger(setting, 2) };
}

export const mailerService = defineService({
  config: mailerConfig,
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'mailer.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [mailerInvoiceDeliveryV1Event.eventTopic],
  compose: ({ db, pool, config, clock, newId, logger, metrics }) => {
    mailerMetrics(metrics, pool);
    if (!cjkFallbackInstalled()) {
      logger.warn({ font: CJK_FALLBACK.file }, 'CJK font not installed (Debian package fonts-wqy-microhei): Chinese, Japanese and Korean names will print as empty boxes on invoice PDFs');
    }
    const dependencies: MailerDependencies = { db, clock, newId, seller: sellerOf(config), mailFrom: config.MAIL_FROM };
    const delivery = (): DeliveryDependencies => ({
      ...dependencies,
      logger,
      batchSize: config.MAILER_SEND_CONCURRENCY,
      retryPolicy: { maxAttempts: config.MAILER_SEND_MAX_ATTEMPTS, baseDelayMs: config.MAILER_RETRY_BASE_DELAY_MS, maxDelayMs: config.MAILER_RETRY_MAX_DELAY_MS },
      // Made when the worker starts: its connections are closed when the worker stops.
      mailSender: createSmtpMailSender({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        timeoutMs: config.SMTP_TIMEOUT_MS,
        from: config.MAIL_FROM,
      }),
    });
    const noticePolicy: NoticePolicy = {
      ignoredReasons: config.MAILER_NOTICE_IGNORED_REASONS,
      transfer: { beneficiary: config.INVOICE_SELLER_NAME, iban: config.INVOICE_SELLER_IBAN, bic: config.INVOICE_SELLER_BIC },
      maxAgeHours: config.MAILER_NOTICE_MAX_AGE_HOURS,
    };
    const workerOptions = { pool, pollIntervalMs: config.MAILER_DELIVERY_POLL_INTERVAL_MS, leaseMs: config.MAILER_DELIVERY_LEASE_MS, logger };
    return {
      routes: (router) => mountDeliveryRoutes(router, dependencies),
      consumers: [
        consume(billingInvoiceIssuedV1Event.eventTopic, config.MAILER_INVOICE_CONSUMER_NAME, async (issued, tx) => {
          const outcome = await recordIssuedInvoice(dependencies, tx, {
            eventId: issued.eventId,
            invoice: issued.invoice,
            correlationId: currentCorrelationId() ?? issued.correlationId,
          });
          logger.info({ invoiceRef: issued.invoice.invoiceRef, eventId: issued.eventId, outcome }, 'invoice received');
        }),
        consume(billingCreditNoteIssuedV1Event.eventTopic, config.MAILER_CREDIT_NOTE_CONSUMER_NAME, async (issued, tx) => {
          const outcome = await recordIssuedCreditNote(dependencies, tx, {
            eventId: issued.eventId,
            contractRef: issued.contractRef,
            creditNote: issued.creditNote,
            correlationId: currentCorrelationId() ?? issued.correlationId,
          });
          logger.info({ creditNoteRef: issued.creditNote.creditNoteRef, invoiceRef: issued.creditNote.invoiceRef, eventId: issued.eventId, outcome }, 'credit note received');
        }),
        consume(paymentResultV1Event.eventTopic, config.MAILER_PAYMENT_CONSUMER_NAME, async (result, tx) => {
          const outcome = await recordPaymentNotice(dependencies, tx, result, noticePolicy, currentCorrelationId() ?? result.correlationId);
          if (outcome !== 'not-a-notice') logger.info({ invoiceRef: result.invoiceRef, status: result.status, eventId: result.eventId, outcome }, 'debit notice');
        }),
        consume(contractLifecycleV1Event.eventTopic, config.MAILER_CONTRACT_CONSUMER_NAME, async (event, tx) => {
          const outcome = await recordContractNotice(dependencies, tx, event, noticePolicy, currentCorrelationId() ?? event.correlationId);
          if (outcome !== 'not-a-notice') logger.info({ contractRef: event.contractRef, type: event.type, eventId: event.eventId, outcome }, 'contract notice');
        }),
      ],
      workers: config.MAILER_DELIVERY_WORKER_ENABLED
        ? [
            { name: 'delivery-worker', start: () => startInvoiceDeliveryWorker(delivery(), workerOptions) },
            { name: 'notice-worker', start: () => startNoticeWorker(delivery(), workerOptions) },
          ]
        : [],
    };
  },
});
