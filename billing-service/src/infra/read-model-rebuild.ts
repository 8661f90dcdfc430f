import { sql } from 'drizzle-orm';
import type { Kafka } from 'kafkajs';
import { contractLifecycleV1Event } from '@boissipay/contracts';
import { decodeBound, UndecodableMessageError, type AvroCodec, type Logger } from '@boissipay/runtime';
import { projectContractEvent } from './contract-projection';
import type { BillingDatabase } from './database';

export interface RebuildOptions {
  db: BillingDatabase;
  kafka: Kafka;
  codec: AvroCodec;
  logger: Logger;
  /** A group that has never consumed: it reads the topic from its first retained message. */
  groupId: string;
  /** The topic as named on Kafka (with KAFKA_TOPIC_PREFIX); the codec decodes it under that name. */
  topic: string;
  /**
   * Rebuild even though the topic no longer starts at its first event (retention deleted
   * some): contracts whose events are all gone disappear from the read model.
   */
  allowMissingHistory?: boolean;
}

/** The topic lost its first events: a rebuild from it would drop contracts. Nothing was changed. */
export class IncompleteHistoryError extends Error {
  constructor(topic: string, firstOffsets: ReadonlyArray<{ partition: number; low: string }>) {
    super(
      `${topic} no longer holds its first events (first retained offset ${firstOffsets.map(({ partition, low }) => `${low} on partition ${partition}`).join(', ')}): ` +
        'a rebuild would lose every contract whose events were deleted, so the read model was left as it is. ' +
        'Keep that topic compacted or without retention (docs/deployment.md); --allow-missing-history rebuilds from what is left.',
    );
    this.name = 'IncompleteHistoryError';
  }
}

/**
 * Rebuilds the contracts read model from contract.lifecycle.v1 alone: truncate, then replay
 * every message up to the end offsets seen at the start, in ONE transaction. Readers (the
 * decisions, the live consumer) wait on the table lock for the few seconds it takes instead
 * of seeing an empty or half-filled table, and a failure leaves the old model in place.
 * Balances are billing's own books, not a projection: they are left alone.
 */
export async function rebuildContractReadModel(options: RebuildOptions): Promise<{ events: number; skipped: number }> {
  const { db, kafka, codec, logger, groupId, topic } = options;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    // Compaction keeps offsets from 0 (it removes older events of a contract, never its latest); only retention moves the start.
    const truncated = offsets.filter(({ low }) => BigInt(low) > 0n);
    if (truncated.length > 0 && !options.allowMissingHistory) throw new IncompleteHistoryError(topic, truncated);
    const ends = new Map<number, bigint>();
    for (const { partition, high, low } of offsets) {
      if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
    }
    const counts = { events: 0, skipped: 0 };
    await db.transaction(async (tx) => {
      await tx.execute(sql`truncate table contracts`);
      if (ends.size === 0) return;
      const consumer = kafka.consumer({ groupId });
      await consumer.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
          consumer
            .subscribe({ topics: [topic], fromBeginning: true })
            .then(() =>
              consumer.run({
                eachMessage: async ({ partition, message }) => {
                  const end = ends.get(partition);
                  if (end === undefined || BigInt(message.offset) >= end) return;
                  const event = await decodeOrSkip(codec, topic, message.value, logger);
                  if (event) {
                    await projectContractEvent(tx, event);
                    counts.events += 1;
                  } else counts.skipped += 1;
                  if (BigInt(message.offset) + 1n >= end) ends.delete(partition);
                  if (ends.size === 0) resolve();
                },
              }),
            )
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
    });
    await admin.deleteGroups([groupId]).catch((error: unknown) => logger.warn({ err: error, groupId }, 'could not delete the rebuild consumer group'));
    return counts;
  } finally {
    await admin.disconnect();
  }
}

/** The live consumer sends undecodable messages to the DLQ; a rebuild can only step over them. */
async function decodeOrSkip(codec: AvroCodec, topic: string, value: Buffer | null, logger: Logger) {
  if (value === null) return undefined;
  try {
    return await decodeBound(codec, value, topic, contractLifecycleV1Event.eventTopic);
  } catch (error) {
    if (!(error instanceof UndecodableMessageError)) throw error;
    logger.warn({ err: error, topic }, 'undecodable message skipped by the rebuild');
    return undefined;
  }
}
