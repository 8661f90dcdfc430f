import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { outbox } from '../../db/outbox.table';
import { CORRELATION_HEADER, currentCorrelationId } from '../../logging';
import { currentTraceParent, TRACEPARENT_HEADER } from '../../tracing/trace-context';
import { OUTBOX_CHANNEL } from './outbox-channel';

/** What enqueueing needs from the caller's transaction, whatever its schema. */
export type OutboxWriter = Pick<Database, 'insert' | 'execute'>;

export interface OutgoingEvent<TEvent extends { eventId: string }> {
  topic: string;
  /** The aggregate key (e.g. contractRef): one key's events keep their order on Kafka. */
  key: string;
  /** Plain JSON matching the topic's Avro schema; encoded when the relay publishes it. */
  event: TEvent;
  headers?: Record<string, string>;
}

/**
 * Writes the event into the outbox inside the caller's transaction: it is published if and
 * only if the state change beside it commits. The NOTIFY is queued by PostgreSQL and
 * delivered to the relay on commit (never on rollback), so publishing starts at once
 * instead of at the next poll. The active trace is stored with the row (its `traceparent`):
 * the relay publishes the event as part of the trace that caused it, whenever it runs.
 */
export async function enqueueEvent<TEvent extends { eventId: string }>(tx: OutboxWriter, event: OutgoingEvent<TEvent>): Promise<void> {
  await tx.insert(outbox).values(outboxRowOf(event));
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/** Several events in one statement and one NOTIFY, as a batch writes them; nothing for none. */
export async function enqueueEvents(tx: OutboxWriter, events: readonly OutgoingEvent<{ eventId: string }>[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(events.map(outboxRowOf));
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/**
 * The outbox row of an event, with the active correlation id and `traceparent` in its headers:
 * for a writer that inserts it by other means than `enqueueEvent` (one statement doing several
 * writes), which must then also `pg_notify(OUTBOX_CHANNEL, '')` in the same transaction.
 */
export function outboxRowOf<TEvent extends { eventId: string }>({ topic, key, event, headers = {} }: OutgoingEvent<TEvent>): typeof outbox.$inferInsert {
  const correlationId = currentCorrelationId();
  const traceParent = currentTraceParent();
  return {
    eventId: event.eventId,
    topic,
    messageKey: key,
    payload: event,
    headers: {
      ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}),
      ...(traceParent ? { [TRACEPARENT_HEADER]: traceParent } : {}),
      ...headers,
    },
  };
}
