import { toDecimal } from '@boissipay/money';
import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { createAvroCodec, createKafka, createLogger, createSchemaRegistry } from '@boissipay/runtime';
import { waitFor } from '@boissipay/runtime/testing';
import type { BillingRunControls } from '../../src/app/run-billing';
import { parseBillingPeriod, type BillingPeriod } from '../../src/domain/billing-period';
import type { BillingRunRow } from '../../src/infra/billing-run-repository';
import type { BillingUnderTest } from './billing-under-test';
import { buildContractEvent, type ContractEventPublisher } from './contract-events';
import { waitForContractVersion } from './billing-under-test';
import type { OperationRequest } from './operation-requests';
import { testEnvironment, uniqueName } from './test-environment';

export type InvoiceIssuedEvent = billingInvoiceIssuedV1Event.InvoiceIssuedEvent;

export function period(id: string): BillingPeriod {
  const parsed = parseBillingPeriod(id);
  if (!parsed) throw new Error(`bad period ${id}`);
  return parsed;
}

/** Runs a period through the service's own runner and waits for its end. */
export function runPeriod(billing: BillingUnderTest, id: string, controls: BillingRunControls = {}): Promise<BillingRunRow> {
  return billing.service.parts.runner.run({ period: period(id), trigger: 'API', requestedBy: 'billing-test' }, controls);
}

/**
 * A contract active since 2025-01-01 (so operations of any month of 2025–2026 are within its
 * validity, whatever today is), published and applied by billing's read model.
 */
export async function knownContract(billing: BillingUnderTest, publisher: ContractEventPublisher, limitMinor = 100_000_000, language: 'fr' | 'en' = 'fr'): Promise<string> {
  const year = new Date().getUTCFullYear();
  const event = buildContractEvent({
    type: 'ACTIVATED',
    contract: {
      createdAt: '2025-01-01',
      signedAt: '2025-01-01',
      activatedAt: '2025-01-01',
      expireAt: `${year + 2}-12-31`,
      outstandingLimit: { amountMinor: limitMinor, currency: 'EUR' },
      language,
    },
  });
  event.contract.mandate = event.contract.mandate ? { ...event.contract.mandate, signedAt: '2025-01-01' } : null;
  await publisher.publish(event);
  await waitForContractVersion(billing, event.contractRef, event.version);
  return event.contractRef;
}

export interface LineSpec {
  unitPriceMinor: number;
  quantity?: number;
  /** Percent, at most two decimals. */
  vatRate: number;
  label?: string;
}

const decimal = (minor: number) => toDecimal(minor, 'EUR');

/** An order whose lines and totals add up, each line's tax rounded half away from zero from its base. */
export function buildOrderWithLines(lines: LineSpec[], overrides: Partial<OperationRequest['order']> = {}): OperationRequest['order'] {
  const built = lines.map((line) => {
    const quantity = line.quantity ?? 1;
    const baseMinor = quantity * line.unitPriceMinor;
    const basisPoints = Math.round(line.vatRate * 100);
    const taxMinor = Math.floor((baseMinor * basisPoints + 5_000) / 10_000);
    return { line, quantity, baseMinor, taxMinor };
  });
  const sum = (pick: (line: (typeof built)[number]) => number) => built.reduce((total, line) => total + pick(line), 0);
  return {
    orderRef: uniqueName('ORD'),
    currencyCode: 'EUR',
    orderType: 'PS',
    orderItems: [
      {
        productItems: built.map(({ line, quantity, baseMinor, taxMinor }) => ({
          productLabel: line.label ?? `Product at ${line.vatRate} %`,
          quantity,
          unitPrice: decimal(line.unitPriceMinor),
          vatRate: line.vatRate,
          amountWithoutTax: decimal(baseMinor),
          amountTax: decimal(taxMinor),
          amountWithTax: decimal(baseMinor + taxMinor),
          travel: { travellerName: 'Jane Martin', bookingRef: 'PNR7XK2Q', costCentre: 'CE-SPORTS' },
        })),
      },
    ],
    totalWithoutTax: decimal(sum((line) => line.baseMinor)),
    totalTax: decimal(sum((line) => line.taxMinor)),
    totalWithTax: decimal(sum((line) => line.baseMinor + line.taxMinor)),
    ...overrides,
  };
}

export interface SubmittedOperation {
  operationId: string;
  orderRef: string;
}

