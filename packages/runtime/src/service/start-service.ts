import { randomUUID } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { loadConfig, type ConfigOf, type ServiceConfig } from '../config';
import { createDatabase, createPool } from '../db';
import { authSettingsFromConfig, createHttpApp, heartbeatCheck, startHttpServer, type ReadinessCheck } from '../http';
import {
  createAvroCodec,
  createIdempotentProducer,
  createKafka,
  createSchemaRegistry,
  ensureTopics,
  kafkaSecurityOf,
  registerSchemas,
  startIdempotentConsumer,
  transactionalOutbox,
  startOutboxRelay,
  type TopicSchema,
} from '../kafka';
import { createLogger } from '../logging';
import { createServiceMetrics, observeConsumerLag, observeOutbox, observePool } from '../metrics';
import { heartbeat, type WorkerStatus } from '../work';
import { businessClockOf } from './business-clock';
import { migrateServiceDatabase } from './migrate-service-database';
import { startSchedules } from './schedules';
import type { ServiceContext, ServiceDefinition, ServiceParts } from './service-definition';

export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Validate every response against the spec too (tests). */
  validateResponses?: boolean;
  /** Other sources of time and ids than the system's (tests). */
  clock?: () => Date;
  newId?: () => string;
}

export interface RunningService<TConfig, TSchema extends Record<string, unknown>, TParts = ServiceParts<TSchema>> {
  port: number;
  context: ServiceContext<TConfig, TSchema>;
  /** What the composition root built (its routes, consumers, jobs and anything else it returned). */
  parts: TParts;
  /** Stops HTTP first, then consumers, schedules, workers, relay, Kafka, database. */
  stop(): Promise<void>;
}

/**
 * Starts one service around its composition root. The order matters: the database is migrated
 * before anything reads it, topics exist and schemas are registered before anything publishes,
 * the relay runs before the HTTP server accepts requests, consumers join last (HTTP does not wait
 * for Kafka's rebalance), and a failure part-way undoes what was started.
 */
