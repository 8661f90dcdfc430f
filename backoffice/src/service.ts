import { createAvroCodec, createKafka, createLogger, createPool, createSchemaRegistry, ensureDatabase, kafkaSecurityOf, loadConfig, startHttpServer } from '@boissipay/runtime';
import { LiveFeed } from './app/live-feed';
import { backofficeConfig } from './config';
import { createApp } from './http/create-app';
import { startLiveSource } from './infra/kafka-live-source';
import { liveTopicNames } from './infra/live-topics';
import { createOidcClient } from './infra/oidc-client';

export interface RunningBackoffice {
  port: number;
  stop(): Promise<void>;
}

/**
 * The back office's composition root (ADR 0013's shape without defineService: it owns no
 * schema, outbox nor consumer group). Order: its session database, then the live feed from
 * Kafka, then HTTP; stopped in reverse.
 */
export async function startBackoffice(options: { env?: Readonly<Record<string, string | undefined>> } = {}): Promise<RunningBackoffice> {
  const config = loadConfig(backofficeConfig, options.env);
  const logger = createLogger({ service: backofficeConfig.identity.name, level: config.LOG_LEVEL });
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
  };
  try {
    const database = new URL(config.DATABASE_URL);
    const admin = new URL(config.DATABASE_URL);
    admin.pathname = '/postgres';
    await ensureDatabase(admin.toString(), decodeURIComponent(database.pathname.slice(1)));
    const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE, logger);
    stops.push(() => pool.end());

    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger, security: kafkaSecurityOf(config) });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    stops.push(() => kafkaAdmin.disconnect());
    const feed = new LiveFeed(liveTopicNames, config.LIVE_BUFFER_SIZE);
    const source = await startLiveSource({
      kafka,
      admin: kafkaAdmin,
      registryUrl: config.SCHEMA_REGISTRY_URL,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      feed,
      bufferSize: config.LIVE_BUFFER_SIZE,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      logger,
    });
    stops.push(() => source.stop());

    const { app, closeStreams } = createApp({
      logger,
      pool,
      kafka,
      admin: kafkaAdmin,
      codec: createAvroCodec(createSchemaRegistry(config.SCHEMA_REGISTRY_URL), {}),
      oidc: createOidcClient({ issuer: config.OIDC_ISSUER, backchannelUrl: config.OIDC_BACKCHANNEL_URL, clientId: config.OIDC_CLIENT_ID }),
      feed,
      caughtUp: source.caughtUp,
      urls: { contract: config.CONTRACT_SERVICE_URL, billing: config.BILLING_SERVICE_URL, payment: config.PAYMENT_SERVICE_URL, mailer: config.MAILER_SERVICE_URL },
      publicUrl: config.BACKOFFICE_PUBLIC_URL.replace(/\/+$/, ''),
      sessionSecret: config.SESSION_SECRET,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
    });
    const server = await startHttpServer(app, config.PORT, { host: config.HOST });
    // New connections are refused first, then the open live streams are ended (they would hold
    // the server until its grace period ends); EventSource reconnects once it is back.
    stops.push(async () => {
      const closing = server.close();
      closeStreams();
      await closing;
    });
    logger.info({ port: server.port }, `backoffice listening on http://${config.HOST}:${server.port} (open ${config.BACKOFFICE_PUBLIC_URL})`);
    return { port: server.port, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
