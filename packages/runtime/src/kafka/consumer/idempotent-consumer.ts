import type { ConsumerConfig, EachMessagePayload, Kafka } from 'kafkajs';
import type { Database, Transaction } from '../../db/database';
import { CORRELATION_HEADER, runWithCorrelationId, type Logger } from '../../logging';
import type { AvroCodec } from '../avro-codec';
import { createIdempotentProducer } from '../kafka-client';
import { SpanKind, type Attributes } from '@opentelemetry/api';
import { failSpan, inSpan, untraced } from '../../tracing/trace-context';
import { applyOnce } from './apply-once';
import { parentOfMessage } from './consumer-span';
import { sendToDeadLetter } from './dead-letter';
import { decodeEvent } from './decode-event';
import { isInfrastructureFailure } from '../../db/infrastructure-failure';
import { readHeaders } from './message-headers';
import { heartbeat as startHeartbeat } from '../../work/heartbeat';
import type { WorkerStatus } from '../../work/worker-status';
import { poison, type PoisonMessage } from './poison-message';
import { retryScheduleOf } from '../../work/retry-policy';
import { retryWithBackoff } from '../../work/retry-with-backoff';

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

export type EventHandler<TEvent, TSchema extends Record<string, unknown>> = (
  event: TEvent,
  tx: Transaction<TSchema>,
  context: MessageContext,
) => Promise<void>;

export interface IdempotentConsumerOptions<TEvent, TSchema extends Record<string, unknown>> {
  kafka: Kafka;
  db: Database<TSchema>;
  groupId: string;
  topics: string[];
  codec: AvroCodec;
  logger: Logger;
  /** Runs in the transaction that records the eventId: write the effect through `tx`. */
  handler: EventHandler<TEvent, TSchema>;
  /** Attempts before a failing message goes to the DLQ. */
  maxAttempts?: number;
  /** Longest first pause between attempts, doubled each time (with jitter, see retryDelayMs). */
  retryBackoffMs?: number;
  /** A new group starts from the oldest retained message, so no event published before it existed is missed. */
  fromBeginning?: boolean;
  consumerConfig?: Partial<Omit<ConsumerConfig, 'groupId'>>;
  /** Told what became of each message once its outcome is committed (metrics). */
  onOutcome?: (outcome: ConsumedOutcome) => void;
}

export type ConsumedOutcome =
  | { topic: string; outcome: 'applied' | 'duplicate'; event: { eventId: string } & Record<string, unknown> }
  | { topic: string; outcome: 'dead_lettered' };

export interface IdempotentConsumer {
  /** Waits for the message in progress, then leaves the group. */
  stop(): Promise<void>;
  /** Its heartbeat, for readiness: a batch that never completes (a crash loop, a hang) is no progress. */
  status(): WorkerStatus;
}

function messagingAttributes({ topic, partition, offset, key }: MessageContext, groupId: string): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': topic,
    'messaging.destination.partition.id': String(partition),
    'messaging.consumer.group.name': groupId,
    'messaging.kafka.offset': Number(offset),
    ...(key === null ? {} : { 'messaging.kafka.message.key': key }),
  };
}

function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/**
 * Consumes each message at most once in effect, however often Kafka delivers it: the
 * handler's effect and the eventId mark commit together, and the offset is committed only
 * after that (autoCommit off, one commit per message). A crash in between redelivers the
 * message, which the mark turns into a no-op. A message that cannot be decoded, has no
 * eventId or keeps failing is copied to `<topic>.dlq` and its offset committed, so one bad
 * message does not stop the partition. Transient failures (registry, DLQ send, offset
 * commit, and a database outage even inside the handler) are thrown to kafkajs, which
 * restarts the consumer and redelivers the same message.
 */
