import type { Admin } from 'kafkajs';

export interface TopicOverview {
  topic: string;
  partitions: Array<{ partition: number; low: string; high: string }>;
  /** Messages retained now: high - low over the partitions. */
  messages: bigint;
  groups: Array<{ groupId: string; lag: bigint }>;
}

/**
 * Every topic (Kafka's own internal ones left out) with its partitions and end offsets, and
 * each consumer group reading it with its lag: end offset minus committed offset, summed
 * over the partitions (a partition the group never committed counts from its first message).
 * `groupPrefix` leaves out the groups not named with it (those of other platforms on the broker).
 */
export async function describeTopics(admin: Admin, options: { prefix?: string; groupPrefix?: string } = {}): Promise<TopicOverview[]> {
  const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__') && topic.startsWith(options.prefix ?? '')).sort();
  const groups = (await admin.listGroups()).groups.map(({ groupId }) => groupId).filter((groupId) => groupId.startsWith(options.groupPrefix ?? ''));
  const overviews: TopicOverview[] = [];
  for (const topic of topics) {
    const partitions = (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high }));
    overviews.push({ topic, partitions, messages: partitions.reduce((sum, { low, high }) => sum + BigInt(high) - BigInt(low), 0n), groups: [] });
  }
  for (const groupId of groups) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      const overview = overviews.find((candidate) => candidate.topic === topic);
      if (!overview) continue;
      const lag = partitions.reduce((sum, { partition, offset }) => {
        const range = overview.partitions.find((candidate) => candidate.partition === partition);
        if (!range) return sum;
        const committed = offset === '-1' ? BigInt(range.low) : BigInt(offset);
        return sum + (BigInt(range.high) > committed ? BigInt(range.high) - committed : 0n);
      }, 0n);
      overview.groups.push({ groupId, lag });
    }
  }
  return overviews;
}
