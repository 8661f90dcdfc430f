import type { Admin } from 'kafkajs';

/** Where a consumer puts the messages of `topic` it cannot process. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Creates each topic and its dead-letter topic when missing (broker auto-creation is off,
 * so a typo fails loudly instead of silently creating a stray topic). Existing topics are
 * left as they are: partitions are never changed behind the operator's back.
 */
export async function ensureTopics(
  admin: Admin,
  topics: readonly string[],
  options: { partitions: number; replicationFactor: number },
): Promise<void> {
  const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  // Returns false instead of throwing when a concurrent start-up created them first.
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: options.partitions,
      replicationFactor: options.replicationFactor,
    })),
  });
}
