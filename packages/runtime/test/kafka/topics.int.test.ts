import { createKafka, ensureTopics } from '../../src/kafka';
import { testEnvironment, testLogger, uniqueName } from '../support/test-environment';

describe('ensureTopics', () => {
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'topics-test', logger: testLogger });

  it('when several processes ensure the same new topic at once, then each can read its offsets as soon as its call returns', async () => {
    const admins = Array.from({ length: 4 }, () => kafka.admin());
    await Promise.all(admins.map((admin) => admin.connect()));
    const created: string[] = [];
    try {
      for (let round = 0; round < 10; round += 1) {
        const topic = uniqueName('topics-test');
        created.push(topic);
        const offsets = await Promise.all(
          admins.map(async (admin) => {
            await ensureTopics(admin, [topic], { partitions: 1, replicationFactor: 1 });
            return admin.fetchTopicOffsets(topic);
          }),
        );
        for (const found of offsets) expect(found).toEqual([expect.objectContaining({ partition: 0, offset: '0' })]);
      }
    } finally {
      await admins[0]?.deleteTopics({ topics: created.flatMap((topic) => [topic, `${topic}.dlq`]) }).catch(() => undefined);
      await Promise.all(admins.map((admin) => admin.disconnect()));
    }
  });
});
