import { outstandingMinorOf, startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher, type ContractSnapshot } from './support/contract-events';
import { buildPurchaseRequest, buildRefundRequest, daysAfterToday, type OperationRequest } from './support/operation-requests';

describe('purchase rules, each alone (POST /v1/operations)', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  /** Publishes a contract (ACTIVE and valid unless overridden) and waits until billing has it. */
  async function knownContract(overrides: Partial<ContractSnapshot> = {}): Promise<string> {
    const event = buildContractEvent({ type: 'ACTIVATED', contract: overrides });
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
    return event.contractRef;
  }

  async function submit(body: OperationRequest) {
    return billing.api.post('/v1/operations').set(await billing.auth()).send(body);
  }

  async function expectRejected(body: OperationRequest, errorCode: string) {
    const response = await submit(body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ errorCode, status: 422, path: '/v1/operations' })]);
    expect(response.body.operation).toMatchObject({ status: 'REJECTED', rejection: { errorCode }, contractRef: body.contractRef });
    const stored = await billing.service.context.pool.query('select status, rejection_code from operations where operation_id = $1', [response.body.operationId]);
    expect(stored.rows).toEqual([{ status: 'REJECTED', rejection_code: errorCode }]);
    return response;
  }

  it('when every rule holds, then 201 ACCEPTED and the outstanding rises by the amount', async () => {
    const contractRef = await knownContract();
    const response = await submit(buildPurchaseRequest(contractRef, 12_345));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'ACCEPTED', type: 'PURCHASE', contractRef, totalWithTax: 123.45, currencyCode: 'EUR', invoiceRef: null });
    const balance = await billing.api.get(`/v1/contracts/${contractRef}/balance`).set(await billing.auth());
    expect(balance.body).toEqual({
      contractRef,
      contractStatus: 'ACTIVE',
      currencyCode: 'EUR',
      outstanding: 123.45,
      limit: 1000,
      available: 876.55,
      counts: { acceptedPurchases: 1, acceptedRefunds: 0, rejected: 0 },
    });
  });

  it('when billing has never heard of the contract, then CONTRACT_UNKNOWN', async () => {
    await expectRejected(buildPurchaseRequest('CTR-never-published'), 'CONTRACT_UNKNOWN');
  });

  it.each(['CREATED', 'SUSPENDED', 'TERMINATED', 'EXPIRED'] as const)('when the contract is %s, then CONTRACT_NOT_ACTIVE', async (status) => {
    const contractRef = await knownContract({ status });
    await expectRejected(buildPurchaseRequest(contractRef), 'CONTRACT_NOT_ACTIVE');
  });

  it('when the operation is dated before the contract was activated, then OUTSIDE_CONTRACT_VALIDITY', async () => {
    const contractRef = await knownContract({ activatedAt: '2020-06-01' });
    await expectRejected(buildPurchaseRequest(contractRef, 100, { operationAt: '2020-05-31' }), 'OUTSIDE_CONTRACT_VALIDITY');
  });

  it('when the operation is dated after the contract expires, then OUTSIDE_CONTRACT_VALIDITY', async () => {
    const year = new Date().getUTCFullYear();
    const contractRef = await knownContract({ expireAt: `${year + 1}-12-31` });
    await expectRejected(buildPurchaseRequest(contractRef, 100, { operationAt: `${year + 2}-01-01` }), 'OUTSIDE_CONTRACT_VALIDITY');
  });

  it('when a purchase is dated weeks ahead on the last day of validity, then OPERATION_DATE_IN_FUTURE and the limit is untouched', async () => {
    const year = new Date().getUTCFullYear();
    const contractRef = await knownContract({ expireAt: `${year + 1}-12-31` });
    await expectRejected(buildPurchaseRequest(contractRef, 100, { operationAt: `${year + 1}-12-31` }), 'OPERATION_DATE_IN_FUTURE');
    expect(await outstandingMinorOf(billing, contractRef)).toBe(0);
  });

  it('when a purchase is dated tomorrow, then the tolerance of one day takes it', async () => {
    const contractRef = await knownContract();
    const response = await submit(buildPurchaseRequest(contractRef, 100, { operationAt: daysAfterToday(1) }));
    expect(response.status).toBe(201);
  });

  it('when a refund is dated two days ahead, then OPERATION_DATE_IN_FUTURE', async () => {
    const contractRef = await knownContract();
    const purchase = buildPurchaseRequest(contractRef, 1_000);
    expect((await submit(purchase)).status).toBe(201);
    await expectRejected(buildRefundRequest(contractRef, purchase.order.orderRef, 1_000, { operationAt: daysAfterToday(2) }), 'OPERATION_DATE_IN_FUTURE');
    expect(await outstandingMinorOf(billing, contractRef)).toBe(1_000);
  });

  it('when the mandate is revoked, then MANDATE_INVALID', async () => {
    const contractRef = await knownContract({ mandate: { mandateRef: 'RUM-1', iban: 'FR7630006000011234567890189', bic: null, signedAt: '2025-01-01', status: 'REVOKED', revokedAt: '2026-01-01' } });
    await expectRejected(buildPurchaseRequest(contractRef), 'MANDATE_INVALID');
  });

  it('when there is no mandate, then MANDATE_INVALID', async () => {
    const contractRef = await knownContract({ mandate: null });
    await expectRejected(buildPurchaseRequest(contractRef), 'MANDATE_INVALID');
  });

  it('when the mandate is not signed yet, then MANDATE_INVALID', async () => {
    const contractRef = await knownContract({ mandate: { mandateRef: 'RUM-2', iban: 'FR7630006000011234567890189', bic: null, signedAt: null, status: 'PENDING_SIGNATURE', revokedAt: null } });
    await expectRejected(buildPurchaseRequest(contractRef), 'MANDATE_INVALID');
  });

  it('when the purchase would exceed the limit by one cent, then OUTSTANDING_LIMIT_EXCEEDED and the outstanding is unchanged', async () => {
    const contractRef = await knownContract({ outstandingLimit: { amountMinor: 50_000, currency: 'EUR' } });
    expect((await submit(buildPurchaseRequest(contractRef, 30_000))).status).toBe(201);
    const response = await expectRejected(buildPurchaseRequest(contractRef, 20_001), 'OUTSTANDING_LIMIT_EXCEEDED');
    expect(response.body.errors[0].message).toBe('Outstanding 300.00 + 200.01 EUR would exceed the limit of 500.00 EUR.');
    const balance = await billing.api.get(`/v1/contracts/${contractRef}/balance`).set(await billing.auth());
    expect(balance.body).toMatchObject({ outstanding: 300, available: 200, counts: { acceptedPurchases: 1, rejected: 1 } });
  });

  it('when the purchase reaches the limit exactly, then it is accepted and nothing is available any more', async () => {
    const contractRef = await knownContract({ outstandingLimit: { amountMinor: 50_000, currency: 'EUR' } });
    expect((await submit(buildPurchaseRequest(contractRef, 30_000))).status).toBe(201);
    expect((await submit(buildPurchaseRequest(contractRef, 20_000))).status).toBe(201);
    const balance = await billing.api.get(`/v1/contracts/${contractRef}/balance`).set(await billing.auth());
    expect(balance.body).toMatchObject({ outstanding: 500, limit: 500, available: 0 });
  });

  it('when the purchase is in another currency than the contract, then CURRENCY_MISMATCH', async () => {
    const contractRef = await knownContract();
    const request = buildPurchaseRequest(contractRef);
    await expectRejected({ ...request, order: { ...request.order, currencyCode: 'USD' } }, 'CURRENCY_MISMATCH');
  });

  it('when the token lacks operations:write, then 403 and nothing is stored', async () => {
    const contractRef = await knownContract();
    const response = await billing.api.post('/v1/operations').set(await billing.auth(['operations:read'])).send(buildPurchaseRequest(contractRef));
    expect(response.status).toBe(403);
    const stored = await billing.service.context.pool.query('select count(*)::int as count from operations where contract_ref = $1', [contractRef]);
    expect(stored.rows[0].count).toBe(0);
  });
});
