import type { contractLifecycleV1Event } from '@boissipay/contracts';
import { createAvroCodec, createKafka, createLogger, createSchemaRegistry } from '@boissipay/runtime';
import { uniqueSuffix } from '@boissipay/runtime/testing';
import { testEnvironment } from './contract-service-under-test';

export type LifecycleEvent = contractLifecycleV1Event.ContractLifecycleEvent;
const TOPIC = 'contract.lifecycle.v1';

export interface LifecycleEventCollector {
  /** Events about one contract, decoded with the schema registered for them, in topic order. */
  eventsOf(contractId: string, contractRef: string): Promise<LifecycleEvent[]>;
  stop(): Promise<void>;
}

/**
 * Reads contract.lifecycle.v1 (behind the service's `topicPrefix`) from the beginning, as a
 * new consumer (billing rebuilding its read model) would. Messages are kept raw and only the
 * ones keyed by a reference the test asks for are decoded, then matched on contractId.
 */
export async function startLifecycleEventCollector(topicPrefix: string): Promise<LifecycleEventCollector> {
  const logger = createLogger({ service: 'contract-tests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'contract-tests', logger });
  const codec = createAvroCodec(createSchemaRegistry(testEnvironment.schemaRegistryUrl), {});
  const messages: Array<{ key: string; value: Buffer; offset: bigint; decoded?: Promise<LifecycleEvent> }> = [];

  const consumer = kafka.consumer({ groupId: `contract-tests-${uniqueSuffix()}`, sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${topicPrefix}${TOPIC}`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key && message.value) messages.push({ key: message.key.toString(), value: message.value, offset: BigInt(message.offset) });
    },
  });

  return {
    async eventsOf(contractId, contractRef) {
      const mine = messages.filter((message) => message.key === contractRef).sort((a, b) => (a.offset < b.offset ? -1 : 1));
      const events = await Promise.all(mine.map((message) => (message.decoded ??= codec.decode(message.value) as Promise<LifecycleEvent>)));
      return events.filter((event) => event.contract.contractId === contractId);
    },
    stop: () => consumer.disconnect(),
  };
}