export async function startService<TConfig extends ServiceConfig, TSchema extends Record<string, unknown>, TParts extends ServiceParts<TSchema>>(
  definition: ServiceDefinition<TConfig, TSchema, TParts>,
  options: StartOptions = {},
): Promise<RunningService<ConfigOf<TConfig>, TSchema, TParts>> {
  const name = definition.config.identity.name;
  const config = loadConfig(definition.config, options.env);
  const clock = options.clock ?? businessClockOf(config);
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
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
    const metrics = createServiceMetrics(name);
    observePool(metrics, pool);
    const context: ServiceContext<ConfigOf<TConfig>, TSchema> = {
      config,
      logger,
      pool,
      db,
      clock,
      newId: options.newId ?? randomUUID,
      outbox: transactionalOutbox,
      metrics,
    };
    const parts = definition.compose(context);

    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger, security: kafkaSecurityOf(config) });
    const admin: Admin = kafka.admin();
    await admin.connect();
    stops.push(() => admin.disconnect());
    // Services name logical topics (specs/avro); Kafka, the registry and the consumer groups
    // see them behind KAFKA_TOPIC_PREFIX, so several environments can share one cluster.
    const topicOf = (logical: string) => `${config.KAFKA_TOPIC_PREFIX}${logical}`;
    const logicalOf = (topic: string) => topic.slice(config.KAFKA_TOPIC_PREFIX.length);
    const onKafka = (topics: readonly TopicSchema[]) => topics.map(({ topic, schema }) => ({ topic: topicOf(topic), schema }));
    const consumers = parts.consumers ?? [];
    const produces = onKafka(definition.produces ?? []);
    const consumes = onKafka(uniqueByTopic(consumers.map((consumer) => consumer.topic)));
    await ensureTopics(admin, [...new Set([...produces, ...consumes].map(({ topic }) => topic))], {
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });

    const registry = createSchemaRegistry(config.SCHEMA_REGISTRY_URL);
    const codec = createAvroCodec(registry, { produces: await registerSchemas(registry, produces), consumes });

    // Heartbeats of the relay and the workers: readiness tells when one is stuck, not only when a dependency is down.
    const heartbeats: ReadinessCheck[] = [];
    // Real time, not the context clock: tests move business time, a stalled loop stalls in wall-clock time.
    const stalled = (status: () => WorkerStatus) => heartbeatCheck(status, config.HEALTH_STALL_TIMEOUT_MS);
    if (produces.length > 0) {
      observeOutbox(metrics, pool);
      const producer: Producer = createIdempotentProducer(kafka);
      await producer.connect();
      stops.push(() => producer.disconnect());
      const relay = await startOutboxRelay({ pool, producer, codec, logger, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS, topicOf });
      stops.push(() => relay.stop());
      heartbeats.push(stalled(() => relay.status()));
    }

    // Each consumer's heartbeat is watched from now on, though it joins its group only once HTTP serves.
    const consumerStatuses = new Map<string, () => WorkerStatus>();
    for (const consumer of consumers) {
      const check = `consumer:${consumer.name}`;
      // Until the consumer exists: a heartbeat without progress since now, as a consumer joining its group reports it.
      const joining = heartbeat(check, { since: 'start' }).status();
      heartbeats.push(stalled(() => ({ ...(consumerStatuses.get(consumer.name)?.() ?? joining), name: check })));
    }

    for (const worker of parts.workers ?? []) {
      const job = await worker.start();
      stops.push(() => job.stop());
      const status = job.status?.bind(job);
      if (status) heartbeats.push(stalled(() => ({ ...status(), name: worker.name })));
    }
    // After the workers: stopped before them, so no scheduled run starts while they drain.
    const schedules = await startSchedules(parts.schedules ?? [], logger);
    stops.push(() => schedules.stop());

    const runningConsumers: Array<{ stop(): Promise<void> }> = [];
    // Stopped together, after HTTP: each waits for its fetch in flight, which need not add up.
    stops.push(() => Promise.all(runningConsumers.splice(0).map((consumer) => consumer.stop())));

    const app = createHttpApp({
      specPath: definition.specPath,
      logger,
      auth: authSettingsFromConfig(config),
      docsAuthorization: { tokenUrl: config.AUTH_OAUTH_TOKEN_URL, authorizationUrl: config.AUTH_OAUTH_AUTHORIZATION_URL },
      bodyLimit: config.HTTP_BODY_LIMIT,
      validateResponses: options.validateResponses ?? false,
      metrics,
      readinessChecks: [
        { name: 'db', check: async () => void (await pool.query('select 1')) },
        { name: 'kafka', check: async () => void (await admin.describeCluster()) },
        ...heartbeats,
        ...(parts.readiness ?? []),
      ],
      mountRoutes: (router) => parts.routes?.(router),
    });
    const server = await startHttpServer(app, config.PORT, { host: config.HOST });
    stops.push(() => server.close());
    logger.info({ host: config.HOST, port: server.port }, `${name} listening on http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${server.port}`);

    // Consumers join their groups once HTTP already serves: after a crash, Kafka holds a group
    // until the dead member's session times out, and decisions need only the database.
    observeConsumerLag(
      metrics,
      admin,
      consumers.map((consumer) => ({ groupId: topicOf(`${name}.${consumer.name}`), topic: topicOf(consumer.topic.topic), consumer: consumer.name, logicalTopic: consumer.topic.topic })),
    );
    await Promise.all(
      consumers.map(async (consumer) => {
        const running = await startIdempotentConsumer({
          kafka,
          db,
          groupId: topicOf(`${name}.${consumer.name}`),
          topics: [topicOf(consumer.topic.topic)],
          codec,
          logger,
          handler: (event, tx, message) => consumer.handler(event, tx, { ...message, topic: logicalOf(message.topic) }),
          consumerConfig: { sessionTimeout: config.KAFKA_CONSUMER_SESSION_TIMEOUT_MS },
          onOutcome: (consumed) => {
            const topic = logicalOf(consumed.topic);
            metrics.eventsConsumed.inc({ topic, outcome: consumed.outcome });
            const occurredAt = consumed.outcome === 'applied' ? instantOf(consumed.event.occurredAt) : undefined;
            if (occurredAt !== undefined) metrics.eventHop.observe({ topic }, Math.max(0, (Date.now() - occurredAt) / 1000));
          },
        });
        runningConsumers.push(running);
        consumerStatuses.set(consumer.name, running.status);
      }),
    );

    return { port: server.port, context, parts, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** An event's occurredAt as epoch milliseconds: an ISO-8601 string, or a number of milliseconds. */
function instantOf(occurredAt: unknown): number | undefined {
  const instant = typeof occurredAt === 'number' ? occurredAt : typeof occurredAt === 'string' ? Date.parse(occurredAt) : Number.NaN;
  return Number.isFinite(instant) ? instant : undefined;
}

function uniqueByTopic(topics: readonly TopicSchema[]): TopicSchema[] {
  return [...new Map(topics.map((topic) => [topic.topic, topic])).values()];
}

/** The running form of a service definition, e.g. `RunningServiceOf<typeof billingService>`. */
export type RunningServiceOf<D> =
  D extends ServiceDefinition<infer TConfig, infer TSchema, infer TParts> ? RunningService<ConfigOf<TConfig>, TSchema, TParts> : never;
