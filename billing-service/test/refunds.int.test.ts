import { startBillingUnderTest, outstandingMinorOf, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { contractHistory, startContractEventPublisher, type ContractEvent, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest, buildRefundRequest, type OperationRequest } from './support/operation-requests';

describe('refunds (POST /v1/operations, type REFUND)', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  async function applied(event: ContractEvent): Promise<void> {
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
  }

  async function submit(body: OperationRequest) {
    return billing.api.post('/v1/operations').set(await billing.auth()).send(body);
  }

  /** An active contract with one accepted purchase of 100.00 EUR. */
  async function contractWithPurchase() {
    const history = contractHistory();
    await applied(history.current);
    const purchase = buildPurchaseRequest(history.contractRef, 10_000);
    expect((await submit(purchase)).status).toBe(201);
    return { history, contractRef: history.contractRef, orderRef: purchase.order.orderRef };
  }

  it('when part of a purchase is refunded, then it is accepted and the outstanding falls by the refund', async () => {
    const { contractRef, orderRef } = await contractWithPurchase();
    const response = await submit(buildRefundRequest(contractRef, orderRef, 2_500));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ type: 'REFUND', status: 'ACCEPTED', totalWithTax: 25, order: { refundedOrderRef: orderRef } });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(7_500);
  });

  it('when partial refunds add up to the whole purchase, then each is accepted and the outstanding returns to zero', async () => {
    const { contractRef, orderRef } = await contractWithPurchase();
    expect((await submit(buildRefundRequest(contractRef, orderRef, 4_000))).status).toBe(201);
    expect((await submit(buildRefundRequest(contractRef, orderRef, 6_000))).status).toBe(201);
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);
    const balance = await billing.api.get(`/v1/contracts/${contractRef}/balance`).set(await billing.auth());
    expect(balance.body).toMatchObject({ outstanding: 0, counts: { acceptedPurchases: 1, acceptedRefunds: 2, rejected: 0 } });
  });

  it('when a refund asks one cent more than remains refundable, then REFUND_EXCEEDS_PURCHASE and the outstanding is unchanged', async () => {
    const { contractRef, orderRef } = await contractWithPurchase();
    expect((await submit(buildRefundRequest(contractRef, orderRef, 3_000))).status).toBe(201);
    const response = await submit(buildRefundRequest(contractRef, orderRef, 7_001));
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ errorCode: 'REFUND_EXCEEDS_PURCHASE', message: 'Only 70.00 EUR remains refundable on purchase ' + orderRef + '; 70.01 EUR asked.' });
    expect(await outstandingMinorOf(billing, contractRef)).toBe(7_000);
  });

  it('when the refunded order was never purchased on this contract, then PURCHASE_NOT_FOUND', async () => {
    const { contractRef } = await contractWithPurchase();
    const response = await submit(buildRefundRequest(contractRef, 'ORD-does-not-exist', 100));
    expect(response.status).toBe(422);
    expect(response.body.errors[0].errorCode).toBe('PURCHASE_NOT_FOUND');
  });

  it('when the purchase belongs to another contract, then PURCHASE_NOT_FOUND', async () => {
    const first = await contractWithPurchase();
    const second = await contractWithPurchase();
    const response = await submit(buildRefundRequest(second.contractRef, first.orderRef, 100));
    expect(response.status).toBe(422);
    expect(response.body.errors[0].errorCode).toBe('PURCHASE_NOT_FOUND');
  });

  it('when the contract is suspended and its mandate revoked, then a refund is still accepted', async () => {
    const { history, contractRef, orderRef } = await contractWithPurchase();
    const mandate = history.current.contract.mandate;
    if (!mandate) throw new Error('the history starts with a mandate');
    await applied(history.next('SUSPENDED', { status: 'SUSPENDED' }));
    await applied(history.next('MANDATE_REVOKED', { mandate: { ...mandate, status: 'REVOKED', revokedAt: '2026-01-02' } }));
    expect((await submit(buildPurchaseRequest(contractRef, 100))).status).toBe(422);
    const response = await submit(buildRefundRequest(contractRef, orderRef, 10_000));
    expect(response.status).toBe(201);
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);
  });

  it('when a refund gives back room under the limit, then a purchase that did not fit is accepted', async () => {
    const history = contractHistory({ outstandingLimit: { amountMinor: 10_000, currency: 'EUR' } });
    await applied(history.current);
    const purchase = buildPurchaseRequest(history.contractRef, 10_000);
    expect((await submit(purchase)).status).toBe(201);
    expect((await submit(buildPurchaseRequest(history.contractRef, 1_000))).status).toBe(422);
    expect((await submit(buildRefundRequest(history.contractRef, purchase.order.orderRef, 1_000))).status).toBe(201);
    expect((await submit(buildPurchaseRequest(history.contractRef, 1_000))).status).toBe(201);
  });

  it('when several refunds of one purchase race, then together they never exceed it', async () => {
    const { contractRef, orderRef } = await contractWithPurchase();
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit(buildRefundRequest(contractRef, orderRef, 3_000))));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(3);
    expect(await outstandingMinorOf(billing, contractRef)).toBe(1_000);
  });
});
