import type { KafkaMessage, Producer } from 'kafkajs';
import { ALL_REPLICAS } from '../kafka-client';
import { deadLetterTopicOf } from '../topics';
import { describeError } from './error-description';
import type { PoisonMessage } from './poison-message';

/**
 * Copies the message to `<topic>.dlq` byte for byte (key, value, original headers) so it can
 * be inspected or replayed, with why and where it failed in extra headers. Several consumer
 * groups may read one topic, hence the group in the headers. The error is described by its code
 * and message only: SQL text and query parameters never reach a topic.
 */
export async function sendToDeadLetter(
  producer: Producer,
  failed: { topic: string; partition: number; message: KafkaMessage; consumerGroup: string; poison: PoisonMessage },
): Promise<void> {
  const { topic, partition, message, consumerGroup, poison } = failed;
  const error = describeError(poison.error);
  await producer.send({
    topic: deadLetterTopicOf(topic),
    acks: ALL_REPLICAS,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          'x-error-type': poison.reason,
          ...(error.code ? { 'x-error-code': error.code } : {}),
          'x-error-message': error.message,
          'x-original-topic': topic,
          'x-original-partition': String(partition),
          'x-original-offset': message.offset,
          'x-consumer-group': consumerGroup,
        },
      },
    ],
  });
}
