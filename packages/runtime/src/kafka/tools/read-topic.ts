import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { AvroCodec } from '../avro-codec';

export interface ReadOptions {
  /** From each partition's first retained message; otherwise the last `limit` messages. */
  fromBeginning?: boolean;
  /** At most this many messages (the last ones unless fromBeginning). */
  limit?: number;
  /** Only messages with this key. */
  key?: string;
}

export interface ReadMessage {
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  headers: Record<string, string>;
  /** The Avro value decoded with the writer schema its id names, or the raw bytes when it cannot be. */
  value: unknown;
  undecodable?: string;
}

const idleTimeoutMs = 10_000;

/** Offsets to read on one partition: from `from` (inclusive) up to `to` (exclusive). */
export interface OffsetRange {
  partition: number;
  from: bigint;
  to: bigint;
}

/**
 * Reads what a topic holds now, without joining any service's consumer group: a throwaway
 * group (deleted afterwards) is positioned at the wanted offsets, and reading stops at the
 * end offsets seen when it began.
 */
export async function readTopic(kafka: Kafka, admin: Admin, topic: string, options: ReadOptions = {}): Promise<Array<{ partition: number; message: KafkaMessage }>> {
  const limit = options.limit ?? 20;
  if (!(await admin.listTopics()).includes(topic)) throw new Error(`There is no topic ${topic}.`);
  const offsets = await admin.fetchTopicOffsets(topic);
  const ranges = offsets.map(({ partition, low, high }) => ({ partition, from: BigInt(options.fromBeginning ? low : maxOf(low, String(BigInt(high) - BigInt(limit)))), to: BigInt(high) }));
  const read = await readOffsets(kafka, admin, topic, ranges, { key: options.key });
  return options.fromBeginning ? read.slice(0, limit) : read.slice(-limit);
}

/**
 * Reads the given offset ranges of a topic (ranges with nothing in them are skipped) with a
 * throwaway group, deleted afterwards; sorted by partition, then offset.
 */
export async function readOffsets(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  wanted: readonly OffsetRange[],
  options: { key?: string } = {},
): Promise<Array<{ partition: number; message: KafkaMessage }>> {
  const ranges = wanted.filter(({ from, to }) => from < to);
  if (ranges.length === 0) return [];

  const groupId = `boissipay-topic-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const read: Array<{ partition: number; message: KafkaMessage }> = [];
  const remaining = new Set(ranges.map(({ partition }) => partition));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Promise<void>((resolve, reject) => {
      const idle = setTimeout(() => reject(new Error(`nothing more read from ${topic} within ${idleTimeoutMs} ms`)), idleTimeoutMs);
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const range = ranges.find((candidate) => candidate.partition === partition);
            // Before the seek lands, the group may start at the beginning: what lies outside the range is skipped.
            if (!range || BigInt(message.offset) < range.from || BigInt(message.offset) >= range.to) return;
            if (options.key === undefined || message.key?.toString() === options.key) read.push({ partition, message });
            if (BigInt(message.offset) + 1n >= range.to) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(idle);
              resolve();
            }
          },
        })
        .then(() => {
          for (const { partition, from } of ranges) consumer.seek({ topic, partition, offset: from.toString() });
        }, reject);
    });
    await done;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return read.sort((a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)));
}

/** A message as people read it: key, headers and value as text, the value decoded from Avro. */
export async function describeMessage(codec: AvroCodec, partition: number, message: KafkaMessage): Promise<ReadMessage> {
  const described: ReadMessage = {
    partition,
    offset: message.offset,
    timestamp: new Date(Number(message.timestamp)).toISOString(),
    key: message.key?.toString() ?? null,
    headers: headersOf(message.headers),
    value: null,
  };
  if (message.value === null) return described;
  try {
    described.value = await codec.decode(message.value);
  } catch (error) {
    described.value = message.value.toString('base64');
    described.undecodable = error instanceof Error ? error.message : String(error);
  }
  return described;
}

export function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map(String).join(',') : String(value ?? '')]));
}

function maxOf(a: string, b: string): string {
  return BigInt(a) > BigInt(b) ? a : b;
}
