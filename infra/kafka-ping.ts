import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

/** Created explicitly because the broker does not auto-create topics. */
export const PING_TOPIC = '__boissipay_infra_ping';

const CONSUME_TIMEOUT_MS = 15_000;

/**
 * Readiness means a client can really produce and consume, not merely that the port is open:
 * right after start-up the broker accepts connections before partitions have leaders.
 * Every failure is thrown fast (no client retries) so the caller's polling decides how long to wait.
 */
export async function kafkaRoundTrip(brokers: string[]): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'boissipay-infra-ping',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  });

  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      // Ping messages are worthless after the check: keep them for an hour only.
      topics: [{ topic: PING_TOPIC, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
    });
  } finally {
    await admin.disconnect();
  }

  const token = randomUUID();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  let offset: string;
  try {
    const [record] = await producer.send({ topic: PING_TOPIC, acks: -1, messages: [{ value: token }] });
    if (record?.baseOffset === undefined) return false;
    offset = record.baseOffset;
  } finally {
    await producer.disconnect();
  }

  // A fresh group without commits leaves no trace on the broker once it disconnects.
  // A short fetch wait because disconnect() waits for the pending long-poll fetch to return.
  const consumer = kafka.consumer({ groupId: `boissipay-infra-ping-${token}`, retry: { retries: 0 }, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: PING_TOPIC, fromBeginning: true });
    return await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('ping message not consumed in time')), CONSUME_TIMEOUT_MS);
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(timer);
        reject(event.payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            if (message.value?.toString('utf8') === token) {
              clearTimeout(timer);
              resolve(true);
            }
          },
        })
        .then(() => consumer.seek({ topic: PING_TOPIC, partition: 0, offset }))
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
}
