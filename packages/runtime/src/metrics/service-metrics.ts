import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Admin } from 'kafkajs';
import type { Pool } from 'pg';

/**
 * One Prometheus registry per running service (several run in one process in tests). Every
 * name starts with `boissipay_`; labels never name a contract or a customer, so the number of
 * series stays bounded whatever the traffic.
 */
export interface ServiceMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  eventsConsumed: Counter<'topic' | 'outcome'>;
  eventHop: Histogram<'topic'>;
  /** For a service's own business metrics: created on this registry, with the same prefix. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L>;
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets?: number[]): Histogram<L>;
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (gauge: Gauge<L>) => Promise<void> | void): Gauge<L>;
}

export const METRIC_PREFIX = 'boissipay_';

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets?: number[]) =>
    new Histogram<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers: [registry], ...(buckets ? { buckets } : {}) });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (gauge: Gauge<L>) => Promise<void> | void) =>
    new Gauge<L>({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames,
      registers: [registry],
      ...(collect
        ? {
            async collect(this: Gauge<L>) {
              await collect(this);
            },
          }
        : {}),
    });
  return {
    registry,
    httpRequestDuration: histogram('http_request_duration_seconds', 'HTTP requests by route template, method and status, and how long they took.', ['method', 'route', 'status'], [
      0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
    ]),
    eventsConsumed: counter('events_consumed_total', 'Kafka events handled by a consumer, by outcome: applied, duplicate (already applied) or dead_lettered.', ['topic', 'outcome']),
    eventHop: histogram('event_hop_seconds', "Time from an event's occurredAt to its effect being committed by this service's consumer.", ['topic'], [
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]),
    counter,
    histogram,
    gauge,
  };
}

/** Connections of the service's PostgreSQL pool: in use, idle, and requests waiting for one. */
export function observePool(metrics: ServiceMetrics, pool: Pool): void {
  metrics.gauge('db_pool_connections', 'Connections of the PostgreSQL pool by state: in_use, idle, or waiting (requests queued for a connection).', ['state'], (gauge) => {
    gauge.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    gauge.set({ state: 'idle' }, pool.idleCount);
    gauge.set({ state: 'waiting' }, pool.waitingCount);
  });
}

/**
 * The outbox's backlog: how many events wait to be published, and how old the oldest is;
 * quarantined events, which wait for an operator instead, are counted apart. One query per
 * scrape feeds the three gauges.
 */
export function observeOutbox(metrics: ServiceMetrics, pool: Pool): void {
  type Reading = { pending: number; oldest: number | null; quarantined: number } | undefined;
  let inFlight: Promise<Reading> | undefined;
  // The registry collects its gauges together: the three share the query in flight, and the next scrape asks again.
  const outbox = () =>
    (inFlight ??= pool
      .query<NonNullable<Reading>>(
        `select count(*) filter (where quarantined_at is null)::int as pending,
                extract(epoch from now() - min(created_at) filter (where quarantined_at is null))::float8 as oldest,
                count(*) filter (where quarantined_at is not null)::int as quarantined
           from outbox where published_at is null`,
      )
      .then((result) => result.rows[0])
      .finally(() => (inFlight = undefined)));
  metrics.gauge('outbox_pending_events', 'Events committed to the outbox and not yet published to Kafka.', [], async (gauge) => {
    gauge.set((await outbox())?.pending ?? 0);
  });
  metrics.gauge('outbox_oldest_pending_age_seconds', 'Age of the oldest event not yet published (0 when none waits).', [], async (gauge) => {
    gauge.set((await outbox())?.oldest ?? 0);
  });
  metrics.gauge('outbox_quarantined_events', 'Events Kafka refused for good (too large, or not encodable), set aside unpublished until an operator republishes them.', [], async (gauge) => {
    gauge.set((await outbox())?.quarantined ?? 0);
  });
}

/**
 * A gauge read from the service's own tables at each scrape: `query` returns one row per label
 * set, with the labels as text columns and the number in `value`. For states the database already
 * holds (contracts by status, payments by outcome); what is no longer returned is no longer reported.
 */
export function gaugeFromQuery<L extends string>(metrics: ServiceMetrics, pool: Pool, spec: { name: string; help: string; labelNames: readonly L[]; query: string }): void {
  metrics.gauge(spec.name, spec.help, spec.labelNames, async (gauge) => {
    const { rows } = await pool.query<Record<L, string | null> & { value: string | number }>(spec.query);
    gauge.reset();
    for (const row of rows) {
      const labels = Object.fromEntries(spec.labelNames.map((name) => [name, row[name] ?? 'none'])) as Record<L, string>;
      gauge.set(labels, Number(row.value));
    }
  });
}

/** How far each consumer group of the service is behind its topic: end offset minus committed offset, per partition. */
export function observeConsumerLag(metrics: ServiceMetrics, admin: Admin, groups: ReadonlyArray<{ groupId: string; topic: string; consumer: string; logicalTopic: string }>): void {
  metrics.gauge('consumer_lag_messages', "Messages of a topic its consumer group has not yet processed, per partition (end offset minus the group's committed offset).", ['consumer', 'topic', 'partition'], async (gauge) => {
    gauge.reset();
    for (const { groupId, topic, consumer, logicalTopic } of groups) {
      const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
      for (const { partition, high, low } of ends) {
        const offset = committed[0]?.partitions.find((candidate) => candidate.partition === partition)?.offset ?? '-1';
        // A group that never committed will start at the first retained message.
        const from = offset === '-1' ? BigInt(low) : BigInt(offset);
        gauge.set({ consumer, topic: logicalTopic, partition: String(partition) }, Number(BigInt(high) > from ? BigInt(high) - from : 0n));
      }
    }
  });
}
