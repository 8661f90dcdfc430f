import { createAvroCodec, createKafka, createLogger, createSchemaRegistry } from '@boissipay/runtime';
import { waitFor } from '@boissipay/runtime/testing';
import { billingOperationDecidedV1Event } from '@boissipay/contracts';
import { startMessageCollector, type MessageCollector } from '../../packages/runtime/test/support/message-collector';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest, buildRefundRequest } from './support/operation-requests';
import { testEnvironment } from './support/test-environment';

type DecidedEvent = billingOperationDecidedV1Event.OperationDecidedEvent;

describe('the decision stream (billing.operation-decided.v1)', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  let decisions: MessageCollector;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    const kafka = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'decision-stream-test', logger: createLogger({ service: 'decision-stream-test', level: 'silent' }) });
    const codec = createAvroCodec(createSchemaRegistry(testEnvironment.schemaRegistryUrl), {});
    decisions = await startMessageCollector(kafka, [`${billing.topicPrefix}${billingOperationDecidedV1Event.topic}`], (value) => codec.decode(value));
  });
  afterAll(async () => {
    await decisions?.stop();
    await publisher?.stop();
    await billing?.stop();
  });

  it('when purchases and a refund are decided, accepted or rejected, then each decision is published once, in order, keyed by its contract; a replay publishes nothing', async () => {
    const contract = buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: 20_000, currency: 'EUR' } } });
    await publisher.publish(contract);
    await waitForContractVersion(billing, contract.contractRef, contract.version);
    const submit = async (body: object, headers: Record<string, string> = {}) => billing.api.post('/v1/operations').set(await billing.auth()).set(headers).send(body);

    const purchase = buildPurchaseRequest(contract.contractRef, 15_000);
    const accepted = await submit(purchase, { 'Idempotency-Key': `decision-${contract.contractRef}` });
    const rejected = await submit(buildPurchaseRequest(contract.contractRef, 10_000));
    const refund = await submit(buildRefundRequest(contract.contractRef, purchase.order.orderRef, 5_000));
    const replay = await submit(purchase, { 'Idempotency-Key': `decision-${contract.contractRef}` });
    expect([accepted.status, rejected.status, refund.status, replay.status]).toEqual([201, 422, 201, 201]);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    // A barrier on the same key: once its decision is in, any second publication of the others would be too.
    const barrier = await submit(buildPurchaseRequest(contract.contractRef, 100));
    const ofContract = () => decisions.messages.filter((message) => message.key === contract.contractRef);
    await waitFor(() => ofContract().some((message) => (message.event as DecidedEvent).operationId === barrier.body.operationId), { timeoutMs: 30_000, description: 'the barrier decision' });

    const events = ofContract().map((message) => message.event as DecidedEvent);
    expect(events.map((event) => [event.operationId, event.type, event.status, event.rejectionCode, event.totalWithTaxMinor])).toEqual([
      [accepted.body.operationId, 'PURCHASE', 'ACCEPTED', null, 15_000],
      [rejected.body.operationId, 'PURCHASE', 'REJECTED', 'OUTSTANDING_LIMIT_EXCEEDED', 10_000],
      [refund.body.operationId, 'REFUND', 'ACCEPTED', null, 5_000],
      [barrier.body.operationId, 'PURCHASE', 'ACCEPTED', null, 100],
    ]);
    expect(events[1]).toMatchObject({ contractRef: contract.contractRef, orderRef: expect.any(String), currency: 'EUR', submittedBy: 'sales-system-test', rejectionMessage: expect.stringContaining('limit') });
    expect(events[2]).toMatchObject({ refundedOrderRef: purchase.order.orderRef });
    expect(new Set(events.map((event) => event.eventId)).size).toBe(4);
  });
});
