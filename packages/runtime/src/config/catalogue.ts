import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { serviceDefaults, type ServiceName } from './services';

/**
 * Every environment variable any service reads, with its meaning and default: the one place
 * that lists them (docs and `.env.example` are checked against it). A variable without a
 * default is required; `productionDefault: false` drops the local default when
 * NODE_ENV=production so that a forgotten secret stops start-up instead of running insecurely.
 */
export interface VariableSpec<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  default?: string | ((service: ServiceName) => string);
  usedBy: 'all' | readonly ServiceName[];
  secret?: boolean;
  productionDefault?: false;
}

const variable = <S extends z.ZodType>(spec: VariableSpec<S>): VariableSpec<S> => spec;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const flag = z.enum(['true', 'false'], 'true or false').transform((value) => value === 'true');
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const cronExpression = z.string().refine((value) => isCronExpression(value), 'a cron expression such as "0 * * * *"');
const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Paris');
const optionalUrl = z.union([z.literal('').transform(() => undefined), z.url()]).optional();

export const catalogue = {
  NODE_ENV: variable({
    description: 'development, test or production; production drops insecure local defaults.',
    schema: z.enum(['development', 'test', 'production']),
    default: 'development',
    usedBy: 'all',
  }),
  PORT: variable({
    description: 'HTTP port the service listens on (0 picks a free one).',
    schema: port,
    default: (service) => String(serviceDefaults[service].port),
    usedBy: 'all',
  }),
  HTTP_BODY_LIMIT: variable({
    description: 'Largest accepted request body (express/body-parser size syntax).',
    schema: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb'),
    default: '256kb',
    usedBy: 'all',
  }),
  LOG_LEVEL: variable({
    description: 'pino log level.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    usedBy: 'all',
  }),
  DATABASE_URL: variable({
    description: "PostgreSQL connection string of the service's own database.",
    schema: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string'),
    default: (service) => `postgres://postgres@127.0.0.1:5432/${serviceDefaults[service].database}`,
    usedBy: 'all',
  }),
  DATABASE_POOL_SIZE: variable({
    description: 'Maximum PostgreSQL connections held by the service.',
    schema: positiveInt,
    default: '10',
    usedBy: 'all',
  }),
  KAFKA_BROKERS: variable({
    description: 'Comma-separated Kafka bootstrap servers.',
    schema: csv.pipe(z.array(z.string().min(1)).min(1)),
    default: '127.0.0.1:9092',
    usedBy: 'all',
  }),
  KAFKA_CLIENT_ID: variable({
    description: 'Kafka client id (defaults to the service name).',
    schema: z.string().min(1),
    default: (service) => service,
    usedBy: 'all',
  }),
  KAFKA_TOPIC_PARTITIONS: variable({
    description: 'Partitions of the topics the service creates at start-up.',
    schema: positiveInt,
    default: '1',
    usedBy: 'all',
  }),
  KAFKA_REPLICATION_FACTOR: variable({
    description: 'Replication factor of the topics the service creates at start-up.',
    schema: positiveInt,
    default: '1',
    usedBy: 'all',
  }),
  KAFKA_TOPIC_PREFIX: variable({
    description: 'Put before every topic name, schema subject and consumer group id, e.g. "staging." to share one Kafka cluster and registry between environments. Empty: the names of specs/avro.',
    schema: z.string().regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore'),
    default: '',
    usedBy: 'all',
  }),
  SCHEMA_REGISTRY_URL: variable({
    description: 'Confluent-compatible schema registry base URL (Apicurio: …/apis/ccompat/v7).',
    schema: z.url(),
    default: 'http://127.0.0.1:8081/apis/ccompat/v7',
    usedBy: 'all',
  }),
  AUTH_JWT_SECRET: variable({
    description: 'HS256 secret that signs bearer tokens (local and test). Required in production unless AUTH_JWKS_URL is set.',
    schema: z.string().min(16, 'at least 16 characters'),
    default: 'boissipay-local-development-secret',
    productionDefault: false,
    secret: true,
    usedBy: 'all',
  }),
  AUTH_JWKS_URL: variable({
    description: 'JWKS endpoint of the OAuth2 authorization server; when set, tokens are checked against it instead of AUTH_JWT_SECRET.',
    schema: optionalUrl,
    default: '',
    usedBy: 'all',
  }),
  AUTH_ISSUER: variable({
    description: 'Expected `iss` claim of bearer tokens (empty: not checked).',
    schema: z.string(),
    default: '',
    usedBy: 'all',
  }),
  AUTH_AUDIENCE: variable({
    description: 'Expected `aud` claim of bearer tokens (empty: not checked).',
    schema: z.string(),
    default: '',
    usedBy: 'all',
  }),
  OUTBOX_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the outbox relay; new rows wake it at once through LISTEN/NOTIFY.',
    schema: positiveInt,
    default: '5000',
    usedBy: 'all',
  }),
  CONTRACT_TIME_ZONE: variable({
    description: "Time zone of the contracts' calendar dates: a contract expires once its expireAt day is over there.",
    schema: timeZone,
    default: 'Europe/Paris',
    usedBy: ['contract-service'],
  }),
  CONTRACT_EXPIRY_CRON: variable({
    description: 'node-cron schedule (in CONTRACT_TIME_ZONE) of the check that expires contracts past their expireAt; it also runs at start-up.',
    schema: cronExpression,
    default: '0 * * * *',
    usedBy: ['contract-service'],
  }),
  CONTRACT_DUNNING_ENABLED: variable({
    description:
      'Whether a failed direct debit (payment.result.v1 FAILED) suspends the contract, so that billing refuses its purchases until an operator reactivates it. Failures that are the payment provider\'s doing (CONTRACT_DUNNING_IGNORED_REASONS) suspend nothing.',
    schema: flag,
    default: 'true',
    usedBy: ['contract-service'],
  }),
  CONTRACT_DUNNING_IGNORED_REASONS: variable({
    description: 'Comma-separated reasonCodes of failed debits that do not suspend the contract: the payment provider\'s failures, not the customer\'s.',
    schema: z
      .string()
      .regex(/^[A-Z0-9_]*(,[A-Z0-9_]+)*$/, 'reason codes (A-Z, 0-9, _) separated by commas')
      .transform((value) => value.split(',').filter((code) => code.length > 0)),
    default: 'PROVIDER_UNAVAILABLE,PROVIDER_TIMEOUT,PROVIDER_ERROR',
    usedBy: ['contract-service'],
  }),
  CONTRACT_PAYMENT_CONSUMER_NAME: variable({
    description: 'Name of the consumer that suspends contracts whose direct debit failed, from payment.result.v1; its group id is contract-service.<name> (a new name re-reads the topic from the beginning).',
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'payment-results',
    usedBy: ['contract-service'],
  }),
  BILLING_TIME_ZONE: variable({
    description: "Time zone of billing's calendar: the date an operation is decided on (today) and the billing run's periods.",
    schema: timeZone,
    default: 'Europe/Paris',
    usedBy: ['billing-service'],
  }),
  BILLING_CONTRACT_CONSUMER_NAME: variable({
    description: "Name of the consumer that keeps billing's contract read model from contract.lifecycle.v1; its group id is billing-service.<name> (a new name re-reads the topic from the beginning).",
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'contract-read-model',
    usedBy: ['billing-service'],
  }),
  BILLING_PAYMENT_CONSUMER_NAME: variable({
    description: "Name of the consumer that marks invoices PAID or UNPAID from payment.result.v1 (and lowers the outstanding of paid ones); its group id is billing-service.<name> (a new name re-reads the topic from the beginning, which the invoices' payment status makes harmless).",
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'payment-results',
    usedBy: ['billing-service'],
  }),
  BILLING_DELIVERY_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records when invoices were e-mailed, from mailer.invoice-delivery.v1; its group id is billing-service.<name> (a new name re-reads the topic from the beginning).',
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'invoice-deliveries',
    usedBy: ['billing-service'],
  }),
  BILLING_RUN_CRON: variable({
    description: 'node-cron schedule (in BILLING_TIME_ZONE) of the billing run, which bills the month just ended.',
    schema: cronExpression,
    default: '0 2 1 * *',
    usedBy: ['billing-service'],
  }),
  BILLING_RUN_SCHEDULER_ENABLED: variable({
    description:
      'Whether this instance runs the billing run on BILLING_RUN_CRON, and at start-up when the month just ended has no completed run yet (false: runs start only through POST /v1/billing-runs). Several instances may run it: a contract is billed once whatever the number of runs.',
    schema: flag,
    default: 'true',
    usedBy: ['billing-service'],
  }),
  BILLING_PAYMENT_TERM_DAYS: variable({
    description: 'Days between an invoice\'s issue date and its due date, when the direct debit is due.',
    schema: z.coerce.number().int().min(0).max(365),
    default: '30',
    usedBy: ['billing-service'],
  }),
  PAYMENT_INVOICE_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records a payment per billing.invoice-issued.v1 event; its group id is payment-service.<name> (a new name re-reads the topic from the beginning, which the unique invoice reference makes harmless).',
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'invoice-debits',
    usedBy: ['payment-service'],
  }),
  PAYMENT_DEBIT_WORKER_ENABLED: variable({
    description: 'Whether this instance runs the debit worker that sends pending payments to the provider (false: it only records payments and serves the API).',
    schema: flag,
    default: 'true',
    usedBy: ['payment-service'],
  }),
  PAYMENT_DEBIT_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the debit worker; a newly recorded payment wakes it at once through LISTEN/NOTIFY, and a scheduled retry at its due time.',
    schema: positiveInt,
    default: '5000',
    usedBy: ['payment-service'],
  }),
  PAYMENT_DEBIT_LEASE_MS: variable({
    description:
      'How long a payment claimed for a debit stays reserved for the worker calling the provider; renewed every third of it while the call lasts, so after a crash another worker (or the restarted one) takes the payment over within this time, and the provider replays the debit it made instead of making another.',
    schema: z.coerce.number().int().min(1000).max(600000),
    default: '10000',
    usedBy: ['payment-service'],
  }),
  PAYMENT_DEBIT_MAX_ATTEMPTS: variable({
    description: 'Debit attempts per payment, the first included, before a payment whose provider keeps failing transiently ends FAILED with PROVIDER_UNAVAILABLE.',
    schema: positiveInt,
    default: '6',
    usedBy: ['payment-service'],
  }),
  PAYMENT_RETRY_BASE_DELAY_MS: variable({
    description:
      'Pause after the first transient debit failure; doubled after each further one, up to PAYMENT_RETRY_MAX_DELAY_MS. Each pause is then shortened by a random part of up to half (jitter), so the payments failed in one outage do not all come back at once.',
    schema: positiveInt,
    default: '30000',
    usedBy: ['payment-service'],
  }),
  PAYMENT_RETRY_MAX_DELAY_MS: variable({
    description: 'Longest pause between two debit attempts of one payment (before the jitter, which only shortens it).',
    schema: positiveInt,
    default: '1800000',
    usedBy: ['payment-service'],
  }),
  PAYMENT_PROVIDER_LATENCY_MS: variable({
    description: 'Response time of the simulated SEPA provider, in milliseconds (0 in tests).',
    schema: nonNegativeInt,
    default: '200',
    usedBy: ['payment-service'],
  }),
  MAILER_INVOICE_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records a delivery per billing.invoice-issued.v1 event; its group id is invoice-mailer.<name> (a new name re-reads the topic from the beginning: invoices already recorded are not mailed again, the others are).',
    schema: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
    default: 'invoice-deliveries',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_DELIVERY_WORKER_ENABLED: variable({
    description: 'Whether this instance runs the delivery worker that renders and e-mails pending invoices (false: it only records them and serves the API).',
    schema: flag,
    default: 'true',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_DELIVERY_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the delivery worker; a newly recorded invoice wakes it at once through LISTEN/NOTIFY, and a scheduled retry at its due time.',
    schema: positiveInt,
    default: '5000',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_DELIVERY_LEASE_MS: variable({
    description:
      'How long an invoice claimed for sending stays reserved for the worker talking to the SMTP server; renewed every third of it while the sending lasts, so after a crash another worker (or the restarted one) sends it within this time.',
    schema: z.coerce.number().int().min(1000).max(600000),
    default: '10000',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_SEND_CONCURRENCY: variable({
    description: 'E-mails the delivery worker sends at the same time.',
    schema: z.coerce.number().int().min(1).max(50),
    default: '4',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_SEND_MAX_ATTEMPTS: variable({
    description: 'Sending attempts per invoice, the first included, before a delivery whose SMTP server keeps failing transiently (connection refused, 4xx reply) ends FAILED. A 5xx reply fails it at once.',
    schema: positiveInt,
    default: '8',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_RETRY_BASE_DELAY_MS: variable({
    description:
      'Pause after the first transient sending failure; doubled after each further one, up to MAILER_RETRY_MAX_DELAY_MS. Each pause is then shortened by a random part of up to half (jitter), so the e-mails failed in one outage do not all come back at once.',
    schema: positiveInt,
    default: '30000',
    usedBy: ['invoice-mailer'],
  }),
  MAILER_RETRY_MAX_DELAY_MS: variable({
    description: 'Longest pause between two sending attempts of one invoice (before the jitter, which only shortens it).',
    schema: positiveInt,
    default: '1800000',
    usedBy: ['invoice-mailer'],
  }),
  SMTP_HOST: variable({
    description: 'SMTP server the invoice mailer sends through (locally the maildev catcher).',
    schema: z.string().min(1),
    default: '127.0.0.1',
    usedBy: ['invoice-mailer'],
  }),
  SMTP_PORT: variable({
    description: 'Port of the SMTP server (1025: the local catcher; 587 submission with STARTTLS; 465 implicit TLS with SMTP_SECURE=true).',
    schema: port,
    default: '1025',
    usedBy: ['invoice-mailer'],
  }),
  SMTP_SECURE: variable({
    description: 'true: TLS from the first byte (port 465). false: plain connection, upgraded with STARTTLS when the server offers it.',
    schema: flag,
    default: 'false',
    usedBy: ['invoice-mailer'],
  }),
  SMTP_USER: variable({
    description: 'SMTP login (empty: no authentication, as with the local catcher).',
    schema: z.string(),
    default: '',
    usedBy: ['invoice-mailer'],
  }),
  SMTP_PASSWORD: variable({
    description: 'SMTP password of SMTP_USER.',
    schema: z.string(),
    default: '',
    secret: true,
    usedBy: ['invoice-mailer'],
  }),
  SMTP_TIMEOUT_MS: variable({
    description: 'Longest wait for the SMTP server to connect, greet, or answer a command before the attempt counts as a transient failure.',
    schema: z.coerce.number().int().min(1000).max(120000),
    default: '30000',
    usedBy: ['invoice-mailer'],
  }),
  MAIL_FROM: variable({
    description: 'Sender of the invoice e-mails, e.g. "Boissipay Billing <billing@boissipay.example>"; its domain also ends every Message-ID.',
    schema: z.string().regex(/^(?:[^<>]*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, 'an e-mail address, optionally as "Name <address>"'),
    default: 'Boissipay Billing <billing@boissipay.example>',
    usedBy: ['invoice-mailer'],
  }),
  INVOICE_SELLER_NAME: variable({
    description: 'Legal name of the seller printed on every invoice.',
    schema: z.string().min(1),
    default: 'Boissipay SAS',
    productionDefault: false,
    usedBy: ['invoice-mailer'],
  }),
  INVOICE_SELLER_ADDRESS: variable({
    description: 'Postal address of the seller on invoices, lines separated by "|".',
    schema: z.string().min(1),
    default: '10 rue de la Paix|75002 Paris|France',
    productionDefault: false,
    usedBy: ['invoice-mailer'],
  }),
  INVOICE_SELLER_VAT_NUMBER: variable({
    description: "The seller's intra-community VAT number printed on invoices.",
    schema: z.string().regex(/^[A-Z]{2}[A-Z0-9]{2,13}$/, 'a VAT number such as FR12345678901'),
    default: 'FR00123456789',
    productionDefault: false,
    usedBy: ['invoice-mailer'],
  }),
  INVOICE_SELLER_LEGAL_NOTICE: variable({
    description: 'Footer of every invoice: legal form, share capital, registration, late-payment terms.',
    schema: z.string(),
    default: 'SAS au capital de 10 000 € – RCS Paris 123 456 789 – Late payment: penalties at three times the legal interest rate and a fixed recovery fee of 40 €.',
    usedBy: ['invoice-mailer'],
  }),
  INVOICE_SEPA_CREDITOR_ID: variable({
    description: 'SEPA creditor identifier (ICS) printed beside the mandate reference on invoices paid by direct debit.',
    schema: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, 'a SEPA creditor identifier such as FR12ZZZ123456'),
    default: 'FR00ZZZ000000',
    productionDefault: false,
    usedBy: ['invoice-mailer'],
  }),
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof catalogue;
export type Config = { readonly [K in VariableName]: z.output<(typeof catalogue)[K]['schema']> };