export async function startIdempotentConsumer<TEvent, TSchema extends Record<string, unknown>>(
  options: IdempotentConsumerOptions<TEvent, TSchema>,
): Promise<IdempotentConsumer> {
  const { kafka, db, groupId, topics, codec, handler, maxAttempts = 3, retryBackoffMs = 200 } = options;
  const logger = options.logger.child({ component: 'idempotent-consumer', groupId });
  const retrySchedule = retryScheduleOf({ maxAttempts, baseDelayMs: retryBackoffMs, maxDelayMs: 10_000 });
  // kafkajs waits up to 5 s for an idle fetch, and disconnect() waits for that fetch: 500 ms (the Java client's
  // fetch.max.wait.ms) keeps a stopping service from waiting seconds per consumer, for one fetch per half second when idle.
  const consumer = kafka.consumer({ maxWaitTimeInMs: 500, ...options.consumerConfig, groupId });
  const deadLetterProducer = createIdempotentProducer(kafka);

  async function applyWithRetries(
    event: { eventId: string } & Record<string, unknown>,
    context: MessageContext,
    heartbeat: () => Promise<void>,
  ): Promise<PoisonMessage | undefined> {
    const mark = { consumerGroup: groupId, eventId: event.eventId, topic: context.topic };
    try {
      const outcome = await retryWithBackoff(
        () => applyOnce(db, mark, (tx) => handler(event as TEvent, tx, context)),
        retrySchedule,
        async (error, attempt) => {
          logger.warn({ err: error, attempt, eventId: event.eventId, topic: context.topic }, 'handler failed; retrying');
          await heartbeat();
        },
      );
      logger.debug({ eventId: event.eventId, topic: context.topic, outcome }, 'event consumed');
      options.onOutcome?.({ topic: context.topic, outcome, event });
      return undefined;
    } catch (error) {
      // An outage is not the message's fault: leave it uncommitted for redelivery.
      if (isInfrastructureFailure(error)) throw error;
      return poison('handler-failed', error);
    }
  }

  async function consume({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const context: MessageContext = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      headers: readHeaders(message.headers),
    };
    // One span per message, in the producer's trace: the handler's queries and the events it enqueues belong to it.
    // It is the message's consumer span, unless the kafkajs instrumentation made one already (ours is then inside it).
    const { parent, instrumented } = parentOfMessage(context.headers);
    const spanOptions = { kind: instrumented ? SpanKind.INTERNAL : SpanKind.CONSUMER, parent, attributes: messagingAttributes(context, groupId) };
    await inSpan(`handle ${topic}`, spanOptions, (processing) =>
      runWithCorrelationId(context.headers[CORRELATION_HEADER], async () => {
        const decoded = await decodeEvent(codec, topic, message.value);
        const failure = 'poison' in decoded ? decoded.poison : await applyWithRetries(decoded.event, context, heartbeat);
        if (failure) {
          failSpan(processing, failure.error);
          logger.error(
            { err: failure.error, reason: failure.reason, topic, partition, offset: message.offset },
            'message sent to the dead-letter topic',
          );
          // Untraced: the copy keeps the producer's traceparent, as every other header, for a redrive to continue that trace.
          await untraced(() => sendToDeadLetter(deadLetterProducer, { topic, partition, message, consumerGroup: groupId, poison: failure }));
          options.onOutcome?.({ topic, outcome: 'dead_lettered' });
        }
        await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
      }),
    );
  }

  const heartbeat = startHeartbeat(`consumer ${groupId}`, { since: 'start' });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    heartbeat.failed(payload.error, !payload.restart);
  });
  // Joining, an idle fetch or a batch processed to its end is progress; a batch started and not ended is work outstanding.
  consumer.on(consumer.events.GROUP_JOIN, () => heartbeat.progressed());
  consumer.on(consumer.events.FETCH, () => heartbeat.idle());
  consumer.on(consumer.events.START_BATCH_PROCESS, () => heartbeat.working());
  consumer.on(consumer.events.END_BATCH_PROCESS, () => heartbeat.progressed());

  await deadLetterProducer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({ autoCommit: false, eachMessage: consume });

  return {
    async stop() {
      heartbeat.stopped();
      await consumer.disconnect();
      await deadLetterProducer.disconnect();
    },
    status: heartbeat.status,
  };
}
