import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { mailerInvoiceDeliveryV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { createAvroCodec, createKafka, createLogger, createSchemaRegistry, registerSchemas, type AvroRecordSchema } from '@boissipay/runtime';
import { testEnvironment } from './test-environment';

export type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;
export type InvoiceDeliveryEvent = mailerInvoiceDeliveryV1Event.InvoiceDeliveryEvent;

export interface InvoiceIdentity {
  contractRef: string;
  invoiceRef: string;
  totalWithTaxMinor: number;
}

export function buildPaymentResult(invoice: InvoiceIdentity, overrides: Partial<PaymentResultEvent> = {}): PaymentResultEvent {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: null,
    causationId: null,
    contractRef: invoice.contractRef,
    paymentRef: `PAY-${randomUUID()}`,
    invoiceRef: invoice.invoiceRef,
    status: 'SUCCEEDED',
    amountMinor: invoice.totalWithTaxMinor,
    currency: 'EUR',
    mandateRef: `RUM-${invoice.contractRef}`,
    attempts: 1,
    reasonCode: null,
    reasonMessage: null,
    settledAt: '2026-11-05T09:00:00.000Z',
    method: 'DIRECT_DEBIT',
    bankReference: null,
    receivedOn: null,
    returnReasonCode: null,
    returnedAt: null,
    ...overrides,
  };
}

export function buildDeliveryResult(invoice: InvoiceIdentity, overrides: Partial<InvoiceDeliveryEvent> = {}): InvoiceDeliveryEvent {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: null,
    causationId: null,
    contractRef: invoice.contractRef,
    deliveryId: randomUUID(),
    invoiceRef: invoice.invoiceRef,
    status: 'SENT',
    recipient: 'accounts@acme.example',
    messageId: `<${randomUUID()}@boissipay.example>`,
    attempts: 1,
    sentAt: '2026-11-02T08:00:00.000Z',
    failureReason: null,
    ...overrides,
  };
}

export interface SettlementPublisher {
  /** Encoded with the registered schemas, keyed by contractRef, in order, as the payment service and the mailer publish them. */
  publishPayments(...events: PaymentResultEvent[]): Promise<void>;
  publishDeliveries(...events: InvoiceDeliveryEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** Publishes payment results and deliveries; behind `topicPrefix` (the test file's, by default) for a service started with it. */
export async function startSettlementPublisher(topicPrefix = testEnvironment.topicPrefix): Promise<SettlementPublisher> {
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const paymentTopic = `${topicPrefix}${paymentResultV1Event.topic}`;
  const deliveryTopic = `${topicPrefix}${mailerInvoiceDeliveryV1Event.topic}`;
  const topics: Array<{ topic: string; schema: AvroRecordSchema }> = [
    { topic: paymentTopic, schema: paymentResultV1Event.schema },
    { topic: deliveryTopic, schema: mailerInvoiceDeliveryV1Event.schema },
  ];
  const codec = createAvroCodec(registry, { produces: await registerSchemas(registry, topics) });
  const logger = createLogger({ service: 'billing-test-settlements', level: testEnvironment.logLevel });
  const producer: Producer = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'billing-test-settlements', logger }).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const publish = async (topic: string, events: Array<{ contractRef: string }>) => {
    const messages = await Promise.all(events.map(async (event) => ({ key: event.contractRef, value: await codec.encode(topic, event) })));
    await producer.send({ topic, acks: -1, messages });
  };
  return {
    publishPayments: (...events) => publish(paymentTopic, events),
    publishDeliveries: (...events) => publish(deliveryTopic, events),
    stop: () => producer.disconnect(),
  };
}
