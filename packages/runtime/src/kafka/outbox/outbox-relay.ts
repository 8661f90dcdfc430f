import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { createDatabase } from '../../db/database';
import { listenForNotifications } from '../../db/notification-listener';
import type { Logger } from '../../logging';
import type { AvroCodec } from '../avro-codec';
import { createCoalescingRunner } from './coalescing-runner';
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
  /** Pause before trying again after a failed publish (Kafka or database unavailable). */
  retryDelayMs?: number;
  /** Kafka topic of an outbox row's logical topic (KAFKA_TOPIC_PREFIX); unchanged by default. */
  topicOf?: TopicNaming;
}

export interface OutboxRelay {
  /** Stops listening and polling, then waits for the publish in progress to finish. */
  stop(): Promise<void>;
}

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
  const { pool, producer, codec, pollIntervalMs, batchSize = 100, retryDelayMs = 1_000, topicOf = unprefixedTopics } = options;
  const logger = options.logger.child({ component: 'outbox-relay' });
  const db = createDatabase(pool);

  const runner = createCoalescingRunner(
    async () => {
      let published: number;
      do {
        published = await publishPendingBatch(db, producer, codec, batchSize, topicOf);
        if (published > 0) logger.debug({ published }, 'outbox events published');
      } while (published === batchSize);
    },
    { retryDelayMs, onError: (error) => logger.error({ err: error }, 'outbox publish failed; will retry') },
  );

  // Listening before the first run: a row committed in between is caught by one or the other.
  const listener = await listenForNotifications(pool, OUTBOX_CHANNEL, runner.trigger, logger);
  const poll = setInterval(runner.trigger, pollIntervalMs);
  runner.trigger();

  return {
    async stop() {
      clearInterval(poll);
      await listener.close();
      await runner.stop();
    },
  };
}
