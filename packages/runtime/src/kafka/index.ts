export { createAvroCodec, decodeBound, UndecodableMessageError, type AvroCodec } from './avro-codec';
export {
  startIdempotentConsumer,
  type ConsumedOutcome,
  type EventHandler,
  type IdempotentConsumer,
  type IdempotentConsumerOptions,
  type MessageContext,
} from './consumer/idempotent-consumer';
export { createIdempotentProducer, createKafka, kafkaSecurityOf, type KafkaSecurity } from './kafka-client';
export { enqueueEvent, enqueueEvents, outboxRowOf, type OutboxWriter, type OutgoingEvent } from './outbox/enqueue-event';
export { OUTBOX_CHANNEL } from './outbox/outbox-channel';
export { transactionalOutbox, type Outbox } from './outbox/outbox';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export type { PublishedBatch, QuarantinedEvent } from './outbox/publish-pending-batch';
export {
  createSchemaRegistry,
  registerSchemas,
  SchemaRegistrationError,
  subjectOf,
  type AvroRecordSchema,
  type EventTopic,
  type RegisteredSchema,
  type SchemaRegistryClient,
  type TopicSchema,
} from './schema-registry';
export { deadLetterTopicOf, ensureTopics } from './topics';
export * from './tools';
