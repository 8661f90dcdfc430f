import { startBillingUnderTest, outstandingMinorOf, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest } from './support/operation-requests';

describe('the outstanding limit under concurrency', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  it('when 50 purchases race on a contract whose limit allows exactly 17 of them, then exactly 17 are accepted and the outstanding never passes the limit', async () => {
    const amountMinor = 2_999;
    const allowed = 17;
    const limitMinor = amountMinor * allowed + amountMinor - 1; // one cent short of an 18th
    const event = buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: limitMinor, currency: 'EUR' } } });
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
    const auth = await billing.auth();

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => billing.api.post('/v1/operations').set(auth).send(buildPurchaseRequest(event.contractRef, amountMinor))),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(allowed);
    expect(statuses.filter((status) => status === 422)).toHaveLength(50 - allowed);
    for (const rejected of responses.filter((response) => response.status === 422)) {
      expect(rejected.body.errors[0].errorCode).toBe('OUTSTANDING_LIMIT_EXCEEDED');
    }
    expect(await outstandingMinorOf(billing, event.contractRef)).toBe(amountMinor * allowed);
    const stored = await billing.service.context.pool.query(
      `select status, count(*)::int as count, coalesce(sum(total_with_tax_minor), 0)::bigint as total
         from operations where contract_ref = $1 group by status order by status`,
      [event.contractRef],
    );
    expect(stored.rows).toEqual([
      { status: 'ACCEPTED', count: allowed, total: String(amountMinor * allowed) },
      { status: 'REJECTED', count: 50 - allowed, total: String(amountMinor * (50 - allowed)) },
    ]);
  });
});
