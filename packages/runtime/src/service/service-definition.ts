import type { Router } from 'express';
import type { Pool } from 'pg';
import type { Config, ServiceName } from '../config';
import type { Database } from '../db';
import type { AvroCodec, EventHandler, TopicSchema } from '../kafka';
import type { Logger } from '../logging';

/** What a running service hands to its routes, consumers and background jobs. */
export interface ServiceContext<TSchema extends Record<string, unknown>> {
  config: Config;
  logger: Logger;
  pool: Pool;
  db: Database<TSchema>;
  codec: AvroCodec;
}

export interface ConsumerDefinition<TSchema extends Record<string, unknown>> {
  /** Appended to the service name to form the consumer group id. */
  name: string;
  topics: string[];
  handler: EventHandler<unknown, TSchema>;
}

/** A job started with the service and stopped before it (scheduler, poller…). */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/**
 * Everything that differs between services; `startService` composes the rest (config,
 * logs, database and migrations, topics, schemas, outbox relay, consumers, HTTP) the same
 * way for all of them.
 */
export interface ServiceDefinition<TSchema extends Record<string, unknown>> {
  name: ServiceName;
  /** The service's OpenAPI document (specs/openapi/<name>.yaml). */
  specPath: string;
  /** drizzle-kit output folder of the service's schema. */
  migrationsFolder: string;
  schema: TSchema;
  /** Topics this service publishes, with the value schema it writes (registered at start-up). */
  produces?: readonly TopicSchema[];
  /** Topics this service reads, with the schema it reads them with. */
  consumes?: readonly TopicSchema[];
  mountRoutes?(router: Router, context: ServiceContext<TSchema>): void;
  consumers?(context: ServiceContext<TSchema>): ConsumerDefinition<TSchema>[];
  background?(context: ServiceContext<TSchema>): BackgroundJob[] | Promise<BackgroundJob[]>;
}
