import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { contractHistory, startContractEventPublisher, type ContractEvent, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest } from './support/operation-requests';

describe('decisions follow the contract through its lifecycle events', () => {
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

  async function purchase(contractRef: string, totalMinor: number) {
    const response = await billing.api.post('/v1/operations').set(await billing.auth()).send(buildPurchaseRequest(contractRef, totalMinor));
    return { status: response.status, code: response.body.errors?.[0]?.errorCode as string | undefined };
  }

  it('when the contract is activated, suspended, reactivated, its mandate revoked then replaced and its limit raised, then each decision follows', async () => {
    const history = contractHistory({ status: 'CREATED', outstandingLimit: { amountMinor: 20_000, currency: 'EUR' } });
    const ref = history.contractRef;
    await applied(history.current);
    expect(await purchase(ref, 1_000)).toEqual({ status: 422, code: 'CONTRACT_NOT_ACTIVE' });

    await applied(history.next('ACTIVATED', { status: 'ACTIVE' }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 201, code: undefined });

    await applied(history.next('SUSPENDED', { status: 'SUSPENDED' }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 422, code: 'CONTRACT_NOT_ACTIVE' });

    await applied(history.next('REACTIVATED', { status: 'ACTIVE' }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 201, code: undefined });

    const mandate = history.current.contract.mandate;
    if (!mandate) throw new Error('the history starts with a mandate');
    await applied(history.next('MANDATE_REVOKED', { mandate: { ...mandate, status: 'REVOKED', revokedAt: '2026-01-02' } }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 422, code: 'MANDATE_INVALID' });

    await applied(history.next('MANDATE_CHANGED', { mandate: { ...mandate, mandateRef: `${mandate.mandateRef}-2`, status: 'ACTIVE', revokedAt: null } }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 201, code: undefined });

    // 30.00 outstanding of 200.00: 180.00 more is too much until the limit is raised.
    expect(await purchase(ref, 18_000)).toEqual({ status: 422, code: 'OUTSTANDING_LIMIT_EXCEEDED' });
    await applied(history.next('LIMIT_CHANGED', { outstandingLimit: { amountMinor: 50_000, currency: 'EUR' } }));
    expect(await purchase(ref, 18_000)).toEqual({ status: 201, code: undefined });

    await applied(history.next('TERMINATED', { status: 'TERMINATED', terminatedAt: '2026-12-31' }));
    expect(await purchase(ref, 1_000)).toEqual({ status: 422, code: 'CONTRACT_NOT_ACTIVE' });

    const balance = await billing.api.get(`/v1/contracts/${ref}/balance`).set(await billing.auth());
    expect(balance.body).toMatchObject({ contractStatus: 'TERMINATED', outstanding: 210, limit: 500, counts: { acceptedPurchases: 4, rejected: 5 } });
  });
});
