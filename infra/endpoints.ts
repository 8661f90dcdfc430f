/**
 * The single place where local infrastructure addresses are read from the environment.
 * The infra scripts, the tests and the services all import from here so that changing a
 * port (e.g. `KAFKA_PORT=19092`) moves every party at once.
 */

import { platformServices } from '../scripts/platform';

const LOOPBACK = '127.0.0.1';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`${name}=${raw} is not a valid TCP port`);
  }
  return port;
}

function textFromEnv(name: string): string | undefined {
  const raw = process.env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Databases owned by each service, as the services themselves default to them. */
export const serviceDatabaseNames: readonly string[] = platformServices.map(({ identity }) => identity.database);

/** Apicurio keeps its schemas here, so schema ids survive a registry restart. */
export const registryDatabase = 'boissipay_registry';

const kafkaPort = portFromEnv('KAFKA_PORT', 9092);
const kafkaControllerPort = portFromEnv('KAFKA_CONTROLLER_PORT', 9093);
const registryPort = portFromEnv('SCHEMA_REGISTRY_PORT', 8081);
const smtpPort = portFromEnv('SMTP_PORT', 1025);
const mailWebPort = portFromEnv('MAILDEV_WEB_PORT', 1080);
const keycloakPort = portFromEnv('KEYCLOAK_PORT', 8090);
const postgresAdminUrl = textFromEnv('PG_ADMIN_URL') ?? `postgres://postgres@${LOOPBACK}:5432/postgres`;

// Setting one of these means "use that existing server", so ours is neither started nor stopped.
const externalKafkaBrokers = textFromEnv('KAFKA_BROKERS')
  ?.split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker !== '');
const externalRegistryUrl = textFromEnv('SCHEMA_REGISTRY_URL')?.replace(/\/+$/, '');
const externalKeycloakUrl = textFromEnv('KEYCLOAK_URL')?.replace(/\/+$/, '');

/** The realm of infra/keycloak/boissipay-realm.json. */
export const keycloakRealm = 'boissipay';

/**
 * Keycloak as browsers reach it. Its issuer is pinned to this URL (`--hostname`), so a token
 * fetched through 127.0.0.1 names the same issuer as one fetched through localhost: the
 * services compare `iss` as a string. Programs use 127.0.0.1, where it listens.
 */
const keycloakUrl = externalKeycloakUrl ?? `http://localhost:${keycloakPort}`;
const keycloakBackchannelUrl = externalKeycloakUrl ?? `http://${LOOPBACK}:${keycloakPort}`;
const keycloakRealmPath = `/realms/${keycloakRealm}`;

/** Same server and credentials as the admin URL, another database. */
function databaseUrl(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** What clients (services, tests) need to reach the infrastructure. */
export const localEndpoints = {
  kafkaBrokers: externalKafkaBrokers ?? [`${LOOPBACK}:${kafkaPort}`],
  /** Confluent-compatible API base, as expected by @kafkajs/confluent-schema-registry. */
  schemaRegistryUrl: externalRegistryUrl ?? `http://${LOOPBACK}:${registryPort}/apis/ccompat/v7`,
  smtp: { host: LOOPBACK, port: smtpPort },
  /** maildev REST API: GET /email lists caught mails. */
  mailApiUrl: `http://${LOOPBACK}:${mailWebPort}`,
  postgresAdminUrl,
  databaseUrl,
  /** The local authorization server: what the services are configured with to accept its tokens. */
  keycloak: {
    url: keycloakUrl,
    issuer: `${keycloakUrl}${keycloakRealmPath}`,
    /** For the browser (Swagger UI's Authorize dialog). */
    browserTokenUrl: `${keycloakUrl}${keycloakRealmPath}/protocol/openid-connect/token`,
    authorizationUrl: `${keycloakUrl}${keycloakRealmPath}/protocol/openid-connect/auth`,
    /** For programs on this machine: scripts, tests, the services. */
    tokenUrl: `${keycloakBackchannelUrl}${keycloakRealmPath}/protocol/openid-connect/token`,
    jwksUrl: `${keycloakBackchannelUrl}${keycloakRealmPath}/protocol/openid-connect/certs`,
    discoveryUrl: `${keycloakBackchannelUrl}${keycloakRealmPath}/.well-known/openid-configuration`,
  },
};

/** What the infra scripts need to run our own servers. */
export const infraSettings = {
  host: LOOPBACK,
  kafka: { port: kafkaPort, controllerPort: kafkaControllerPort, external: externalKafkaBrokers !== undefined },
  registry: { port: registryPort, external: externalRegistryUrl !== undefined },
  mail: { smtpPort, webPort: mailWebPort },
  keycloak: { port: keycloakPort, external: externalKeycloakUrl !== undefined },
};
