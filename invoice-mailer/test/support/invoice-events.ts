import { Partitioners, type Producer } from 'kafkajs';
import type { mailerInvoiceDeliveryV1Event } from '@boissipay/contracts';
import { billingCreditNoteIssuedV1Event, billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { CORRELATION_HEADER, createAvroCodec, createKafka, createSchemaRegistry, registerSchemas, type AvroCodec, type AvroRecordSchema } from '@boissipay/runtime';
import { startGroupAtEndOf, waitFor } from '@boissipay/runtime/testing';
import type { CreditNoteIssuedEvent } from './credit-note-factory';
import type { InvoiceIssuedEvent } from './invoice-factory';
import { testEnvironment, testLogger, topics, WAIT_TIMEOUT_MS } from './mailer-under-test';
import { uniqueSuffix } from './invoice-factory';

export type DeliveryEvent = mailerInvoiceDeliveryV1Event.InvoiceDeliveryEvent;

/** Publishes events as billing does: Confluent wire format with the registered schema, keyed by contractRef. */
export interface EventPublisher<E> {
  publish(event: E): Promise<void>;
  stop(): Promise<void>;
}

export type InvoicePublisher = EventPublisher<InvoiceIssuedEvent>;
/** On billing.credit-note-issued.v1. */
export type CreditNotePublisher = EventPublisher<CreditNoteIssuedEvent>;

async function startEventPublisher<E extends { contractRef: string; correlationId?: string | null }>(topic: string, schema: AvroRecordSchema): Promise<EventPublisher<E>> {
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const registered = await registerSchemas(registry, [{ topic, schema }]);
  const codec = createAvroCodec(registry, { produces: registered });
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'invoice-mailer-tests', logger: testLogger() });
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return {
    async publish(event) {
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: event.contractRef, value: await codec.encode(topic, event), headers: event.correlationId ? { [CORRELATION_HEADER]: event.correlationId } : {} }],
      });
    },
    stop: () => producer.disconnect(),
  };
}

export const startInvoicePublisher = (): Promise<InvoicePublisher> => startEventPublisher(topics.issued, billingInvoiceIssuedV1Event.schema);

export const startCreditNotePublisher = (): Promise<CreditNotePublisher> => startEventPublisher(topics.creditNoteIssued, billingCreditNoteIssuedV1Event.schema);

export interface DeliveryEventCollector {
  /** The delivery events published for the invoice, decoded with the schema registered for them. */
  eventsFor(contractRef: string, invoiceRef: string): Promise<DeliveryEvent[]>;
  /** Waits for the first of them. */
  waitForEvent(contractRef: string, invoiceRef: string, timeoutMs?: number): Promise<DeliveryEvent>;
  stop(): Promise<void>;
}

/**
 * Reads mailer.invoice-delivery.v1 (behind the test file's prefix) from the moment it starts,
 * as billing would. The tests of a file share it, so messages are kept raw and only those
 * keyed by the contract a test asks about are decoded.
 */
export async function startDeliveryEventCollector(): Promise<DeliveryEventCollector> {
  const codec: AvroCodec = createAvroCodec(createSchemaRegistry(testEnvironment.schemaRegistryUrl), {});
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'invoice-mailer-tests', logger: testLogger() });
  const groupId = `invoice-mailer-tests-${uniqueSuffix()}`;
  await startGroupAtEndOf(testEnvironment.kafkaBrokers, { groupId, topic: topics.delivery, topics: [topics.issued, topics.delivery], topicOptions: testEnvironment.topicOptions });
  const messages: Array<{ key: string; value: Buffer; decoded?: Promise<DeliveryEvent> }> = [];
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.delivery] });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key && message.value) messages.push({ key: message.key.toString(), value: message.value });
    },
  });

  async function eventsFor(contractRef: string, invoiceRef: string): Promise<DeliveryEvent[]> {
    const mine = messages.filter((message) => message.key === contractRef);
    const events = await Promise.all(mine.map((message) => (message.decoded ??= codec.decode(message.value) as Promise<DeliveryEvent>)));
    return events.filter((event) => event.invoiceRef === invoiceRef);
  }

  return {
    eventsFor,
    waitForEvent: async (contractRef, invoiceRef, timeoutMs = WAIT_TIMEOUT_MS) =>
      waitFor(async () => (await eventsFor(contractRef, invoiceRef))[0], { timeoutMs, description: `a delivery event for ${invoiceRef}` }),
    stop: () => consumer.disconnect(),
  };
}
