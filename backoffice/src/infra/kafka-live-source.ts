import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { createAvroCodec, createSchemaRegistry, ensureTopics, type Logger } from '@boissipay/runtime';
import type { LiveFeed } from '../app/live-feed';
import { liveTopics } from './live-topics';

export interface LiveSource {
  /** Resolves once the feed holds everything Kafka had when the source started. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads the live topics into the feed. No committed offsets: at each start it seeks every
 * partition back `bufferSize` messages and reads them again, so a client's Last-Event-ID from
 * before a restart still finds what followed it. The group id is new at each start (and commits
 * nothing, so Kafka forgets it) because every instance must see every message.
 */
export async function startLiveSource(options: {
  kafka: Kafka;
  admin: Admin;
  registryUrl: string;
  topicPrefix: string;
  feed: LiveFeed;
  bufferSize: number;
  partitions: number;
  replicationFactor: number;
  logger: Logger;
}): Promise<LiveSource> {
  const { kafka, admin, feed, logger, topicPrefix } = options;
  const kafkaTopics = liveTopics.map(({ topic }) => `${topicPrefix}${topic}`);
  // The back office may start before the services that create these topics.
  await ensureTopics(admin, kafkaTopics, { partitions: options.partitions, replicationFactor: options.replicationFactor });
  const codec = createAvroCodec(createSchemaRegistry(options.registryUrl), {
    consumes: liveTopics.map(({ topic, schema }) => ({ topic: `${topicPrefix}${topic}`, schema })),
  });

  const starts = new Map<string, { partition: number; offset: string; high: bigint }[]>();
  for (const topic of kafkaTopics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    starts.set(
      topic,
      offsets.map(({ partition, low, high }) => {
        const from = BigInt(high) - BigInt(options.bufferSize);
        return { partition, offset: String(from > BigInt(low) ? from : BigInt(low)), high: BigInt(high) };
      }),
    );
  }
  const pending = new Map([...starts].flatMap(([topic, partitions]) => partitions.filter(({ high, offset }) => high > BigInt(offset)).map(({ partition, high }) => [`${topic}#${partition}` as string, high - 1n] as const)));
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });
  if (pending.size === 0) markCaughtUp();

  const consumer: Consumer = kafka.consumer({ groupId: `${topicPrefix}backoffice.live.${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: kafkaTopics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const logical = topic.slice(topicPrefix.length);
      const offset = BigInt(message.offset);
      try {
        if (message.value) feed.append({ topic: logical, partition, offset, event: (await codec.decode(message.value, topic)) as Record<string, unknown> });
      } catch (error) {
        // An undecodable message is the consumers' DLQ business; the live feed shows what it can.
        logger.warn({ err: error, topic, partition, offset: message.offset }, 'live feed skipped a message it cannot decode');
      }
      const key = `${topic}#${partition}`;
      const last = pending.get(key);
      if (last !== undefined && offset >= last) {
        pending.delete(key);
        if (pending.size === 0) markCaughtUp();
      }
    },
  });
  for (const [topic, partitions] of starts) for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });

  return {
    caughtUp,
    stop: async () => {
      await consumer.disconnect();
    },
  };
}
