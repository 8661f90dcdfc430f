import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { ALL_REPLICAS, createIdempotentProducer } from '../kafka-client';
import { deadLetterTopicOf } from '../topics';
import { headersOf, readTopic } from './read-topic';

/** Where redrives of `<topic>.dlq` are recorded, one record per dead letter (keyed partition:offset, compacted). */
export const redriveLogTopicOf = (topic: string) => `${deadLetterTopicOf(topic)}.redriven`;

export interface RedriveResult {
  redriven: Array<{ deadLetter: string; eventKey: string | null; toOffset: string }>;
  /** Dead letters a previous redrive already sent back. */
  alreadyRedriven: string[];
}

const ERROR_HEADERS = /^x-(error|original|consumer-group)/;

/**
 * Sends the dead letters of `topic` back to it, with their key and original headers (the
 * x-error-* and x-original-* ones dropped, `x-redriven-from` added), so the consumer tries them
 * again once whatever failed is fixed; it applies each event once, by its eventId. Each
 * redrive is recorded in `<topic>.dlq.redriven` before the next one, and a dead letter recorded
 * there is never sent again: running the same redrive twice sends nothing the second time.
 * `only` limits it to dead letters by `partition:offset` (as `dlq show` prints them); `by` and
 * `reason` are recorded with each redrive, the trail of who sent what back and why.
 */
export async function redriveDeadLetters(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  options: { only?: readonly string[]; by?: string; reason?: string } = {},
): Promise<RedriveResult> {
  const dlq = deadLetterTopicOf(topic);
  const log = redriveLogTopicOf(topic);
  if (!(await admin.listTopics()).includes(log)) {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: log, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
  }
  const done = new Set((await readTopic(kafka, admin, log, { fromBeginning: true, limit: Number.MAX_SAFE_INTEGER })).map(({ message }) => message.key?.toString() ?? ''));
  const letters = await readTopic(kafka, admin, dlq, { fromBeginning: true, limit: Number.MAX_SAFE_INTEGER });
  const idOf = (partition: number, message: KafkaMessage) => `${partition}:${message.offset}`;
  const wanted = letters.filter(({ partition, message }) => !options.only || options.only.includes(idOf(partition, message)));

  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const result: RedriveResult = { redriven: [], alreadyRedriven: [] };
  try {
    for (const { partition, message } of wanted) {
      const id = idOf(partition, message);
      if (done.has(id)) {
        result.alreadyRedriven.push(id);
        continue;
      }
      const headers = Object.fromEntries(Object.entries(headersOf(message.headers)).filter(([name]) => !ERROR_HEADERS.test(name)));
      const [sent] = await producer.send({
        topic,
        acks: ALL_REPLICAS,
        messages: [{ key: message.key, value: message.value, headers: { ...headers, 'x-redriven-from': `${dlq}:${id}` } }],
      });
      const toOffset = sent?.baseOffset ?? '?';
      await producer.send({
        topic: log,
        acks: ALL_REPLICAS,
        messages: [{ key: id, value: JSON.stringify({ redrivenAt: new Date().toISOString(), by: options.by ?? 'unknown', ...(options.reason ? { reason: options.reason } : {}), topic, partition: sent?.partition, offset: toOffset }) }],
      });
      result.redriven.push({ deadLetter: id, eventKey: message.key?.toString() ?? null, toOffset });
    }
  } finally {
    await producer.disconnect();
  }
  return result;
}
