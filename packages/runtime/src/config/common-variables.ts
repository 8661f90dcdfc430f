import { z } from 'zod';
import { settings, variable, type ValuesOf, type VariableSpec } from './variable';

/**
 * The variables every service reads: how it is reached, logs, stores, talks to Kafka and checks
 * tokens. A service's own variables are declared next to its code (its `config.ts` slice) and
 * merged with these by `loadConfig`.
 */
export const commonVariables = {
  NODE_ENV: variable({
    description: 'development, test or production; production drops insecure local defaults.',
    schema: z.enum(['development', 'test', 'production']),
    default: 'development',
  }),
  PORT: variable({
    description: 'HTTP port the service listens on (0 picks a free one).',
    schema: settings.port,
    default: (service) => String(service.port),
  }),
  HOST: variable({
    description: 'Address the HTTP server listens on: 127.0.0.1 (this machine only) by default, 0.0.0.0 (every interface) in the container image.',
    schema: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'an IP address such as 127.0.0.1 or 0.0.0.0'),
    default: '127.0.0.1',
  }),
  HTTP_BODY_LIMIT: variable({
    description: 'Largest accepted request body (express/body-parser size syntax).',
    schema: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb'),
    default: '256kb',
  }),
  LOG_LEVEL: variable({
    description: 'pino log level.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
  }),
  DATABASE_URL: variable({
    description: "PostgreSQL connection string of the service's own database.",
    schema: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string'),
    default: (service) => `postgres://postgres@127.0.0.1:5432/${service.database}`,
  }),
  DATABASE_POOL_SIZE: variable({
    description: 'Maximum PostgreSQL connections held by the service.',
    schema: settings.positiveInt,
    default: '10',
  }),
  KAFKA_BROKERS: variable({
    description: 'Comma-separated Kafka bootstrap servers.',
    schema: settings.csv.pipe(z.array(z.string().min(1)).min(1)),
    default: '127.0.0.1:9092',
  }),
  KAFKA_CLIENT_ID: variable({
    description: 'Kafka client id (defaults to the service name).',
    schema: z.string().min(1),
    default: (service) => service.name,
  }),
  KAFKA_TOPIC_PARTITIONS: variable({
    description: 'Partitions of the topics the service creates at start-up.',
    schema: settings.positiveInt,
    default: '1',
  }),
  KAFKA_REPLICATION_FACTOR: variable({
    description: 'Replication factor of the topics the service creates at start-up.',
    schema: settings.positiveInt,
    default: '1',
  }),
  KAFKA_TOPIC_PREFIX: variable({
    description: 'Put before every topic name, schema subject and consumer group id, e.g. "staging." to share one Kafka cluster and registry between environments. Empty: the names of specs/avro.',
    schema: z.string().regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore'),
    default: '',
  }),
  KAFKA_CONSUMER_SESSION_TIMEOUT_MS: variable({
    description:
      "How long Kafka waits for a consumer's heartbeat before giving its partitions to another member; after a crash, a restarted service's consumers resume once the old member's session has timed out (its HTTP API serves before that).",
    schema: z.coerce.number().int().min(6000).max(300000),
    default: '10000',
  }),
  KAFKA_SSL: variable({
    description: 'true: connect to the brokers over TLS (a production cluster with authentication, see KAFKA_SASL_MECHANISM).',
    schema: settings.flag,
    default: 'false',
  }),
  KAFKA_SASL_MECHANISM: variable({
    description:
      "SASL mechanism of the service's Kafka principal (plain, scram-sha-256 or scram-sha-512; empty: no authentication, as locally). With ACLs, each service's principal may write only the topics it produces (docs/deployment.md).",
    schema: z.enum(['', 'plain', 'scram-sha-256', 'scram-sha-512'], 'plain, scram-sha-256, scram-sha-512 or empty'),
    default: '',
  }),
  KAFKA_SASL_USERNAME: variable({
    description: "The service's Kafka principal (with KAFKA_SASL_MECHANISM).",
    schema: z.string(),
    default: '',
  }),
  KAFKA_SASL_PASSWORD: variable({
    description: "Password of the service's Kafka principal.",
    schema: z.string(),
    default: '',
    secret: true,
  }),
  SCHEMA_REGISTRY_URL: variable({
    description: 'Confluent-compatible schema registry base URL (Apicurio: …/apis/ccompat/v7).',
    schema: z.url(),
    default: 'http://127.0.0.1:8081/apis/ccompat/v7',
  }),
  AUTH_JWT_SECRET: variable({
    description: 'HS256 secret that signs bearer tokens (local and test). Required in production unless AUTH_JWKS_URL is set.',
    schema: z.string().min(16, 'at least 16 characters'),
    default: 'boissipay-local-development-secret',
    productionDefault: false,
    secret: true,
  }),
  AUTH_JWKS_URL: variable({
    description:
      'JWKS endpoint of the OAuth2 authorization server (Keycloak: <realm URL>/protocol/openid-connect/certs). In production its tokens are then the only ones accepted; elsewhere HS256 tokens signed with AUTH_JWT_SECRET are accepted beside them.',
    schema: settings.optionalUrl,
    default: '',
  }),
  AUTH_ISSUER: variable({
    description: "Expected `iss` claim of bearer tokens (empty: not checked); with AUTH_JWKS_URL, of the authorization server's tokens.",
    schema: z.string(),
    default: '',
  }),
  AUTH_AUDIENCE: variable({
    description:
      'Expected `aud` claim of bearer tokens: one value per service (e.g. its name), so that a token issued for one service is refused by the others. Required in production; empty (not checked) only locally.',
    schema: z.string(),
    default: '',
    productionDefault: false,
  }),
  AUTH_OAUTH_TOKEN_URL: variable({
    description:
      "Token endpoint of the authorization server, shown by Swagger UI at /docs for the OAuth2 client-credentials flow (Keycloak: <realm URL>/protocol/openid-connect/token, as the browser reaches it). Empty: the spec's placeholder; /docs then takes a pasted bearer token only.",
    schema: settings.optionalUrl,
    default: '',
  }),
  AUTH_OAUTH_AUTHORIZATION_URL: variable({
    description:
      'Authorization endpoint of the authorization server (Keycloak: <realm URL>/protocol/openid-connect/auth): when set with AUTH_OAUTH_TOKEN_URL, /docs also offers a login (authorization code with PKCE, client boissipay-backoffice locally).',
    schema: settings.optionalUrl,
    default: '',
  }),
  OUTBOX_POLL_INTERVAL_MS: variable({
    description: 'Safety-net poll of the outbox relay; new rows wake it at once through LISTEN/NOTIFY.',
    schema: settings.positiveInt,
    default: '5000',
  }),
  HEALTH_STALL_TIMEOUT_MS: variable({
    description:
      '/health/ready turns DOWN when the outbox relay, a worker or a consumer has been trying this long without progress (failing rounds, a batch crashing again and again, a hang); an idle one stays UP.',
    schema: settings.positiveInt,
    default: '60000',
  }),
  CLOCK_START: variable({
    description:
      "Development and test only, refused in production: an ISO-8601 instant with its offset that the service's business clock is set to at start-up, from which it runs at normal speed; to see what a later date brings (a debit on its collection date, a month's end) without waiting for it. Empty: the system clock.",
    schema: z.union([z.literal(''), z.iso.datetime({ offset: true })], 'an ISO-8601 instant such as 2027-01-04T06:00:00+01:00, or empty'),
    default: '',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable({
    description:
      'OTLP/HTTP base URL of the trace collector (e.g. http://jaeger:4318; spans go to <url>/v1/traces). Empty: nothing is exported, though trace ids still travel in the Kafka headers and appear in the logs.',
    schema: z.union([z.literal(''), z.url()]),
    default: '',
  }),
  OTEL_TRACES_SAMPLER_RATIO: variable({
    description: 'Share of new traces recorded and exported, from 0 to 1; a trace that comes with a traceparent keeps its caller\'s decision.',
    schema: z.coerce.number().min(0).max(1),
    default: '1',
  }),
  OTEL_SQL_SPANS: variable({
    description:
      'true: a span per SQL statement within traced work (the pg instrumentation, preloaded with the others). Off by default: on the purchase path they cost more CPU than every other span together.',
    schema: settings.flag,
    default: 'false',
  }),
} as const satisfies Record<string, VariableSpec>;

export type CommonConfig = ValuesOf<typeof commonVariables>;
