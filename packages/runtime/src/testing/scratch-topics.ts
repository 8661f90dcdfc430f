import { createKafka } from '../kafka';
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
