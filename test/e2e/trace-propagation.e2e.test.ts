import { randomBytes } from 'node:crypto';
import { recordSpans } from '@boissipay/runtime/testing';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { knownContract, purchaseOn, submitAccepted } from '../../billing-service/test/support/billing-runs';
import { startBillingUnderTest, type BillingUnderTest } from '../../billing-service/test/support/billing-under-test';
import { startContractEventPublisher, type ContractEventPublisher } from '../../billing-service/test/support/contract-events';
import { buildContractRequest } from '../../contract-service/test/support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from '../../contract-service/test/support/contract-service-under-test';
import { startMailer, type MailerUnderTest } from '../../invoice-mailer/test/support/mailer-under-test';
import { collectionDayClock, startPaymentService, type PaymentServiceUnderTest } from '../../payment-service/test/support/payment-service-under-test';

jest.setTimeout(180_000);

/** A caller's W3C traceparent: a trace the test knows the id of. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

/**
 * The four services in one process on shared topics, their spans recorded in memory: each hop
 * of a flow through Kafka (and through the payment and delivery tables the workers pick their
 * work from) stays in the trace the flow started in.
 */
describe('one trace per flow, across the services', () => {
  const spans = recordSpans();
  let contracts: ContractServiceUnderTest;
  let billing: BillingUnderTest;
  let payment: PaymentServiceUnderTest;
  let mailer: MailerUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    contracts = await startContractService();
    const shared = { KAFKA_TOPIC_PREFIX: contracts.topicPrefix };
    [billing, payment, mailer, publisher] = await Promise.all([
      startBillingUnderTest(shared),
      startPaymentService(shared, { clock: collectionDayClock }),
      startMailer(shared),
      startContractEventPublisher(contracts.topicPrefix),
    ]);
  }, 180_000);
  afterAll(async () => {
    await publisher?.stop();
    await Promise.all([mailer?.stop(), payment?.stop(), billing?.stop()]);
    await contracts?.stop();
  }, 120_000);

  /** The span in which `service` processed a message of `topic`, in trace `traceId`. */
  function processedBy(service: string, topic: string, traceId: string): Promise<ReadableSpan> {
    const prefix = contracts.topicPrefix;
    return spans.waitFor(`${service} processing ${topic} in trace ${traceId}`, (span) =>
      span.name === `handle ${prefix}${topic}` &&
      String(span.attributes['messaging.consumer.group.name']).startsWith(`${prefix}${service}.`) &&
      span.spanContext().traceId === traceId,
    );
  }

  const inTrace = (name: string, traceId: string) => spans.waitFor(`${name} in trace ${traceId}`, (span) => span.name === name && span.spanContext().traceId === traceId);

  it('when a contract changes, then billing applies the event to its read model in the trace of the contract request', async () => {
    const caller = callerTrace();
    const created = await contracts.api.post('/v1/contracts').set({ Authorization: `Bearer ${contracts.writer}`, traceparent: caller.traceparent }).send(buildContractRequest());
    expect(created.status).toBe(201);

    const produced = await inTrace('POST /v1/contracts', caller.traceId);
    const published = await inTrace('publish contract.lifecycle.v1', caller.traceId);
    const applied = await processedBy('billing-service', 'contract.lifecycle.v1', caller.traceId);
    expect(published.parentSpanContext?.spanId).toBe(produced.spanContext().spanId);
    expect(applied.parentSpanContext?.spanId).toBe(published.spanContext().spanId);
  });

  it('when a billing run issues an invoice, then its debit, the payment result, its e-mail and the delivery are all in the trace of the run request', async () => {
    const contractRef = await knownContract(billing, publisher);
    await submitAccepted(billing, purchaseOn(contractRef, '2026-02-20', [{ unitPriceMinor: 12_000, vatRate: 20 }]));
    const caller = callerTrace();
    const started = await billing.api.post('/v1/billing-runs').set({ ...(await billing.auth(['billing:run'])), traceparent: caller.traceparent }).send({ period: '2026-02' });
    expect(started.status).toBe(202);

    // invoice → debit → result → settlement
    const issued = await inTrace('publish billing.invoice-issued.v1', caller.traceId);
    const toDebit = await processedBy('payment-service', 'billing.invoice-issued.v1', caller.traceId);
    expect(toDebit.parentSpanContext?.spanId).toBe(issued.spanContext().spanId);
    await inTrace('debit payment', caller.traceId);
    await inTrace('publish payment.result.v1', caller.traceId);
    await processedBy('billing-service', 'payment.result.v1', caller.traceId);

    // invoice → e-mail → delivery
    const toMail = await processedBy('invoice-mailer', 'billing.invoice-issued.v1', caller.traceId);
    expect(toMail.parentSpanContext?.spanId).toBe(issued.spanContext().spanId);
    await inTrace('deliver invoice', caller.traceId);
    await inTrace('publish mailer.invoice-delivery.v1', caller.traceId);
    await processedBy('billing-service', 'mailer.invoice-delivery.v1', caller.traceId);
  });
});