/** Submits through the API and expects it accepted. */
export async function submitAccepted(billing: BillingUnderTest, body: OperationRequest): Promise<SubmittedOperation> {
  const response = await billing.api.post('/v1/operations').set(await billing.auth()).send(body);
  if (response.status !== 201) throw new Error(`operation refused: ${response.status} ${JSON.stringify(response.body)}`);
  return { operationId: response.body.operationId, orderRef: body.order.orderRef };
}

export function purchaseOn(contractRef: string, operationAt: string, lines: LineSpec[]): OperationRequest {
  return { type: 'PURCHASE', contractRef, operationAt, order: buildOrderWithLines(lines) };
}

export function refundOn(contractRef: string, operationAt: string, refundedOrderRef: string, lines: LineSpec[]): OperationRequest {
  return { type: 'REFUND', contractRef, operationAt, order: buildOrderWithLines(lines, { refundedOrderRef }) };
}

export interface InvoiceRowView {
  invoice_ref: string;
  invoice_type: string;
  period: string;
  contract_ref: string;
  run_id: string;
  total_without_tax_minor: string;
  total_tax_minor: string;
  total_with_tax_minor: string;
  debit_required: boolean;
}

export async function invoicesOf(billing: BillingUnderTest, contractRef: string): Promise<InvoiceRowView[]> {
  const result = await billing.service.context.pool.query<InvoiceRowView>(
    'select invoice_ref, invoice_type, period, contract_ref, run_id, total_without_tax_minor, total_tax_minor, total_with_tax_minor, debit_required from invoices where contract_ref = $1 order by invoice_ref',
    [contractRef],
  );
  return result.rows;
}

/** Every invoice number of `year` in the database, as integers, ascending. */
export async function invoiceNumbersOf(billing: BillingUnderTest, year: number): Promise<number[]> {
  const result = await billing.service.context.pool.query<{ invoice_ref: string }>("select invoice_ref from invoices where invoice_ref like $1 order by invoice_ref", [`BIL-${year}-%`]);
  return result.rows.map((row) => Number(row.invoice_ref.slice(`BIL-${year}-`.length))).sort((a, b) => a - b);
}

export interface EventCollector<T> {
  /** The decoded events keyed by `contractRef`, in topic order. */
  eventsOf(contractRef: string): Promise<T[]>;
  /** Waits until `contractRef` has at least `count` events, then returns them. */
  waitForEvents(contractRef: string, count: number): Promise<T[]>;
  stop(): Promise<void>;
}
export type InvoiceEventCollector = EventCollector<InvoiceIssuedEvent>;

/**
 * Reads billing.invoice-issued.v1 (behind the test file's prefix; the topic must exist, so
 * start billing first) from the beginning as a new consumer (the payment service, the
 * mailer) would; only messages keyed by the contracts asked for are decoded, with the schema
 * the registry has for their id.
 */
export function startInvoiceEventCollector(topicPrefix = testEnvironment.topicPrefix): Promise<InvoiceEventCollector> {
  return startEventCollector<InvoiceIssuedEvent>(billingInvoiceIssuedV1Event.topic, topicPrefix);
}

/** Reads one of billing's topics (behind the prefix) from the beginning, as startInvoiceEventCollector. */
export async function startEventCollector<T>(topic: string, topicPrefix = testEnvironment.topicPrefix): Promise<EventCollector<T>> {
  const logger = createLogger({ service: 'billing-invoice-events-test', level: testEnvironment.logLevel });
  const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'billing-invoice-events-test', logger });
  const codec = createAvroCodec(createSchemaRegistry(testEnvironment.schemaRegistryUrl), {});
  const messages: Array<{ key: string; value: Buffer; offset: bigint; decoded?: Promise<T> }> = [];
  const consumer = kafka.consumer({ groupId: uniqueName('billing-invoice-events-test'), sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${topicPrefix}${topic}`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key && message.value) messages.push({ key: message.key.toString(), value: message.value, offset: BigInt(message.offset) });
    },
  });
  const eventsOf = async (contractRef: string) => {
    const mine = messages.filter((message) => message.key === contractRef).sort((a, b) => (a.offset < b.offset ? -1 : 1));
    return Promise.all(mine.map((message) => (message.decoded ??= codec.decode(message.value) as Promise<T>)));
  };
  return {
    eventsOf,
    async waitForEvents(contractRef, count) {
      await waitFor(async () => (await eventsOf(contractRef)).length >= count, { timeoutMs: 30_000, description: `${count} event(s) of ${contractRef} on ${topic}` });
      return eventsOf(contractRef);
    },
    stop: () => consumer.disconnect(),
  };
}
