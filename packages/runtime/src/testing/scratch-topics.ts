import { createKafka, ensureTopics } from '../kafka';
import { createLogger } from '../logging';

/**
 * Deletes the topics named with `topicPrefix` (a test's or a benchmark's own
 * KAFKA_TOPIC_PREFIX), so runs do not pile them up in a shared local Kafka.
 */
export async function deleteTopicsWithPrefix(brokers: readonly string[], topicPrefix: string): Promise<void> {
  if (topicPrefix.length === 0) throw new Error('refusing to delete every topic: no prefix given');
  const admin = createKafka({ brokers: [...brokers], clientId: 'scratch-topics', logger: createLogger({ service: 'scratch-topics', level: 'silent' }) }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates `topics` if the service under test has not yet, and commits a new consumer group's
 * offsets at the current end of `topic`: the group then reads what is produced from now on,
 * from the first message, whenever it joins.
 */
export async function startGroupAtEndOf(
  brokers: readonly string[],
  { groupId, topic, topics = [topic], topicOptions }: { groupId: string; topic: string; topics?: readonly string[]; topicOptions: { partitions: number; replicationFactor: number } },
): Promise<void> {
  const admin = createKafka({ brokers: [...brokers], clientId: 'scratch-topics', logger: createLogger({ service: 'scratch-topics', level: 'silent' }) }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, topics, topicOptions);
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
}
