import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { createDatabase } from '../../db/database';
import type { Logger } from '../../logging';
import { startDueWorker, type DueWorker, type DueWorkerOptions } from '../../work/due-worker';
import type { AvroCodec } from '../avro-codec';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { publishPendingBatch, unprefixedTopics, type TopicNaming } from './publish-pending-batch';

export interface OutboxRelayOptions {
  pool: Pool;
  /** Connected, from `createIdempotentProducer`; the caller connects and disconnects it. */
  producer: Producer;
  codec: AvroCodec;
  logger: Logger;
  /** Safety net only: a committed row wakes the relay at once through LISTEN/NOTIFY. */
  pollIntervalMs: number;
  batchSize?: number;
  /** Pause before trying again after failed publishes (Kafka or database unavailable). */
  failureBackoff?: DueWorkerOptions['failureBackoff'];
  /** Kafka topic of an outbox row's logical topic (KAFKA_TOPIC_PREFIX); unchanged by default. */
  topicOf?: TopicNaming;
}

/** Stops listening and polling, then waits for the publish in progress to finish. */
export type OutboxRelay = DueWorker;

/**
 * Publishes committed outbox rows to Kafka. Delivery is at-least-once, whatever the crash point:
 * - crash after the business transaction commits, before any publish: the row is still
 *   pending and the relay publishes it when it starts again (it always runs once at start);
 * - crash (or lost connection) after Kafka acknowledged but before the marking commits: the
 *   transaction rolls back, the row is pending again and is published a second time. The
 *   idempotent producer cannot help across restarts, so the copy reaches consumers, who
 *   drop it by its eventId (that is why every event carries one);
 * - crash during the send: same as above, or nothing was written; either way the row stays.
 * A row is only marked after Kafka acknowledged it to all in-sync replicas, so none is lost.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<OutboxRelay> {
  const { pool, producer, codec, logger, pollIntervalMs, failureBackoff, batchSize = 100, topicOf = unprefixedTopics } = options;
  const db = createDatabase(pool);
  // No lease here, unlike the debit and delivery workers: the batch stays locked while Kafka
  // acknowledges it (milliseconds), because one relay at a time is what keeps each key's order.
  return startDueWorker({
    name: 'outbox-relay',
    pool,
    channel: OUTBOX_CHANNEL,
    logger,
    pollIntervalMs,
    ...(failureBackoff ? { failureBackoff } : {}),
    round: async () => {
      const { claimed, published, quarantined } = await publishPendingBatch(db, producer, codec, batchSize, topicOf);
      if (published > 0) logger.debug({ published }, 'outbox events published');
      for (const event of quarantined) {
        logger.error({ ...event }, 'outbox event quarantined: Kafka will never accept it as it is; the events behind it are published (docs/deployment.md, "Quarantined events")');
      }
      return claimed === batchSize;
    },
  });
}
