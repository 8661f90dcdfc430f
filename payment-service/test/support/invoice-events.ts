import { randomInt, randomUUID } from 'node:crypto';
import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { createAvroCodec, createSchemaRegistry, registerSchemas } from '@boissipay/runtime';
import { simulatedIbans } from '../../src/infra/simulated-sepa-provider';
import { testEnvironment, testKafka } from './kafka-support';

export type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | null ? DeepPartial<T[K]> | null : T[K] };

const TOPIC = `${testEnvironment.topicPrefix}${billingInvoiceIssuedV1Event.topic}`;

/** Numbers far apart from billing's own sequences, fresh per call. */
const uniqueNumber = () => String(randomInt(100_000_000, 999_999_999_999));

/**
 * A billing.invoice-issued.v1 event as billing publishes it: one purchase line of 1,234.56 EUR
 * with tax, an ACTIVE mandate on an IBAN the simulated provider debits, a unique invoice and
 * contract reference. `amountWithTaxMinor` (top level) rebuilds consistent totals for another amount.
 */
export function buildInvoiceIssuedEvent(overrides: DeepPartial<InvoiceIssuedEvent> & { amountWithTaxMinor?: number } = {}): InvoiceIssuedEvent {
  const { amountWithTaxMinor = 123_456, ...rest } = overrides;
  const contractRef = rest.contractRef ?? `CTR-2026-${uniqueNumber()}`;
  const taxMinor = Math.round(amountWithTaxMinor / 6);
  const baseMinor = amountWithTaxMinor - taxMinor;
  const base: InvoiceIssuedEvent = {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${randomUUID()}`,
    causationId: null,
    contractRef,
    invoice: {
      invoiceId: randomUUID(),
      invoiceRef: `BIL-2026-${uniqueNumber()}`,
      invoiceType: amountWithTaxMinor > 0 ? 'INVOICE' : 'CREDIT_NOTE',
      contractRef,
      contractId: randomUUID(),
      period: '2026-10',
      issueDate: '2026-11-01',
      dueDate: '2026-11-08',
      collectionDate: '2026-11-09',
      language: 'fr',
      currency: 'EUR',
      totalWithoutTaxMinor: baseMinor,
      totalTaxMinor: taxMinor,
      totalWithTaxMinor: amountWithTaxMinor,
      vatBreakdown: [{ rateBasisPoints: 2000, baseMinor, taxMinor }],
      lines: [
        {
          lineNumber: 1,
          operationId: randomUUID(),
          operationType: amountWithTaxMinor > 0 ? 'PURCHASE' : 'REFUND',
          orderRef: `ORD-${uniqueNumber()}`,
          operationDate: '2026-10-15',
          description: 'Paris – Lyon, 2nd class return',
          quantity: 1,
          unitPriceWithoutTaxMinor: baseMinor,
          amountWithoutTaxMinor: baseMinor,
          vatRateBasisPoints: 2000,
          taxMinor,
          amountWithTaxMinor,
          traveller: 'John DOE',
          bookingRef: 'PNR7XK2',
          costCentre: null,
        },
      ],
      customer: { subscriberRef: 'CSE ACME', customerRef: 'CUST-1', siren: '784671695', vatNumber: 'FR53784671695' },
      billingContact: { firstName: 'Jane', lastName: 'ROE', email: 'billing@acme.example', phone: null },
      billingAddress: { line1: 'ACME SA', line2: '', line3: '', line4: '1 rue de la Paix', line5: '', line6: '75002 PARIS', country: 'FR' },
      mandate: { mandateRef: `RUM-${uniqueNumber()}`, iban: simulatedIbans.succeeds, bic: 'BNPAFRPP', signedAt: '2026-01-15' },
      debitRequired: amountWithTaxMinor > 0,
    },
  };
  return merge(base, rest);
}

/** The same invoice as `event`, carried by another event (a new eventId): what a billing replay would send. */
export function reissued(event: InvoiceIssuedEvent): InvoiceIssuedEvent {
  return { ...event, eventId: randomUUID(), occurredAt: new Date().toISOString() };
}

export interface InvoicePublisher {
  /** Produces the events in order, keyed by contractRef, in the Confluent wire format with the registered schema. */
  publish(...events: InvoiceIssuedEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** Publishes invoice events the way billing-service does: schema registered, Avro-encoded, keyed by contractRef. */
export async function startInvoicePublisher(): Promise<InvoicePublisher> {
  const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);
  const codec = createAvroCodec(registry, { produces: await registerSchemas(registry, [{ topic: TOPIC, schema: billingInvoiceIssuedV1Event.schema }]) });
  const producer = testKafka().producer();
  await producer.connect();
  return {
    async publish(...events) {
      const messages = await Promise.all(events.map(async (event) => ({ key: event.contractRef, value: await codec.encode(TOPIC, event) })));
      await producer.send({ topic: TOPIC, messages });
    },
    stop: () => producer.disconnect(),
  };
}

function merge<T>(base: T, overrides: unknown): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const current = result[key];
    const bothObjects = value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object';
    result[key] = bothObjects ? merge(current, value) : value;
  }
  return result as T;
}
