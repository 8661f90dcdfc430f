import type { Kafka } from 'kafkajs';
import { readHeaders } from '../../src/kafka/consumer/message-headers';
import { fastConsumerConfig, uniqueName } from './test-environment';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** The decoded value, when the collector was given a decoder. */
  event?: unknown;
}

export interface MessageCollector {
  messages: CollectedMessage[];
  stop(): Promise<void>;
}

/** Records everything published on `topics` so a test can assert on what really reached Kafka. */
export async function startMessageCollector(
  kafka: Kafka,
  topics: string[],
  decode?: (value: Buffer) => Promise<unknown>,
): Promise<MessageCollector> {
  const messages: CollectedMessage[] = [];
  const consumer = kafka.consumer({ ...fastConsumerConfig, groupId: uniqueName('collector') });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      messages.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: readHeaders(message.headers),
        event: decode && message.value ? await decode(message.value) : undefined,
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
