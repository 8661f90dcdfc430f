import type { Admin, Producer } from 'kafkajs';
import { loadConfig } from '../config';
import { createDatabase, createPool } from '../db';
import { authSettingsFromConfig, createHttpApp, startHttpServer } from '../http';
import {
  createAvroCodec,
  createIdempotentProducer,
  createKafka,
  createSchemaRegistry,
  ensureTopics,
  registerSchemas,
  startIdempotentConsumer,
  startOutboxRelay,
  type TopicSchema,
} from '../kafka';
import { createLogger } from '../logging';
import { migrateServiceDatabase } from './migrate-service-database';
import type { BackgroundJob, ServiceContext, ServiceDefinition } from './service-definition';

export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Validate every response against the spec too (tests). */
  validateResponses?: boolean;
}

export interface RunningService<TSchema extends Record<string, unknown>> {
  port: number;
  context: ServiceContext<TSchema>;
  /** Stops in reverse order of start: HTTP first, then consumers, relay, Kafka, database. */
  stop(): Promise<void>;
}

/**
 * Starts one service. The order matters: the database is migrated before anything reads it,
 * topics exist and schemas are registered before anything publishes, the relay runs before
 * the HTTP server accepts requests, and a failure part-way undoes what was started.
 */
export async function startService<TSchema extends Record<string, unknown>>(
  definition: ServiceDefinition<TSchema>,
  options: StartOptions = {},
): Promise<RunningService<TSchema>> {
  const config = loadConfig(definition.name, options.env);
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
  };

  try {
    await migrateServiceDatabase(config.DATABASE_URL, definition.migrationsFolder);
    const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE, logger);
    stops.push(() => pool.end());
    const db = createDatabase(pool, definition.schema);

    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
    const admin: Admin = kafka.admin();
    await admin.connect();
    stops.push(() => admin.disconnect());
    // Services name logical topics (specs/avro); Kafka, the registry and the consumer groups
    // see them behind KAFKA_TOPIC_PREFIX, so several environments can share one cluster.
    const topicOf = (logical: string) => `${config.KAFKA_TOPIC_PREFIX}${logical}`;
    const logicalOf = (topic: string) => topic.slice(config.KAFKA_TOPIC_PREFIX.length);
    const onKafka = (schemas: readonly TopicSchema[]) => schemas.map((schema) => ({ ...schema, topic: topicOf(schema.topic) }));
    const produces = onKafka(definition.produces ?? []);
    const consumes = onKafka(definition.consumes ?? []);
    await ensureTopics(admin, [...produces, ...consumes].map(({ topic }) => topic), {
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });

    const registry = createSchemaRegistry(config.SCHEMA_REGISTRY_URL);
    const codec = createAvroCodec(registry, { produces: await registerSchemas(registry, produces), consumes });
    const context: ServiceContext<TSchema> = { config, logger, pool, db, codec };

    if (produces.length > 0) {
      const producer: Producer = createIdempotentProducer(kafka);
      await producer.connect();
      stops.push(() => producer.disconnect());
      const relay = await startOutboxRelay({ pool, producer, codec, logger, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS, topicOf });
      stops.push(() => relay.stop());
    }

    const consumers: Array<{ stop(): Promise<void> }> = [];
    // Stopped together: each waits for its fetch in flight, which need not add up.
    stops.push(() => Promise.all(consumers.splice(0).map((consumer) => consumer.stop())));
    for (const consumer of definition.consumers?.(context) ?? []) {
      const running = await startIdempotentConsumer({
        kafka,
        db,
        groupId: topicOf(`${definition.name}.${consumer.name}`),
        topics: consumer.topics.map(topicOf),
        codec,
        logger,
        handler: (event, tx, context) => consumer.handler(event, tx, { ...context, topic: logicalOf(context.topic) }),
      });
      consumers.push(running);
    }

    const jobs: BackgroundJob[] = (await definition.background?.(context)) ?? [];
    for (const job of jobs) stops.push(() => job.stop());

    const app = createHttpApp({
      specPath: definition.specPath,
      logger,
      auth: authSettingsFromConfig(config),
      bodyLimit: config.HTTP_BODY_LIMIT,
      validateResponses: options.validateResponses ?? false,
      readinessChecks: [
        { name: 'db', check: async () => void (await pool.query('select 1')) },
        { name: 'kafka', check: async () => void (await admin.describeCluster()) },
      ],
      mountRoutes: (router) => definition.mountRoutes?.(router, context),
    });
    const server = await startHttpServer(app, config.PORT);
    stops.push(() => server.close());
    logger.info({ port: server.port }, `${definition.name} listening on http://127.0.0.1:${server.port}`);

    return { port: server.port, context, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
