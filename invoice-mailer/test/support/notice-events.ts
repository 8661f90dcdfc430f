import { randomUUID } from 'node:crypto';
import { Partitioners, type Producer } from 'kafkajs';
import { contractLifecycleV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { createAvroCodec, createKafka, createSchemaRegistry, registerSchemas } from '@boissipay/runtime';
import type { InvoiceIssuedEvent } from './invoice-factory';
import { testEnvironment, testLogger, topics } from './mailer-under-test';

export type PaymentResultEvent = paymentResultV1Event.PaymentResultEvent;
export type ContractEvent = contractLifecycleV1Event.ContractLifecycleEvent;

/** The payment service's result for an invoice as the mailer recorded it: a FAILED INSUFFICIENT_FUNDS debit unless told otherwise. */
export function buildPaymentResult(issued: InvoiceIssuedEvent, overrides: Partial<PaymentResultEvent> = {}): PaymentResultEvent {
  const { invoice } = issued;
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: issued.eventId,
    contractRef: invoice.contractRef,
    paymentRef: `PAY-${invoice.invoiceRef}`,
    invoiceRef: invoice.invoiceRef,
    status: 'FAILED',
    amountMinor: invoice.totalWithTaxMinor,
    currency: invoice.currency,
    mandateRef: invoice.mandate?.mandateRef ?? null,
    attempts: 1,
    reasonCode: 'INSUFFICIENT_FUNDS',
    reasonMessage: 'SEPA AM04: insufficient funds on the debtor account',
    settledAt: null,
    method: null,
    bankReference: null,
    receivedOn: null,
    returnReasonCode: null,
    returnedAt: null,
    ...overrides,
  };
}

/** A contract.lifecycle.v1 event of an ACTIVE contract (SUSPENDED by dunning unless told otherwise), with its billing contact and language. */
export function buildContractEvent(contractRef: string, overrides: Partial<Omit<ContractEvent, 'contract'>> & { contract?: Partial<ContractEvent['contract']> } = {}): ContractEvent {
  const { contract, ...event } = overrides;
  return {
    eventId: randomUUID(),
    occurredAt: '2026-12-04T08:30:00.000Z',
    correlationId: randomUUID(),
    causationId: null,
    type: 'SUSPENDED',
    contractRef,
    version: 3,
    reason: 'Direct debit of invoice BIL-2026-000001 failed: INSUFFICIENT_FUNDS',
    changedBy: 'system:dunning',
    ...event,
    contract: {
      contractId: randomUUID(),
      contractRef,
      productRef: 'DEFERRED-BILLING',
      contractType: 'CORPORATE',
      status: overrides.type === 'REACTIVATED' ? 'ACTIVE' : 'SUSPENDED',
      createdAt: '2026-01-01',
      signedAt: '2026-01-15',
      activatedAt: '2026-01-15',
      expireAt: '2027-12-31',
      terminatedAt: null,
      subscriber: { subscriberRef: 'CSE ACME', subscriberType: 'PROFESSIONNAL', customerId: null, customerRef: `CUST-${contractRef}`, siren: null, vatNumber: null },
      distributorRef: null,
      billingContact: { firstName: 'Jane', lastName: 'ROE', email: `contract-${contractRef.toLowerCase()}@acme.example`, phone: null },
      billingAddress: { line1: 'ACME SA', line2: '', line3: '', line4: '1 rue de la Paix', line5: '', line6: '75002 PARIS', country: 'FR' },
      mandate: null,
      outstandingLimit: { amountMinor: 100_000, currency: 'EUR' },
      language: 'fr',
      ...contract,
    },
  };
}

export interface NoticeEventPublisher {
  /** As payment-service's relay would: registered schema, Confluent wire format, keyed by contractRef. */
  publishPaymentResult(event: PaymentResultEvent): Promise<void>;
  /** As contract-service's relay would. */
  publishContractEvent(event: ContractEvent): Promise<void>;
  stop(): Promise<void>;
}

export async function startNoticeEventPublisher(): Promise<NoticeEventPublisher> {
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const registered = await registerSchemas(registry, [
    { topic: topics.paymentResult, schema: paymentResultV1Event.schema },
    { topic: topics.contractLifecycle, schema: contractLifecycleV1Event.schema },
  ]);
  const codec = createAvroCodec(registry, { produces: registered });
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'invoice-mailer-tests', logger: testLogger() });
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const send = async (topic: string, key: string, event: unknown) => {
    await producer.send({ topic, acks: -1, messages: [{ key, value: await codec.encode(topic, event) }] });
  };
  return {
    publishPaymentResult: (event) => send(topics.paymentResult, event.contractRef, event),
    publishContractEvent: (event) => send(topics.contractLifecycle, event.contractRef, event),
    stop: () => producer.disconnect(),
  };
}
