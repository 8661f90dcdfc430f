import { submitAccepted } from './support/billing-runs';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest } from './support/operation-requests';
import { uniqueName } from './support/test-environment';

describe('contract balances API: closest to the limit first', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  const customerRef = uniqueName('CUST-BAL');
  /** Contracts named by how much of their limit they use. */
  const refs: Record<'eighty' | 'twenty' | 'unused' | 'noLimit', string> = { eighty: '', twenty: '', unused: '', noLimit: '' };
  let asCustomer: Record<string, string>;

  async function activeContract(limitMinor: number): Promise<string> {
    const event = buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: limitMinor, currency: 'EUR' } } });
    event.contract.subscriber = { ...event.contract.subscriber, customerRef };
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
    return event.contractRef;
  }

  const balancesOf = (query: string, headers = asCustomer) => billing.api.get(`/v1/contract-balances${query}`).set(headers);

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    // Created in another order than the expected one, so that only the ratio can explain it.
    refs.twenty = await activeContract(100_000);
    refs.noLimit = await activeContract(0);
    refs.unused = await activeContract(50_000);
    refs.eighty = await activeContract(100_000);
    await submitAccepted(billing, buildPurchaseRequest(refs.twenty, 20_000));
    await submitAccepted(billing, buildPurchaseRequest(refs.eighty, 80_000));
    asCustomer = { Authorization: `Bearer ${await billing.token(['operations:read'], 'customer-portal', { customers: [customerRef] })}` };
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  it('when balances are listed, then the highest outstanding / limit comes first and a zero limit last, each as the balance endpoint tells it', async () => {
    const response = await balancesOf('?pageSize=10');
    expect(response.status).toBe(200);
    expect(response.body.balances.map((balance: { contractRef: string }) => balance.contractRef)).toEqual([refs.eighty, refs.twenty, refs.unused, refs.noLimit]);
    const { counts, ...single } = (await billing.api.get(`/v1/contracts/${refs.eighty}/balance`).set(asCustomer)).body;
    expect(counts.acceptedPurchases).toBe(1);
    expect(response.body.balances[0]).toEqual(single);
    expect(response.body.metadata).toMatchObject({ totalItems: 4 });
  });

  it('when a page further is asked for, then it holds the next contract in that order', async () => {
    const response = await balancesOf('?pageSize=1&page=2');
    expect(response.body.balances.map((balance: { contractRef: string }) => balance.contractRef)).toEqual([refs.twenty]);
  });

  it('when the token lacks operations:read, then 403', async () => {
    const response = await balancesOf('', await billing.auth(['invoices:read']));
    expect(response.status).toBe(403);
  });
});
