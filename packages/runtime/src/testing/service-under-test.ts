import request from 'supertest';
import { dropDatabase } from '../db/database-admin';
import { signAccessToken } from '../http';
import type { ConfigOf, ServiceConfig } from '../config';
import { startService, type RunningService, type ServiceDefinition, type ServiceParts } from '../service';
import { deleteTopicsWithPrefix } from './scratch-topics';
import { uniqueSuffix } from './unique-suffix';

/** The server the scratch databases are created on and dropped from (infra/endpoints.ts reads the same variable). */
export const testPostgresAdminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const SECRET = 'service-under-test-secret-0123456789';

export interface ServiceUnderTestOptions {
  /** Short name of the service: its scratch database is `<name>_test_…`, its own topics `<name>-test-….`. */
  name: string;
  /**
   * The service's test settings, then the test's. A KAFKA_TOPIC_PREFIX given here is shared
   * with another service under test, whose stop deletes those topics.
   */
  env?: Record<string, string>;
  /** Topics of this instance, deleted when it stops; by default new ones. */
  topicPrefix?: string;
  /** `sub` of the tokens `token()` signs. */
  tokenSubject?: string;
  /** The service's clock (kept across restarts), for tests that move business time; the system's by default. */
  clock?: () => Date;
}

export interface ServiceUnderTest<TRunning extends RunningService<unknown, Record<string, unknown>, unknown>> {
  /** The running instance: another one after `restart`. */
  readonly service: TRunning;
  /** supertest bound to the running instance. */
  readonly api: ReturnType<typeof request>;
  databaseName: string;
  databaseUrl: string;
  /** KAFKA_TOPIC_PREFIX of the instance: its topics, schema subjects and consumer groups. */
  topicPrefix: string;
  /** A bearer token the service accepts, with `scopes`, for `subject` (by default `tokenSubject`). */
  token(scopes: string[], subject?: string, restriction?: { customers?: readonly string[] }): Promise<string>;
  /** Stops the service (as a crash or a deploy would) and starts it again on the same database, topics and consumer groups. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Stops the service, drops its database and deletes the topics it owns. */
  stop(): Promise<void>;
}

/**
 * One service in process, as its test files need it: port 0, a scratch database, topics of
 * its own (KAFKA_TOPIC_PREFIX) unless it shares another's, responses checked against its
 * spec, logs silent unless TEST_LOG_LEVEL says otherwise; `stop` leaves nothing behind.

 */
export async function startServiceUnderTest<TConfig extends ServiceConfig, TSchema extends Record<string, unknown>, TParts extends ServiceParts<TSchema>>(
  definition: ServiceDefinition<TConfig, TSchema, TParts>,
  options: ServiceUnderTestOptions,
): Promise<ServiceUnderTest<RunningService<ConfigOf<TConfig>, TSchema, TParts>>> {
  const suffix = uniqueSuffix();
  const databaseName = `${options.name}_test_${suffix}`;
  const databaseUrl = new URL(testPostgresAdminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const sharedTopicPrefix = options.env?.KAFKA_TOPIC_PREFIX;
  const topicPrefix = sharedTopicPrefix ?? options.topicPrefix ?? `${options.name}-test-${suffix}.`;
  const env = {
    PORT: '0',
    DATABASE_URL: databaseUrl.toString(),
    // Left unset, the service's own defaults apply, so these two move the tests with the services.
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL,
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
    KAFKA_TOPIC_PREFIX: topicPrefix,
  };
  const start = async (overrides: Record<string, string> = {}) =>
    startService(definition, {
      validateResponses: true,
      env: { ...env, ...overrides, KAFKA_TOPIC_PREFIX: topicPrefix },
      ...(options.clock ? { clock: options.clock } : {}),
    });
  let running = await start();

  return {
    get service() {
      return running;
    },
    get api() {
      return request(`http://127.0.0.1:${running.port}`);
    },
    databaseName,
    databaseUrl: databaseUrl.toString(),
    topicPrefix,
    token: (scopes, subject, restriction) =>
      signAccessToken(
        { secret: SECRET },
        { subject: subject ?? options.tokenSubject ?? `${options.name}-tests`, scopes, ttlSeconds: 600, customers: restriction?.customers },
      ),
    async restart(overrides) {
      await running.stop();
      running = await start(overrides);
    },
    async stop() {
      await running.stop();
      await dropDatabase(testPostgresAdminUrl, databaseName);
      if (sharedTopicPrefix === undefined) await deleteTopicsWithPrefix(running.context.config.KAFKA_BROKERS, topicPrefix);
    },
  };
}
