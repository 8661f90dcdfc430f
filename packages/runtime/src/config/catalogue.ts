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
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof catalogue;
export type Config = { readonly [K in VariableName]: z.output<(typeof catalogue)[K]['schema']> };
