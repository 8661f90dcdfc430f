import type { EventTopic } from '../schema-registry';
import { enqueueEvent, type OutboxWriter } from './enqueue-event';

/** Queues events in the caller's transaction, each type-checked against the topic it is bound to. */
export interface Outbox {
  enqueue<TEvent extends { eventId: string }>(
    tx: OutboxWriter,
    topic: EventTopic<TEvent>,
    message: { key: string; event: TEvent; headers?: Record<string, string> },
  ): Promise<void>;
}

export const transactionalOutbox: Outbox = {
  enqueue: (tx, topic, message) => enqueueEvent(tx, { topic: topic.topic, ...message }),
};
