import { paymentResultV1Event } from '@boissipay/contracts';
import { createAvroCodec, createSchemaRegistry } from '@boissipay/runtime';
import { startGroupAtEndOf, uniqueSuffix, waitFor } from '@boissipay/runtime/testing';
import { testEnvironment, testKafka } from './kafka-support';

export type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;
const TOPIC = `${testEnvironment.topicPrefix}${paymentResultV1Event.topic}`;

export interface PaymentResultCollector {
  /** Results about one invoice received so far, in topic order. */
  resultsOf(invoiceRef: string): Promise<PaymentResultEvent[]>;
  /** Waits for the first result about `invoiceRef` and returns it. */
  firstResultOf(invoiceRef: string): Promise<PaymentResultEvent>;
  /** Every message seen so far, with its key and headers. */
  messages(): Promise<Array<{ key: string; headers: Record<string, string>; event: PaymentResultEvent }>>;
  stop(): Promise<void>;
}

/**
 * Reads payment.result.v1 (behind the test file's prefix) from its current end, as billing
 * would. The tests of a file share it, so each filters by its own invoice references.
 */
export async function startPaymentResultCollector(): Promise<PaymentResultCollector> {
  const codec = createAvroCodec(createSchemaRegistry(testEnvironment.schemaRegistryUrl), {});
  const groupId = `payment-tests-results-${uniqueSuffix()}`;
  await startGroupAtEndOf(testEnvironment.kafkaBrokers, { groupId, topic: TOPIC, topicOptions: testEnvironment.topicOptions });
  const raw: Array<{ key: string; headers: Record<string, string>; value: Buffer; decoded?: Promise<PaymentResultEvent> }> = [];

  const consumer = testKafka().consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC] });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.key || !message.value) return;
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
      raw.push({ key: message.key.toString(), headers, value: message.value });
    },
  });

  const decodedAll = () =>
    Promise.all(raw.map(async (message) => ({ key: message.key, headers: message.headers, event: await (message.decoded ??= codec.decode(message.value) as Promise<PaymentResultEvent>) })));
  const resultsOf = async (invoiceRef: string) => (await decodedAll()).map(({ event }) => event).filter((event) => event.invoiceRef === invoiceRef);

  return {
    resultsOf,
    firstResultOf: (invoiceRef) =>
      waitFor(async () => (await resultsOf(invoiceRef))[0], { timeoutMs: 30_000, description: `payment.result.v1 of ${invoiceRef}` }),
    messages: decodedAll,
    stop: () => consumer.disconnect(),
  };
}
