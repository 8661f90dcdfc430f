import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { Database } from '../../db/database';
import { outbox, type OutboxRow } from '../../db/outbox.table';
import type { AvroCodec } from '../avro-codec';
import { ALL_REPLICAS } from '../kafka-client';

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

async function toTopicMessages(rows: readonly OutboxRow[], codec: AvroCodec, topicOf: TopicNaming): Promise<TopicMessages[]> {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const topic = topicOf(row.topic);
    let value: Buffer;
    try {
      value = await codec.encode(topic, row.payload);
    } catch (error) {
      // Publishing past this row would reorder its key, so the relay stops here until it is fixed.
      throw new Error(`outbox event ${row.eventId} (topic ${row.topic}) cannot be encoded: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // Rows come in id order and a Map keeps insertion order: each topic's messages stay in order.
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key: row.messageKey, value, headers: row.headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Publishes the oldest pending rows and marks them, all in one transaction that holds the
 * rows locked until Kafka has acknowledged them. Returns how many rows it published.
 */
export async function publishPendingBatch(
  db: Database,
  producer: Producer,
  codec: AvroCodec,
  batchSize: number,
  topicOf: TopicNaming = unprefixedTopics,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${RELAY_LOCK}))`);
    const rows = await tx
      .select()
      .from(outbox)
      .where(isNull(outbox.publishedAt))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;

    await producer.sendBatch({ topicMessages: await toTopicMessages(rows, codec, topicOf), acks: ALL_REPLICAS });
    await tx
      .update(outbox)
      .set({ publishedAt: sql`now()` })
      .where(
        inArray(
          outbox.id,
          rows.map((row) => row.id),
        ),
      );
    return rows.length;
  });
}
