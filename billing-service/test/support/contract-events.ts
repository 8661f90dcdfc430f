import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { contractLifecycleV1Event } from '@boissipay/contracts';
import { createAvroCodec, createKafka, createLogger, createSchemaRegistry, registerSchemas, type AvroCodec } from '@boissipay/runtime';
import { testEnvironment, uniqueName } from './test-environment';

export type ContractEvent = contractLifecycleV1Event.ContractLifecycleEvent;
export type ContractSnapshot = contractLifecycleV1Event.ContractSnapshot;
type ContractEventType = contractLifecycleV1Event.ContractEventType;


/** An ACTIVE contract valid this year and next, signed ACTIVE mandate, limit 1,000.00 EUR. */
export function buildContractSnapshot(overrides: Partial<ContractSnapshot> = {}): ContractSnapshot {
  const contractRef = overrides.contractRef ?? uniqueName('CTR');
  const year = new Date().getUTCFullYear();
  return {
    contractId: randomUUID(),
    contractRef,
    productRef: 'DEFERRED-BILLING',
    contractType: 'CORPORATE',
    status: 'ACTIVE',
    createdAt: `${year - 1}-12-01`,
    signedAt: `${year - 1}-12-15`,
    activatedAt: `${year - 1}-12-15`,
    expireAt: `${year + 1}-12-31`,
    terminatedAt: null,
    subscriber: { subscriberRef: 'ACME Works Council', subscriberType: 'PROFESSIONNAL', customerId: null, customerRef: 'HA-8768376537', siren: '552100554', vatNumber: null },
    distributorRef: null,
    billingContact: { firstName: 'Jane', lastName: 'Martin', email: 'accounts@acme.example', phone: null },
    billingAddress: { line1: 'ACME SA', line2: 'Comptabilité', line3: '', line4: '1 rue de la Paix', line5: '', line6: '75002 PARIS', country: 'FR' },
    mandate: { mandateRef: `RUM-${contractRef}`, iban: 'FR7630006000011234567890189', bic: null, signedAt: `${year - 1}-12-15`, status: 'ACTIVE', revokedAt: null },
    outstandingLimit: { amountMinor: 100_000, currency: 'EUR' },
    language: 'fr',
    ...overrides,
  };
}

export function buildContractEvent(overrides: Partial<Omit<ContractEvent, 'contract'>> & { contract?: Partial<ContractSnapshot> } = {}): ContractEvent {
  const { contract: contractOverrides, ...eventOverrides } = overrides;
  const contract = buildContractSnapshot({ ...contractOverrides, contractRef: eventOverrides.contractRef ?? contractOverrides?.contractRef ?? uniqueName('CTR') });
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: null,
    causationId: null,
    type: 'SUBSCRIBED',
    version: 1,
    reason: null,
    changedBy: null,
    ...eventOverrides,
    contractRef: contract.contractRef,
    contract,
  };
}

/** A contract's successive events, each with the next version and the state after it. */
export class ContractHistory {
  readonly events: ContractEvent[] = [];

  constructor(first: ContractEvent) {
    this.events.push(first);
  }

  get contractRef(): string {
    return this.current.contractRef;
  }

  get current(): ContractEvent {
    const last = this.events.at(-1);
    if (!last) throw new Error('empty history');
    return last;
  }

  next(type: ContractEventType, changes: Partial<ContractSnapshot> = {}): ContractEvent {
    const event: ContractEvent = {
      ...this.current,
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      type,
      version: this.current.version + 1,
      contract: { ...this.current.contract, ...changes },
    };
    this.events.push(event);
    return event;
  }
}

export function contractHistory(overrides: Partial<ContractSnapshot> = {}): ContractHistory {
  return new ContractHistory(buildContractEvent({ type: 'ACTIVATED', contract: overrides }));
}

export interface ContractEventPublisher {
  /** Encodes with the registered schema and produces keyed by contractRef, in order. */
  publish(...events: ContractEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Publishes real contract.lifecycle.v1 messages, as contract-service's outbox relay would;
 * behind `topicPrefix` (the test file's, by default) for a billing-service started with it.
 */
export async function startContractEventPublisher(topicPrefix = testEnvironment.topicPrefix): Promise<ContractEventPublisher> {
  const topic = `${topicPrefix}${contractLifecycleV1Event.topic}`;
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const codec: AvroCodec = createAvroCodec(registry, { produces: await registerSchemas(registry, [{ topic, schema: contractLifecycleV1Event.schema }]) });
  const logger = createLogger({ service: 'billing-test-publisher', level: testEnvironment.logLevel });
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'billing-test-publisher', logger });
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    async publish(...events) {
      const messages = await Promise.all(events.map(async (event) => ({ key: event.contractRef, value: await codec.encode(topic, event) })));
      await producer.send({ topic, acks: -1, messages });
    },
    stop: () => producer.disconnect(),
  };
}
