import type { Admin } from 'kafkajs';

/** Where a consumer puts the messages of `topic` it cannot process. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

const SERVED_TIMEOUT_MS = 30_000;
const SERVED_POLL_MS = 100;

/**
 * Creates each topic and its dead-letter topic when missing (broker auto-creation is off,
 * so a typo fails loudly instead of silently creating a stray topic), and returns once the
 * broker serves every one of them. Existing topics are left as they are: partitions are never
 * changed behind the operator's back.
 */
export async function ensureTopics(
  admin: Admin,
  topics: readonly string[],
  options: { partitions: number; replicationFactor: number },
): Promise<void> {
  const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
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
  // createTopics waits only for the topics it created, and only until the metadata names a leader: a topic
  // another process created a moment before may not be served yet (NOT_LEADER_FOR_PARTITION on any request).
  await waitUntilServed(admin, wanted);
}

/** Until the broker answers a request for the offsets of every partition of each topic: then producers, consumers and admins can use them. */
async function waitUntilServed(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + SERVED_TIMEOUT_MS;
  for (const topic of topics) {
    for (;;) {
      const served = await admin.fetchTopicOffsets(topic).then(
        () => true,
        (error: unknown) => {
          if ((error as { retriable?: boolean }).retriable && Date.now() < deadline) return false;
          throw error;
        },
      );
      if (served) break;
      await new Promise((resolve) => setTimeout(resolve, SERVED_POLL_MS));
    }
  }
}
