import type { Admin, Kafka } from 'kafkajs';
import {
  deadLetterTopicOf,
  describeMessage,
  describeTopics,
  readOffsets,
  readTopic,
  redriveDeadLetters,
  redriveLogTopicOf,
  type AvroCodec,
  type ReadMessage,
  type TopicOverview,
} from '@boissipay/runtime';
import { pageOf, rangesOfPage, type Cursor } from '../domain/topic-page';

export interface MessagePage {
  partitions: Array<{ partition: number; low: string; high: string }>;
  messages: ReadMessage[];
  /** The cursor of the older page, when Kafka still holds older messages. */
  older?: string;
}

export interface Redrive {
  by: string;
  at: string;
  reason?: string;
}

/**
 * The topic browser's reads and its one write, on the runtime's Kafka tools (those of
 * `npm run topics` and `npm run dlq`): the platform's topics only (KAFKA_TOPIC_PREFIX), read with
 * throwaway groups that commit nothing, values decoded with the writer schema each names.
 */
export function topicBrowser(options: { kafka: Kafka; admin: Admin; codec: AvroCodec; topicPrefix: string }) {
  const { kafka, admin, codec, topicPrefix } = options;

  const exists = async (topic: string) => topic.startsWith(topicPrefix) && !topic.startsWith('__') && (await admin.listTopics()).includes(topic);

  async function page(topic: string, cursor: Cursor, pageSize: number): Promise<MessagePage> {
    const partitions = (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high })).sort((a, b) => a.partition - b.partition);
    const ranges = rangesOfPage(partitions, cursor, pageSize);
    const read = (await readOffsets(kafka, admin, topic, ranges)).map(({ partition, message }) => ({ partition, offset: BigInt(message.offset), timestamp: Number(message.timestamp), message }));
    const kept = pageOf(read, partitions, ranges, pageSize);
    return { partitions, messages: await Promise.all(kept.messages.map(({ partition, message }) => describeMessage(codec, partition, message))), older: kept.older };
  }

  return {
    exists,
    /** The platform's topics with their partitions, sizes and the lag of the platform's consumer groups. */
    overview: (): Promise<TopicOverview[]> => describeTopics(admin, { prefix: topicPrefix, groupPrefix: topicPrefix }),
    page,
    /** The dead letters of `topic` (those of `<topic>.dlq`), and which were redriven, by whom and when (`<topic>.dlq.redriven`). */
    async deadLetters(topic: string, cursor: Cursor, pageSize: number): Promise<MessagePage & { redriven: Map<string, Redrive> }> {
      const dlq = deadLetterTopicOf(topic);
      const log = redriveLogTopicOf(topic);
      const topics = await admin.listTopics();
      const [letters, records] = await Promise.all([
        topics.includes(dlq) ? page(dlq, cursor, pageSize) : Promise.resolve<MessagePage>({ partitions: [], messages: [] }),
        topics.includes(log) ? readTopic(kafka, admin, log, { fromBeginning: true, limit: Number.MAX_SAFE_INTEGER }) : Promise.resolve([]),
      ]);
      const redriven = new Map<string, Redrive>();
      for (const { message } of records) {
        const record = JSON.parse(message.value?.toString() ?? '{}') as { by?: string; redrivenAt?: string; reason?: string };
        redriven.set(message.key?.toString() ?? '', { by: record.by ?? '?', at: record.redrivenAt ?? '', reason: record.reason });
      }
      return { ...letters, redriven };
    },
    /** Sends one dead letter (`partition:offset`) back to its topic; recorded with who and why, never sent twice. */
    redrive: (topic: string, deadLetter: string, by: string, reason: string) => redriveDeadLetters(kafka, admin, topic, { only: [deadLetter], by, reason }),
  };
}

export type TopicBrowser = ReturnType<typeof topicBrowser>;
