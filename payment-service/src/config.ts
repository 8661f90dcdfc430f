import { z } from 'zod';
import { defineServiceConfig, settings, variable, type ConfigOf } from '@boissipay/runtime';

/** payment-service's own variables, beside the common ones of the runtime; docs and `.env.example` are generated from both. */
export const paymentConfig = defineServiceConfig({ name: 'payment-service', port: 8282, database: 'boissipay_payment' }, {
  PAYMENT_INVOICE_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records a payment per billing.invoice-issued.v1 event; its group id is payment-service.<name> (a new name re-reads the topic from the beginning, which the unique invoice reference makes harmless).',
    schema: settings.consumerName,
    default: 'invoice-debits',
  }),
  PAYMENT_COLLECTION_TIME: variable({
    description:
      "Time of day (HH:MM, in PAYMENT_TIME_ZONE) from which a payment's debit is sent to the provider on its collection date, the date billing announced in the invoice e-mail; never earlier.",
    schema: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 06:00'),
    default: '06:00',
  }),
  PAYMENT_TIME_ZONE: variable({
    description: 'Time zone of the collection dates: the creditor\'s banking calendar (Europe/Paris for a French creditor).',
    schema: settings.timeZone,
    default: 'Europe/Paris',
  }),
  PAYMENT_DEBIT_WORKER_ENABLED: variable({
    description: 'Whether this instance runs the debit worker that sends pending payments to the provider (false: it only records payments and serves the API).',
    schema: settings.flag,
    default: 'true',
  }),
  PAYMENT_DEBIT_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the debit worker; a newly recorded payment wakes it at once through LISTEN/NOTIFY, and a scheduled retry at its due time.',
    schema: settings.positiveInt,
    default: '5000',
  }),
  PAYMENT_DEBIT_LEASE_MS: variable({
    description:
      'How long a payment claimed for a debit stays reserved for the worker calling the provider; renewed every third of it while the call lasts, so after a crash another worker (or the restarted one) takes the payment over within this time, and the provider replays the debit it made instead of making another.',
    schema: z.coerce.number().int().min(1000).max(600000),
    default: '10000',
  }),
  PAYMENT_DEBIT_MAX_ATTEMPTS: variable({
    description: 'Debit attempts per payment, the first included, before a payment whose provider keeps failing transiently ends FAILED with PROVIDER_UNAVAILABLE.',
    schema: settings.positiveInt,
    default: '6',
  }),
  PAYMENT_RETRY_BASE_DELAY_MS: variable({
    description:
      'Pause after the first transient debit failure; doubled after each further one, up to PAYMENT_RETRY_MAX_DELAY_MS. Each pause is then shortened by a random part of up to half (jitter), so the payments failed in one outage do not all come back at once.',
    schema: settings.positiveInt,
    default: '30000',
  }),
  PAYMENT_RETRY_MAX_DELAY_MS: variable({
    description: 'Longest pause between two debit attempts of one payment (before the jitter, which only shortens it).',
    schema: settings.positiveInt,
    default: '1800000',
  }),
  PAYMENT_PROVIDER_LATENCY_MS: variable({
    description: 'Response time of the simulated SEPA provider, in milliseconds (0 in tests).',
    schema: settings.nonNegativeInt,
    default: '200',
  }),
  PAYMENT_PROVIDER: variable({
    description:
      'Who collects the debits: simulator (a simulated SEPA provider with test IBANs for each outcome) or pain008 (each debit due joins the batch of its collection date, fetched as an ISO 20022 pain.008.001.08 file from GET /v1/collections/{collectionDate}/pain008 for the creditor\'s bank; the bank\'s returns are imported with POST /v1/collections/returns).',
    schema: z.enum(['simulator', 'pain008']),
    default: 'simulator',
  }),
  PAYMENT_SIMULATOR_RETURN_DELAY_MS: variable({
    description: "How long after settling a debit the simulated provider returns it, for the test IBANs that are returned (…0006 to …0009), in the service's clock (business time).",
    schema: settings.nonNegativeInt,
    default: '172800000',
  }),
  PAYMENT_RETURNS_POLL_INTERVAL_MS: variable({
    description: "Safety-net poll of the returns worker, which records the returns the simulated provider reports (a return's due time also wakes it).",
    schema: settings.positiveInt,
    default: '60000',
  }),
  PAYMENT_CREDITOR_NAME: variable({
    description: 'The creditor (Cdtr/Nm) and initiating party of the pain.008 files: the legal name the debtors see on their statements.',
    schema: z.string().min(1).max(140),
    default: 'Boissipay SAS',
  }),
  PAYMENT_CREDITOR_ID: variable({
    description: 'SEPA creditor identifier (ICS) written in the pain.008 files (CdtrSchmeId).',
    schema: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, 'a SEPA creditor identifier such as FR12ZZZ123456'),
    default: 'FR00ZZZ000000',
  }),
  PAYMENT_CREDITOR_IBAN: variable({
    description: "The creditor's account the pain.008 files collect to (CdtrAcct).",
    schema: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, 'an IBAN in electronic format'),
    default: 'FR7630006000011234567890189',
  }),
  PAYMENT_CREDITOR_BIC: variable({
    description: "The BIC of the creditor's bank (CdtrAgt) in the pain.008 files.",
    schema: z.string().regex(/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a BIC such as AGRIFRPP'),
    default: 'AGRIFRPP',
  }),
});

export type PaymentConfig = ConfigOf<typeof paymentConfig>;
