import type { Router } from 'express';
import type { Pool } from 'pg';
import type { ConfigOf, ServiceConfig } from '../config';
import type { Database, Transaction } from '../db';
import type { ReadinessCheck } from '../http';
import type { EventTopic, MessageContext, Outbox } from '../kafka';
import type { Logger } from '../logging';
import type { ServiceMetrics } from '../metrics';
import type { WorkerStatus } from '../work';

/** What a service's composition root is given: configuration, infrastructure, and the sources of time and ids. */
export interface ServiceContext<TConfig, TSchema extends Record<string, unknown>> {
  config: TConfig;
  logger: Logger;
  pool: Pool;
  db: Database<TSchema>;
  /** The one source of "now": tests replace it to move time. */
  clock: () => Date;
  /** The one source of new ids (event ids, operation ids…). */
  newId: () => string;
  /** Queues an event in the caller's transaction, type-checked against the topic it is bound to. */
  outbox: Outbox;
  /** The service's Prometheus registry (GET /metrics), for its own business metrics. */
  metrics: ServiceMetrics;
}

/** A consumer bound to one topic, its handler receiving that topic's event type. */
export interface ConsumerBinding<TSchema extends Record<string, unknown>> {
  /** Appended to the service name to form the consumer group id. */
  name: string;
  topic: EventTopic<unknown>;
  handler: (event: unknown, tx: Transaction<TSchema>, context: MessageContext) => Promise<void>;
}

/**
 * Binds `handler` to `topic`: the handler receives the topic's generated Avro type, decoded and
 * checked against its schema by the codec, in the transaction that records the event id.
 */
export function consume<TEvent, TSchema extends Record<string, unknown>>(
  topic: EventTopic<TEvent>,
  name: string,
  handler: (event: TEvent, tx: Transaction<TSchema>, context: MessageContext) => Promise<void>,
): ConsumerBinding<TSchema> {
  // The codec decoded the message with this very schema: the value has the topic's type.
  return { name, topic, handler: handler as ConsumerBinding<TSchema>['handler'] };
}

/** Work on a clock: `run` on `cron` in `timeZone`, `atStart` once when the service starts. */
export interface ScheduledJob {
  name: string;
  cron: string;
  timeZone: string;
  run: () => Promise<void>;
  /** Awaited before the service serves requests (default: nothing). */
  atStart?: () => Promise<void>;
}

/** Something that runs in the background from start to stop (a worker loop, runs in progress…). */
export interface BackgroundJob {
  stop(): Promise<void>;
  /** Its heartbeat (a due-work loop has one): /health/ready turns DOWN when it stalls. */
  status?(): WorkerStatus;
}

export interface BackgroundWorker {
  name: string;
  start: () => Promise<BackgroundJob>;
}

/**
 * Everything a service adds to the common runtime, built by its composition root from the
 * context. Building starts nothing: the runtime starts the parts in order and stops them in
 * reverse.
 */
export interface ServiceParts<TSchema extends Record<string, unknown>> {
  routes?: (router: Router) => void;
  consumers?: readonly ConsumerBinding<TSchema>[];
  schedules?: readonly ScheduledJob[];
  workers?: readonly BackgroundWorker[];
  /** Checked by /health/ready beside the database and Kafka. */
  readiness?: readonly ReadinessCheck[];
}

/** A deployable service: its configuration slice, contracts, storage, and its composition root. */
export interface ServiceDefinition<
  TConfig extends ServiceConfig,
  TSchema extends Record<string, unknown>,
  TParts extends ServiceParts<TSchema> = ServiceParts<TSchema>,
> {
  config: TConfig;
  /** The service's OpenAPI document (specs/openapi/<name>.yaml). */
  specPath: string;
  /** drizzle-kit output folder of the service's schema. */
  migrationsFolder: string;
  schema: TSchema;
  /** Topics this service publishes (their schemas are registered at start-up). Consumed topics come from `compose`. */
  produces?: readonly EventTopic<unknown>[];
  compose(context: ServiceContext<ConfigOf<TConfig>, TSchema>): TParts;
}

/** Declares a service; only here to infer the types of `compose` from the config slice and schema. */
export function defineService<TConfig extends ServiceConfig, TSchema extends Record<string, unknown>, TParts extends ServiceParts<TSchema>>(
  definition: ServiceDefinition<TConfig, TSchema, TParts>,
): ServiceDefinition<TConfig, TSchema, TParts> {
  return definition;
}
