import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CompressionTypes, type Message, type Producer, type TopicMessages } from 'kafkajs';
import type { Database, Transaction } from '../../db/database';
import { outbox, type OutboxRow } from '../../db/outbox.table';
import type { AvroCodec } from '../avro-codec';
import { ALL_REPLICAS } from '../kafka-client';
import { failSpan, untraced } from '../../tracing/trace-context';
import { headersWithin, startPublishSpan } from './publish-span';
import { isUnencodablePayload, kafkaRefusalOf } from './refused-for-good';
import type { Span } from '@opentelemetry/api';

/**
 * Relays of several replicas of a service take turns on this lock. SKIP LOCKED alone would
 * let a second relay publish later rows of a key while the first still holds earlier ones,
 * breaking the per-key order; SKIP LOCKED stays so that a claim never waits on rows some
 * other session has locked.
 */
const RELAY_LOCK = 'boissipay.outbox-relay';

/** Outbox rows name the logical topic; the deployment may put a prefix before it on Kafka. */
export type TopicNaming = (logicalTopic: string) => string;

export const unprefixedTopics: TopicNaming = (topic) => topic;

/** An event Kafka will never accept as it is: set aside so that the rows behind it are published. */
export interface QuarantinedEvent {
  eventId: string;
  topic: string;
  reason: string;
}

export interface PublishedBatch {
  /** Rows claimed: a full batch means more may be waiting. */
  claimed: number;
  published: number;
  quarantined: QuarantinedEvent[];
}

interface EncodedRow {
  row: OutboxRow;
  topic: string;
  message: Message;
  /** Its publication, in the trace of the work that enqueued it. */
  span: Span | undefined;
}

async function send(producer: Producer, encoded: readonly EncodedRow[]): Promise<void> {
  // Rows come in id order and a Map keeps insertion order: each topic's messages stay in order.
  const byTopic = new Map<string, Message[]>();
  for (const { topic, message } of encoded) {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  }
  await untraced(() =>
    producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]): TopicMessages => ({ topic, messages })),
      acks: ALL_REPLICAS,
      // Events repeat their field names and lines: GZIP shrinks a month of invoice lines several
      // times over, and Kafka's limit (max.message.bytes) applies to the compressed batch.
      compression: CompressionTypes.GZIP,
    }),
  );
}

/**
 * Publishes the oldest pending rows and marks them, all in one transaction that holds the
 * rows locked until Kafka has acknowledged them.
 *
 * A row Kafka refuses for good (over the topic's size limit, or a payload its schema cannot
 * encode) is quarantined rather than retried: retrying it would hold every row behind it for
 * ever, those of other keys included. The rows behind it, later events of its own key
 * included, are published: consumers then see that key without the quarantined event, which is
 * the lesser harm (events carry state, not deltas, and the operator republishes it once the
 * limit is raised) than a whole service's events stopping. See ADR 0015.
 */
export async function publishPendingBatch(
  db: Database,
  producer: Producer,
  codec: AvroCodec,
  batchSize: number,
  topicOf: TopicNaming = unprefixedTopics,
): Promise<PublishedBatch> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${RELAY_LOCK}))`);
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.publishedAt), isNull(outbox.quarantinedAt)))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { claimed: 0, published: 0, quarantined: [] };

    const quarantined: QuarantinedEvent[] = [];
    const encoded: EncodedRow[] = [];
    try {
      return await publishRows(tx, rows, encoded, quarantined);
    } catch (error) {
      // The round failed (Kafka or the database): the rows stay pending, their spans say why.
      for (const { span } of encoded) if (span?.isRecording()) endSpan(span, error);
      throw error;
    }
  });

  async function publishRows(tx: Transaction, rows: OutboxRow[], encoded: EncodedRow[], quarantined: QuarantinedEvent[]): Promise<PublishedBatch> {
    for (const row of rows) {
      const topic = topicOf(row.topic);
      try {
        const value = await codec.encode(topic, row.payload);
        const span = startPublishSpan(row, topic);
        encoded.push({ row, topic, span, message: { key: row.messageKey, value, headers: headersWithin(row, span) } });
      } catch (error) {
        // Anything else (no schema for the topic, registry unreachable) is the deployment's to fix: the relay waits.
        if (!isUnencodablePayload(error)) {
          throw new Error(`outbox event ${row.eventId} (topic ${row.topic}) cannot be encoded: ${(error as Error).message}`, { cause: error });
        }
        quarantined.push({ eventId: row.eventId, topic: row.topic, reason: `payload does not match the topic's schema: ${(error as Error).message}` });
      }
    }

    const refused = new Set<string>();
    try {
      if (encoded.length > 0) await send(producer, encoded);
    } catch (error) {
      if (!kafkaRefusalOf(error)) throw error;
      // The batch as a whole was refused: one row at a time tells which rows Kafka will never take.
      for (const item of encoded) {
        try {
          await send(producer, [item]);
        } catch (rowError) {
          const refusal = kafkaRefusalOf(rowError);
          if (!refusal) throw rowError;
          refused.add(item.row.eventId);
          if (item.span) endSpan(item.span, rowError);
          const bytes = item.message.value?.length ?? 0;
          quarantined.push({ eventId: item.row.eventId, topic: item.row.topic, reason: `Kafka refused it: ${refusal} (${bytes} bytes encoded, before compression)` });
        }
      }
    }

    const published = encoded.filter(({ row }) => !refused.has(row.eventId));
    if (published.length > 0) await tx.update(outbox).set({ publishedAt: sql`now()` }).where(inArray(outbox.id, published.map(({ row }) => row.id)));
    for (const { eventId, reason } of quarantined) {
      await tx.update(outbox).set({ quarantinedAt: sql`now()`, quarantineReason: reason }).where(eq(outbox.eventId, eventId));
    }
    for (const { span } of published) span?.end();
    return { claimed: rows.length, published: published.length, quarantined };
  }
}

function endSpan(span: Span, error: unknown): void {
  failSpan(span, error);
  span.end();
}
