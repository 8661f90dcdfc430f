import { buildContractRequest } from '../../contract-service/test/support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from '../../contract-service/test/support/contract-service-under-test';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildPurchaseRequest, buildRefundRequest } from './support/operation-requests';

/**
 * Both services for real: contracts are managed through contract-service's REST API, reach
 * billing only through its outbox and contract.lifecycle.v1, and billing decides on them.
 */
describe('end to end: contract-service lifecycle → billing decisions', () => {
  let contracts: ContractServiceUnderTest;
  let billing: BillingUnderTest;

  beforeAll(async () => {
    contracts = await startContractService();
    // On the contract service's own topics: billing reads only what this test's contract service publishes.
    billing = await startBillingUnderTest({ KAFKA_TOPIC_PREFIX: contracts.topicPrefix });
  });
  afterAll(async () => {
    await billing?.stop();
    await contracts?.stop();
  });

  /** Calls a contract-service endpoint, then waits until billing has applied the event it published. */
  async function contractAction(method: 'post' | 'put', path: string, body: object): Promise<{ contractRef: string; version: number }> {
    const response = await contracts.api[method](path).set('Authorization', `Bearer ${contracts.writer}`).send(body);
    expect([200, 201]).toContain(response.status);
    const { contractRef, version } = response.body as { contractRef: string; version: number };
    await waitForContractVersion(billing, contractRef, version);
    return { contractRef, version };
  }

  async function purchase(contractRef: string, totalMinor: number) {
    const response = await billing.api.post('/v1/operations').set(await billing.auth()).send(buildPurchaseRequest(contractRef, totalMinor));
    return { status: response.status, code: response.body.errors?.[0]?.errorCode as string | undefined, orderRef: response.body.order?.orderRef as string | undefined };
  }

  it('when a contract is created, activated, suspended, reactivated, limited and its mandate revoked, then billing decides accordingly', async () => {
    const { contractRef } = await contractAction('post', '/v1/contracts', buildContractRequest({ billing: { outstandingLimit: { amount: 500, currency: 'EUR' } } }));
    expect(await purchase(contractRef, 10_000)).toMatchObject({ status: 422, code: 'CONTRACT_NOT_ACTIVE' });

    await contractAction('post', `/v1/contracts/${contractRef}/activate`, {});
    const bought = await purchase(contractRef, 10_000);
    expect(bought).toMatchObject({ status: 201 });

    await contractAction('post', `/v1/contracts/${contractRef}/suspend`, { reason: 'unpaid invoice' });
    expect(await purchase(contractRef, 10_000)).toMatchObject({ status: 422, code: 'CONTRACT_NOT_ACTIVE' });
    const refund = await billing.api.post('/v1/operations').set(await billing.auth()).send(buildRefundRequest(contractRef, bought.orderRef ?? '', 2_000));
    expect(refund.status).toBe(201);

    await contractAction('post', `/v1/contracts/${contractRef}/reactivate`, {});
    expect(await purchase(contractRef, 42_000)).toMatchObject({ status: 201 });
    expect(await purchase(contractRef, 1_000)).toMatchObject({ status: 422, code: 'OUTSTANDING_LIMIT_EXCEEDED' });

    await contractAction('put', `/v1/contracts/${contractRef}/outstanding-limit`, { amount: 600, currency: 'EUR' });
    expect(await purchase(contractRef, 1_000)).toMatchObject({ status: 201 });

    await contractAction('post', `/v1/contracts/${contractRef}/mandate/revoke`, { reason: 'customer request' });
    expect(await purchase(contractRef, 1_000)).toMatchObject({ status: 422, code: 'MANDATE_INVALID' });

    const balance = await billing.api.get(`/v1/contracts/${contractRef}/balance`).set(await billing.auth());
    expect(balance.body).toMatchObject({ contractStatus: 'ACTIVE', outstanding: 510, limit: 600, available: 90 });
  });
});
